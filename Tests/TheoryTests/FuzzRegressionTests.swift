import Testing

@testable import Theory

/// Inputs the libFuzzer targets in Fuzz/ found crashing a parser (Scripts/fuzz.sh); each must now be refused.
@Suite struct FuzzRegressionTests {
  /// FuzzChordSymbols, crash-05a79f06: a Harte label that is only the separator indexed an empty split.
  @Test(arguments: [":", "::", ":maj", ":/3"])
  func harteLabelsWithoutARootAreRefused(label: String) {
    #expect(Chord(harte: label) == nil)
  }

  @Test func harteLabelsStillParse() {
    #expect(Chord(harte: "A:min/b3")?.symbol == "Am/C")
    #expect(Chord(harte: "C")?.symbol == "C")
  }
}

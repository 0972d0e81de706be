import Testing

@testable import Theory

@Suite struct RomanNumeralTests {
  let cMajor = Key(NoteClass(.C), .major)
  let cMinor = Key(NoteClass(.C), .minor)

  func roman(_ symbol: String, in key: Key) -> String {
    RomanNumeral(chord: Chord(symbol: symbol)!, in: key).description
  }

  @Test func namesDiatonicChords() {
    #expect(roman("C", in: cMajor) == "I")
    #expect(roman("Am", in: cMajor) == "vi")
    #expect(roman("G7", in: cMajor) == "V7")
    #expect(roman("Bm7b5", in: cMajor) == "viiø7")
    #expect(roman("Bdim", in: cMajor) == "vii°")
    #expect(roman("Fmaj7", in: cMajor) == "IVmaj7")
    #expect(roman("Ab", in: cMinor) == "VI")
    #expect(roman("Bb", in: cMinor) == "VII")
    #expect(roman("G", in: cMinor) == "V")
  }

  @Test func namesBorrowedAndAppliedChords() {
    #expect(roman("Bb", in: cMajor) == "bVII")
    #expect(roman("Ab", in: cMajor) == "bVI")
    #expect(roman("Fm", in: cMajor) == "iv")
    #expect(roman("D7", in: cMajor) == "V7/V")
    #expect(roman("E7", in: cMajor) == "V7/VI")
    #expect(roman("Bdim", in: cMinor) == "#vii°")
  }

  @Test func parsesAndRealisesNumerals() throws {
    let cases: [(String, String)] = [
      ("I", "C"), ("vi", "Am"), ("bVII", "Bb"), ("V7/V", "D7"), ("viiø7", "Bm7b5"), ("iv", "Fm"),
    ]
    for (text, symbol) in cases {
      let numeral = try #require(RomanNumeral(parsing: text), "cannot parse \(text)")
      #expect(numeral.chord(in: cMajor).symbol == symbol, "\(text) in C major")
      #expect(numeral.description == text)
    }
    #expect(RomanNumeral(parsing: "Q7") == nil)
  }

  @Test func harteLabelsFromTheCorpora() {
    #expect(Chord(harte: "B:maj")?.symbol == "B")
    #expect(Chord(harte: "Bb:min7")?.symbol == "Bbm7")
    #expect(Chord(harte: "C:maj/3")?.symbol == "C/E")
    #expect(Chord(harte: "G:sus4(b7)")?.symbol == "G7sus4")
    #expect(Chord(harte: "N") == nil)
  }
}

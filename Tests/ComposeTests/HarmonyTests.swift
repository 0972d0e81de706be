import Affect
import Testing
import Theory

@testable import Compose

@Suite struct HarmonyTests {
  let model: CompositionModel
  init() throws { model = try CompositionModel.bundled() }

  func chords(_ text: String) throws -> [Chord] {
    try ChordChart(parsing: text).completeChords(in: Key(NoteClass(.C)))
  }

  @Test func nextAfterCGAmListsTheUsualContinuations() throws {
    let ranked = NextChordRanker(model: model).rank(
      after: try chords("C G Am"), in: Key(NoteClass(.C)), k: 8)
    let top = ranked.prefix(4).map(\.symbol)
    #expect(top.contains("F"))
    #expect(Set(top).isSuperset(of: ["F", "G"]))
    let f = try #require(ranked.first { $0.symbol == "F" })
    #expect(f.roman == "IV" && f.function == .predominant)
    #expect(f.probability > 0.15)
    let total = ranked.reduce(0) { $0 + $1.probability }
    #expect(total <= 1 + 1e-9 && total > 0.8)
    // Ranked best first, and the repeat of the last chord is not offered.
    #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.probability >= $1.probability })
    #expect(!ranked.contains { $0.symbol == "Am" })
  }

  @Test func allSuggestionsSumToAtMostOne() throws {
    let ranked = NextChordRanker(model: model).rank(
      after: try chords("C G Am"), in: Key(NoteClass(.C)), k: 500)
    let total = ranked.reduce(0) { $0 + $1.probability }
    #expect(total <= 1 + 1e-9)
    #expect(total > 0.95)
  }

  @Test func aSadMoodRaisesMinorChords() throws {
    let sad = try MoodParser().parse("sad lonely night")
    let ranker = NextChordRanker(model: model)
    let plain = ranker.rank(after: try chords("C G Am"), in: Key(NoteClass(.C)), k: 30)
    let moody = ranker.rank(after: try chords("C G Am"), in: Key(NoteClass(.C)), mood: sad, k: 30)
    func share(_ list: [NextChordSuggestion], _ symbol: String) -> Double {
      list.first { $0.symbol == symbol }?.probability ?? 0
    }
    #expect(share(moody, "Em") > share(plain, "Em"))
    #expect(share(moody, "F") < share(plain, "F"))
    // The model's own figure is reported unchanged.
    #expect(
      moody.first { $0.symbol == "F" }?.modelProbability
        == plain.first { $0.symbol == "F" }?.modelProbability)
  }

  @Test func keysAreInferredFromChords() throws {
    let finder = ChordKeyFinder(model: model)
    #expect(finder.infer(try chords("C G Am F")).key == Key(NoteClass(.C)))
    #expect(finder.infer(try chords("C G Am")).key == Key(NoteClass(.C)))
    #expect(finder.infer(try chords("Am Dm E Am")).key == Key(NoteClass(.A), .minor))
    #expect(finder.infer(try chords("D A Bm G")).key == Key(NoteClass(.D)))
    #expect(finder.infer(try chords("Eb Bb Cm Ab")).key == Key(NoteClass(.E, accidental: -1)))
    let reason = finder.infer(try chords("C G Am F")).reason
    #expect(reason.contains("inferred from the chords") && reason.contains("next best"))
  }

  @Test func analysisNamesNumeralsCadencesAndColour() throws {
    let analyzer = ProgressionAnalyzer(model: model)
    let a = analyzer.analyze(try chords("C Am Dm G7 C F G Am"))
    #expect(a.key == Key(NoteClass(.C)))
    #expect(a.chords.map(\.roman) == ["I", "vi", "ii", "V7", "I", "IV", "V", "vi"])
    #expect(a.cadences.map(\.kind) == [.authentic, .deceptive])
    let plagal = analyzer.analyze(try chords("C F C"), key: Key(NoteClass(.C)))
    #expect(plagal.cadences.map(\.kind) == [.plagal])
    let half = analyzer.analyze(try chords("C Am F G"), key: Key(NoteClass(.C)))
    #expect(half.cadences.map(\.kind) == [.half])
    let colour = analyzer.analyze(try chords("C D G Fm C"), key: Key(NoteClass(.C)))
    #expect(colour.chords[1].roman == "V/V" && colour.chords[1].function == .secondaryDominant)
    #expect(colour.chords[3].roman == "iv" && colour.chords[3].borrowed)
    #expect(!colour.chords[0].borrowed)
  }
}

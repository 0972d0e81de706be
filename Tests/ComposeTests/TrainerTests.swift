import Compose
import Foundation
import Testing
import Theory

@Suite struct TrainerTests {
  /// Two tiny songs in C major: I IV V I and I vi IV V I.
  static let corpus: [ChordSong] = [
    ChordSong(
      id: "a", mode: .major,
      runs: [["I", "IV", "V", "I"].map { ChordEvent(token: $0, colour: .major, beats: 4) }]),
    ChordSong(
      id: "b", mode: .major,
      runs: [
        ["I", "vi", "IV", "V", "I"].map {
          ChordEvent(token: $0, colour: $0 == "V" ? .dominant7 : .major, beats: 2)
        }
      ]),
  ]

  @Test func countsAreWhatTheCorpusHolds() throws {
    var trainer = ModelTrainer()
    trainer.chordMinimumCount = 1
    let model = try trainer.train(chordSongs: Self.corpus, melodies: [], sources: ["test"])
    let t = model.majorChords
    #expect(t.outcomes == ["I", "IV", "V", "vi"])
    #expect(t.count(of: "I", after: []) == 4)
    #expect(t.count(of: "V", after: ["IV"]) == 2)
    #expect(t.count(of: "IV", after: ["I"]) == 1)
    #expect(t.count(of: "I", after: ["<s>"]) == 2)
    #expect(t.count(of: "V", after: ["vi", "IV"]) == 1)
    #expect(model.summary.chordTokens == 9)
    #expect(model.colours["major"]?["V"] == ["maj": 1, "7": 1])
    #expect(model.chordBeats == ["4": 4, "2": 5])
  }

  @Test func wittenBellProbabilitiesSumToOneAndBackOff() throws {
    var trainer = ModelTrainer()
    trainer.chordMinimumCount = 1
    let t = try trainer.train(chordSongs: Self.corpus, melodies: [], sources: ["test"]).majorChords
    for context in [
      [], ["I"], ["IV"], ["vi", "IV"], ["<s>", "I", "vi"], ["V", "vi"], ["never", "seen"],
    ] {
      let sum = t.distribution(after: context).reduce(0, +)
      #expect(abs(sum - 1) < 1e-12, "\(context)")
    }
    // After IV the corpus always goes to V: c(IV,V) = 2, T(IV) = 1.
    // Unigram: counts I 4, IV 2, V 2, vi 1 (N = 9, T = 4) interpolated with uniform 1/4:
    //   P1(V) = (2 + 4·¼) / (9 + 4) = 3/13.  P(V | IV) = (2 + 1·3/13) / (2 + 1) = 29/39.
    #expect(abs(t.probability(of: "V", after: ["IV"]) - 29.0 / 39.0) < 1e-12)
    // An unseen context backs off to the unigram.
    #expect(abs(t.probability(of: "V", after: ["never"]) - 3.0 / 13.0) < 1e-12)
    // Every outcome keeps some mass.
    #expect(t.probability(of: "vi", after: ["IV"]) > 0)
  }

  @Test func trainingTwiceGivesTheSameBytes() throws {
    let a = try ModelTrainer().train(chordSongs: Self.corpus, melodies: [], sources: ["test"])
      .encoded()
    let b = try ModelTrainer().train(
      chordSongs: Self.corpus.reversed(), melodies: [], sources: ["test"]
    ).encoded()
    #expect(a == b)
  }

  @Test func noChordsIsAnErrorNamingTheSource() {
    #expect(throws: ComposeError.noTrainingData("nowhere")) {
      try ModelTrainer().train(chordSongs: [], melodies: [], sources: ["nowhere"])
    }
  }

  @Test func shippedModelLoadsAndKnowsPopHarmony() throws {
    let model = try CompositionModel.bundled()
    #expect(model.summary.chordTokens > 100_000)
    #expect(model.summary.melodyNotes > 100_000)
    #expect(model.vocabulary(for: .major).count >= 20)
    // What every songwriter knows: V goes home to I more than anywhere else.
    let afterV = model.majorChords.distribution(after: ["V"])
    let best = model.majorChords.outcomes[afterV.indices.max { afterV[$0] < afterV[$1] }!]
    #expect(best == "I")
    let bytes = try model.encoded()
    #expect(bytes.count < 2_000_000)
  }

  @Test func corruptModelFileIsReportedWithItsPath() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bad-model-\(UUID()).json"
    ).path
    try Data("{\"not\": 1}".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: ComposeError.modelCorrupt(path: path, reason: "not a composition model JSON")) {
      try CompositionModel.load(path: path)
    }
    #expect(throws: ComposeError.modelMissing(path + ".missing")) {
      try CompositionModel.load(path: path + ".missing")
    }
  }
}

import Affect
import Testing
import Theory

@testable import Compose

/// Metal's power chords, and the key that dark, intense sketches keep.
@Suite struct PowerChordTests {
  let composer = Composer(model: Fixtures.model)

  /// Dark, intense minor plans used to get ♭II chords by rule; i–♭II in B minor has G major's notes, and
  /// audio and symbolic analysis alike then heard the relative major (planned key 57 → 67 of 88 dark
  /// sketches from audio without them, Benchmarks/mood/sketch_renders.sh). Aeolian plans now keep the
  /// key's own second degree; phrygian plans still get ♭II from the model's phrygian table.
  @Test func aDarkIntenseMinorPlanKeepsItsSecondDegree() throws {
    let mood = try MoodParser().parse("tense horror, something is following me")
    var checked = 0
    for seed in UInt64(1)...10 {
      let plan = Planner().plan(for: mood, seed: seed)
      guard plan.key.mode == .minor else { continue }
      checked += 1
      let chords = composer.compose(plan, seed: seed).chords
      let tonic = plan.key.tonic.pitchClass
      let flatTwo = chords.filter { ($0.chord.root.pitchClass - tonic + 12) % 12 == 1 }
      #expect(flatTwo.isEmpty, "seed \(seed): \(flatTwo.map(\.roman))")
      #expect(chords.last?.chord.root.pitchClass == tonic, "seed \(seed)")
    }
    #expect(checked >= 5, "only \(checked) of 10 plans in aeolian minor")
  }

  /// Metal's power chords keep a diminished chord's flat fifth instead of a fifth outside the key.
  @Test func powerChordsKeepADiminishedChordsFlatFifth() throws {
    var plan = Fixtures.plan(key: "E minor", style: .metal, bars: 4)
    plan.arousal = 0.9
    let key = plan.key
    let bar = 4 * Composer.ticksPerQuarter
    let given = ["i", "ii°", "bII", "i"].enumerated().map { index, text in
      let roman = RomanNumeral(parsing: text)!
      return GeneratedChord(
        token: text, roman: roman, chord: roman.chord(in: key), bar: index, start: index * bar,
        duration: bar)
    }
    let score = composer.compose(plan, seed: 1, chords: given)
    let guitar = try #require(score.tracks.first { $0.name == "Chords" })
    for span in given {
      let notes = Set(guitar.notes.filter { $0.start == span.start }.map(\.pitch.midi))
      let low = try #require(notes.min(), "no power chord at bar \(span.bar)")
      let fifth = span.chord.quality == .diminished ? 6 : 7
      #expect(notes == [low, low + fifth, low + 12], "\(span.roman): \(notes.sorted())")
    }
  }
}

import Affect
import Testing
import Theory

@testable import Compose

/// Dark, intense prompts get the ♭II that minor alone does not give them; other prompts do not.
@Suite struct TensionChordTests {
  let composer = Composer(model: Fixtures.model)

  @Test func aDarkIntensePromptPlaysTheFlatTwo() throws {
    let mood = try MoodParser().parse("tense horror, something is following me")
    var withFlatTwo = 0
    var flatTwoSpans = 0
    var spans = 0
    for seed in UInt64(1)...10 {
      let plan = Planner().plan(for: mood, seed: seed)
      #expect(plan.key.mode.hasMinorThird && plan.tensionChordShare >= 0.2)
      #expect(plan.reasons.contains { $0.hasPrefix("tension chords") })
      let chords = composer.compose(plan, seed: seed).chords
      let tonic = plan.key.tonic.pitchClass
      let flatTwo = chords.filter {
        ($0.chord.root.pitchClass - tonic + 12) % 12 == 1 && $0.chord.quality == .major
      }
      if !flatTwo.isEmpty { withFlatTwo += 1 }
      // Never two ♭II in a row: a drone, not a progression.
      for (a, b) in zip(chords, chords.dropFirst()) {
        let twice = flatTwo.contains(a) && flatTwo.contains(b)
        #expect(!twice, "seed \(seed): ♭II twice at tick \(b.start)")
      }
      flatTwoSpans += flatTwo.count
      spans += chords.count
      // The key is still stated where a listener looks for it: first and last chord on the tonic's
      // side, never the ♭II.
      #expect(chords.last?.chord.root.pitchClass == tonic, "seed \(seed)")
      #expect(
        chords.first.map { ($0.chord.root.pitchClass - tonic + 12) % 12 } != 1, "seed \(seed)")
    }
    #expect(withFlatTwo >= 8, "♭II in only \(withFlatTwo) of 10 sketches")
    #expect(Double(flatTwoSpans) / Double(spans) >= 0.1)
  }

  @Test func calmOrBrightPlansHaveNoTensionChords() throws {
    for prompt in ["sad lonely night, heartbroken", "energetic dance party, house"] {
      let plan = Planner().plan(for: try MoodParser().parse(prompt), seed: 1)
      #expect(plan.tensionChordShare == 0, "\(prompt)")
      #expect(!plan.reasons.contains { $0.hasPrefix("tension chords") }, "\(prompt)")
    }
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

import Affect
import Compose
import Foundation
import Testing
import Theory

/// Each mode must sound like itself: its own scale in the chords and the melody, and its colour chord.
@Suite struct ModalHarmonyTests {
  let composer = Composer(model: Fixtures.model)

  struct Case: Sendable, CustomStringConvertible {
    var key: String
    var style: Style
    /// The colour chords as (semitones from the tonic to the root, minor third?).
    var colour: [(root: Int, minor: Bool)]
    /// A scale degree (semitones above the tonic) that tells the mode from plain major or minor.
    var colourNote: Int
    var description: String { key }
  }

  static let cases: [Case] = [
    Case(key: "A lydian", style: .ambient, colour: [(2, false), (11, true)], colourNote: 6),
    Case(key: "G mixolydian", style: .rock, colour: [(10, false), (7, true)], colourNote: 10),
    Case(key: "D dorian", style: .lofi, colour: [(5, false), (2, true)], colourNote: 9),
    Case(key: "E phrygian", style: .cinematic, colour: [(1, false), (10, true)], colourNote: 1),
    Case(key: "C harmonic minor", style: .cinematic, colour: [(7, false)], colourNote: 11),
    // Locrian's home chord is the diminished i°: its b5 is the colour, its major ♭II the colour chord.
    Case(key: "D locrian", style: .metal, colour: [(1, false)], colourNote: 6),
  ]

  @Test(arguments: cases)
  func chordsAndMelodyStayInTheModeAndPlayItsColour(_ c: Case) {
    let plan = Fixtures.plan(key: c.key, style: c.style, bars: 8)
    let scale = Set(plan.key.scalePitchClasses)
    let tonic = plan.key.tonic.pitchClass
    var withColour = 0
    var melodyNotes = 0
    var outside = 0
    var colourNotes = 0
    for seed in UInt64(1)...10 {
      let score = composer.compose(plan, seed: seed)
      for span in score.chords {
        #expect(
          Set(span.chord.pitchClasses).isSubset(of: scale),
          "\(c.key) seed \(seed): \(span.chord.symbol) (\(span.roman)) leaves the scale")
        // The chart names each chord in the mode itself.
        #expect(span.roman == RomanNumeral(chord: span.chord, in: plan.key))
      }
      let hasColour = score.chords.contains { span in
        let root = (span.chord.root.pitchClass - tonic + 12) % 12
        return c.colour.contains { $0.root == root && $0.minor == span.chord.quality.isMinorish }
      }
      if hasColour { withColour += 1 }
      let melody = Fixtures.track(score, "Melody")!.notes.map(\.pitch.pitchClass)
      melodyNotes += melody.count
      outside += melody.filter { !scale.contains($0) }.count
      colourNotes += melody.filter { ($0 - tonic + 12) % 12 == c.colourNote }.count
    }
    print(
      "\(c.key): colour chord in \(withColour)/10 sketches; melody \(outside)/\(melodyNotes) notes outside the scale, \(colourNotes) on the colour degree"
    )
    #expect(withColour >= 3, "\(c.key): the colour chord appears in only \(withColour)/10 sketches")
    #expect(Double(outside) <= 0.03 * Double(melodyNotes))
    #expect(colourNotes >= 5, "\(c.key): the melody hardly uses the mode's colour degree")
  }

  /// The mode's own chord in the cadence (the two chords before the final tonic): phrygian ♭II–i,
  /// lydian II–I, mixolydian ♭VII–I or ♭VII–IV–I, dorian IV–i, in most seeds (left to the pop
  /// corpus, every phrygian sketch cadenced iv–i, plain minor).
  @Test(arguments: [
    ("E phrygian", Style.trap, 1), ("A lydian", .ambient, 2), ("G mixolydian", .rock, 10),
    ("A dorian", .rock, 5), ("D locrian", .metal, 1),
  ])
  func aModeCadencesOnItsOwnChord(key: String, style: Style, cadenceRoot: Int) {
    let plan = Fixtures.plan(key: key, style: style, bars: 8)
    let tonic = plan.key.tonic.pitchClass
    var own = 0
    for seed in UInt64(1)...10 {
      let chords = composer.compose(plan, seed: seed).chords
      guard chords.count >= 2 else { continue }
      let approach = chords.dropLast().suffix(2).map {
        ($0.chord.root.pitchClass - tonic + 12) % 12
      }
      if approach.contains(cadenceRoot) { own += 1 }
      #expect(chords.last.map { $0.chord.root.pitchClass } == tonic, "\(key) seed \(seed)")
    }
    #expect(own >= 5, "\(key): its own cadence in only \(own) of 10 sketches")
  }

  @Test func bittersweetPromptsCarryMinorColour() throws {
    let mood = try MoodParser().parse("bittersweet late-night drive, lo-fi")
    var coloured = 0
    for seed in UInt64(1)...20 {
      let plan = Planner().plan(for: mood, seed: seed)
      let key = Key(plan.key.tonic, .major)
      #expect(plan.key.mode == .major)
      let tokens = composer.compose(plan, seed: seed).chords.compactMap {
        ChordToken.token(for: $0.chord, in: key)?.token
      }
      let minorOpening = ["vi", "ii"].contains(tokens.first ?? "")
      let borrowed = tokens.contains { ["iv", "bVI", "bIII", "bVII", "v", "ii°"].contains($0) }
      if minorOpening || borrowed { coloured += 1 }
    }
    print("bittersweet: minor colour in \(coloured)/20 sketches")
    #expect(coloured >= 14)
  }
}

import Affect
import Foundation
import SMF
import Testing
import Theory

@testable import Compose

/// `vary`'s engine: one part rewritten, the others kept note for note, the new part fitting them.
@Suite struct PartVariationTests {
  struct Sketch {
    var mood: Mood
    var plan: Plan
    var seed: UInt64
    /// The score as `vary` reads it back from sketch.mid (chords from the markers).
    var score: Score
  }

  /// Sketches in several styles and metres, read back through their MIDI bytes as `vary` does.
  static let sketches: [Sketch] = [
    ("bittersweet late-night drive, lo-fi", 5, nil, nil), ("triumphant epic battle", 7, nil, nil),
    ("happy summer pop song", 11, nil, nil), ("smoky late-night jazz club", 3, nil, nil),
    ("calm rainy morning waltz", 2, nil, nil), ("dark aggressive metal", 9, nil, nil),
    ("lilting folk dance", 4, "6/8", 16),
  ].map { (prompt: String, seed: UInt64, meter: String?, bars: Int?) in
    let mood = try! MoodParser().parse(prompt)
    let overrides = PlanOverrides(meter: meter.flatMap(Meter.init(parsing:)), bars: bars)
    let plan = Planner().plan(for: mood, overrides: overrides, seed: seed)
    let score = Composer(model: Fixtures.model).compose(plan, seed: seed)
    let read = try! MIDIFile.decode(MIDIFile.encode(score), name: "sketch.mid")
    var marked = read
    marked.chords = ScoreMarker.chordSpans(
      from: Self.markers(MIDIFile.encode(score)), in: plan.key, endTick: read.endTick)
    return Sketch(mood: mood, plan: plan, seed: seed, score: marked)
  }

  static func markers(_ data: Data) -> [ScoreMarker] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "vary-\(UUID().uuidString).mid")
    try! data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try! MIDIFile.readMarked(path: url.path).markers
  }

  let variation = PartVariation(model: Fixtures.model)

  func vary(_ s: Sketch, _ part: SketchPart, seed: UInt64 = 1, count: Int = 1) throws -> [Score] {
    try variation.variations(
      of: s.score, plan: s.plan, sketchSeed: s.seed, part: part, seed: seed, count: count)
  }

  @Test(arguments: SketchPart.allCases)
  func untouchedTracksKeepEveryNoteAndTheVariedPartIsNew(part: SketchPart) throws {
    for s in Self.sketches where s.score.tracks.contains(where: { $0.name == part.trackName }) {
      let varied = try #require(try vary(s, part).first)
      #expect(varied.tracks.map(\.name) == s.score.tracks.map(\.name))
      for (old, new) in zip(s.score.tracks, varied.tracks) {
        #expect(new.program == old.program && new.channel == old.channel)
        if old.name == part.trackName {
          #expect(new.notes != old.notes, "\(s.plan.style) \(part): the part did not change")
        } else {
          #expect(new == old, "\(s.plan.style) \(part): \(old.name) changed")
        }
      }
      if part != .chords { #expect(varied.chords == s.score.chords) }
      // Written out and read again, the kept tracks' notes are still the input's.
      let reread = try MIDIFile.decode(MIDIFile.encode(varied), name: "var.mid")
      for (old, new) in zip(s.score.tracks, reread.tracks) where old.name != part.trackName {
        #expect(new.notes == old.notes, "\(old.name) after a round trip")
      }
    }
  }

  @Test(arguments: SketchPart.allCases)
  func fourAlternativesAreFourDistinctParts(part: SketchPart) throws {
    let s = Self.sketches[0]
    let four = try vary(s, part, seed: 3, count: 4)
    let parts = four.map { $0.tracks.first { $0.name == part.trackName }!.notes }
    #expect(four.count == 4)
    #expect(Set(parts.map { $0.map(\.pitch.midi) + $0.map(\.start) }).count == 4)
    // The first of four is what one variation with the same seed gives.
    #expect(try MIDIFile.encode(vary(s, part, seed: 3)[0]) == MIDIFile.encode(four[0]))
  }

  @Test func theSameSeedGivesTheSameBytesAndAnotherSeedAnotherPart() throws {
    for part in SketchPart.allCases {
      let s = Self.sketches[2]
      let a = MIDIFile.encode(try vary(s, part, seed: 8)[0])
      #expect(a == MIDIFile.encode(try vary(s, part, seed: 8)[0]))
      #expect(a != MIDIFile.encode(try vary(s, part, seed: 9)[0]), "\(part)")
    }
  }

  @Test func aVariedMelodySitsOnTheKeptChords() throws {
    var tones = 0
    var strong = 0
    for s in Self.sketches {
      for seed: UInt64 in 1...5 {
        let varied = try vary(s, .melody, seed: seed)[0]
        let melody = varied.tracks.first { $0.name == "Melody" }!.notes
        let chords = s.score.chords.map {
          GeneratedChord(
            token: "", roman: $0.roman, chord: $0.chord, bar: 0, start: $0.start,
            duration: $0.duration)
        }
        let (t, n) = MelodyHarmonizerTests.strongBeatChordToneShare(
          melody, chords, meter: s.plan.meter)
        tones += t
        strong += n
      }
    }
    let share = Double(tones) / Double(max(1, strong))
    // The sketches' own melodies, for comparison: the variation should fit about as well.
    let own = Self.sketches.map { s in
      MelodyHarmonizerTests.strongBeatChordToneShare(
        s.score.tracks.first { $0.name == "Melody" }!.notes,
        s.score.chords.map {
          GeneratedChord(
            token: "", roman: $0.roman, chord: $0.chord, bar: 0, start: $0.start,
            duration: $0.duration)
        }, meter: s.plan.meter)
    }
    print("original melodies: \(own.map(\.0).reduce(0, +))/\(own.map(\.1).reduce(0, +))")
    print("varied melodies: \(tones)/\(strong) strong-beat notes are chord tones (\(share))")
    #expect(strong > 100)
    #expect(share >= 0.7)
  }

  @Test func variedChordsFitTheKeptMelodyAndBass() throws {
    var tones = 0
    var strong = 0
    var bassTones = 0
    var bassStrong = 0
    for s in Self.sketches {
      for seed: UInt64 in 1...5 {
        let varied = try vary(s, .chords, seed: seed)[0]
        let melody = s.score.tracks.first { $0.name == "Melody" }!.notes
        let chords = varied.chords.map {
          GeneratedChord(
            token: "", roman: $0.roman, chord: $0.chord, bar: 0, start: $0.start,
            duration: $0.duration)
        }
        #expect(varied.chords != s.score.chords)
        let (t, n) = MelodyHarmonizerTests.strongBeatChordToneShare(
          melody, chords, meter: s.plan.meter)
        tones += t
        strong += n
        let bass = s.score.tracks.first { $0.name == "Bass" }!.notes
        let (bt, bn) = MelodyHarmonizerTests.strongBeatChordToneShare(
          bass, chords, meter: s.plan.meter)
        bassTones += bt
        bassStrong += bn
      }
    }
    let share = Double(tones) / Double(max(1, strong))
    let bassShare = Double(bassTones) / Double(max(1, bassStrong))
    print(
      "varied chords: \(tones)/\(strong) kept melody strong-beat notes are chord tones (\(share)); bass \(bassTones)/\(bassStrong) (\(bassShare))"
    )
    #expect(share >= 0.7)
    // The kept bass still plays tones of the new chords.
    #expect(bassShare >= 0.9)
  }

  @Test func thePlanIsRebuiltFromTheReport() {
    for s in Self.sketches {
      let report = SketchReport(
        prompt: "", seed: s.seed, mood: s.mood, plan: s.plan, score: s.score)
      var rebuilt = PartVariation.plan(for: report)
      // The reasons say the key and tempo were given; the music is the same.
      rebuilt.reasons = s.plan.reasons
      #expect(rebuilt == s.plan, "\(s.plan.style)")
    }
  }

  @Test func aPartTheSketchDoesNotHaveIsNamed() throws {
    var s = Self.sketches[0]
    s.score.tracks.removeAll { $0.name == "Drums" }
    #expect(throws: CowriteError.missingPart("drums", available: ["Chords", "Melody", "Bass"])) {
      try vary(s, .drums)
    }
  }
}

import Affect
import Analysis
import Foundation
import SMF
import Testing
import Theory

@testable import Compose

/// `harmonize`'s arrangement: the user's melody kept exactly, chords that fit it, a band around it.
@Suite struct MelodyArrangementTests {
  static func plan(_ key: String, meter: Meter = .commonTime, style: Style = .pop) -> Plan {
    var overrides = PlanOverrides(key: Key(parsing: key)!, tempoBPM: 96, meter: meter, style: style)
    overrides.bars = 8
    return Planner().plan(for: Mood(valence: 0.3, arousal: 0), overrides: overrides, seed: 1)
  }

  @Test func theTuneIsKeptExactlyAndTheBandMovesOffItsChannel() throws {
    // A tune at 96 ticks per quarter on channel 0 (where the composer puts its chords).
    let pitches = [60, 64, 67, 72, 65, 69, 72, 69, 67, 71, 74, 71, 72, 67, 64, 60]
    let melody = Track(
      name: "Flute", program: 73, channel: 0,
      notes: pitches.enumerated().map {
        NoteEvent(start: $0.offset * 96, duration: 90, pitch: Pitch($0.element), velocity: 77)
      })
    let tune = Score(
      ticksPerQuarter: 96, tempos: [TempoChange(tick: 0, bpm: 96)],
      meters: [MeterChange(tick: 0, meter: .commonTime)], tracks: [melody])
    let result = MelodyArrangement(composer: Composer(model: Fixtures.model)).arrange(
      melody: melody, tune: tune, plan: Self.plan("C major"), seed: 3)
    let kept = try #require(result.score.tracks.first { $0.name == "Flute" })
    #expect(kept == melody)
    #expect(result.score.ticksPerQuarter == 96)
    #expect(result.score.tempos == tune.tempos)
    #expect(result.bars == 4)
    let others = result.score.tracks.filter { $0.name != "Flute" }
    #expect(others.contains { $0.name == "Bass" } && others.contains { $0.name == "Chords" })
    #expect(!others.contains { $0.channel == 0 }, "no other part shares the tune's channel")
    // The band is on the tune's grid: four bars of 4/4 at 96 ticks.
    let end = others.flatMap(\.notes).map { $0.start + $0.duration }.max() ?? 0
    #expect(end <= 4 * 384 + 96)
    #expect(result.chords.map(\.chord.symbol).first == "C")
  }

  /// The done-when of issue 9: 20 POP909 melodies, each kept note for note, ≥ 80 % of strong-beat
  /// notes chord tones; root agreement with POP909's own chords is printed.
  @Test(.enabled(if: SharedData.available, "needs ../shared/data/pop909"))
  func pop909MelodiesKeepTheirNotesOverConsonantChords() throws {
    var tones = 0
    var strong = 0
    var agree = 0
    var compared = 0
    let composer = Composer(model: Fixtures.model)
    for n in 1...20 {
      let id = String(format: "%03d", n)
      let folder = SharedData.folder + "/pop909/POP909/\(id)"
      let tune = try MIDIFile.read(path: "\(folder)/\(id).mid")
      let reading = try DraftReader().read(tune, name: id)
      #expect(reading.melodyTrackName == "MELODY")
      let melody = tune.tracks[reading.melodyTrack]
      let meter = reading.meters.first?.meter ?? .commonTime
      var overrides = PlanOverrides(key: reading.key, tempoBPM: tune.initialTempo, meter: meter)
      overrides.style = .pop
      let plan = Planner().plan(
        for: Mood(valence: 0.3, arousal: 0), overrides: overrides, seed: UInt64(n))
      let result = MelodyArrangement(composer: composer).arrange(
        melody: melody, tune: tune, plan: plan, seed: UInt64(n))
      #expect(result.score.tracks.first { $0.name == "MELODY" } == melody, "song \(id)")
      let scale = 480.0 / Double(tune.ticksPerQuarter)
      // On the sixteenth grid, as a listener hears beats (the files sit a few ticks off it).
      let notes = melody.notes.map {
        NoteEvent(
          start: (Int((Double($0.start) * scale).rounded()) + 60) / 120 * 120,
          duration: $0.duration, pitch: $0.pitch, velocity: $0.velocity)
      }
      let (t, s) = MelodyHarmonizerTests.strongBeatChordToneShare(
        notes, result.chords, meter: meter)
      tones += t
      strong += s
      let spans = try Pop909Chords.spans(in: folder)
      for c in result.score.chords {
        let from = tune.seconds(atTick: c.start)
        let to = tune.seconds(atTick: c.start + c.duration)
        guard let expected = Pop909Chords.root(in: spans, from: from, to: to) else { continue }
        compared += 1
        if c.chord.root.pitchClass == expected { agree += 1 }
      }
    }
    let share = Double(tones) / Double(max(1, strong))
    print(
      String(
        format:
          "harmonize on POP909 1–20: %.1f %% of %d strong-beat melody notes are chord tones; roots agree with POP909's chords on %.1f %% of %d chords",
        share * 100, strong, Double(agree) / Double(max(1, compared)) * 100, compared))
    #expect(share >= 0.8)
  }
}

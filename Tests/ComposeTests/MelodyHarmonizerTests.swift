import Foundation
import SMF
import Testing
import Theory

@testable import Compose

@Suite struct MelodyHarmonizerTests {
  let harmonizer = MelodyHarmonizer(model: Fixtures.model)

  func note(_ start: Int, _ length: Int, _ midi: Int) -> NoteEvent {
    NoteEvent(start: start, duration: length, pitch: Pitch(midi), velocity: 80)
  }

  /// Share of melody notes starting on a strong beat that are tones of the chord sounding then.
  static func strongBeatChordToneShare(
    _ melody: [NoteEvent], _ chords: [GeneratedChord], meter: Meter
  )
    -> (Int, Int)
  {
    let barTicks = meter.ticksPerBar(ticksPerQuarter: 480)
    let beatTicks = meter.ticksPerBeat(ticksPerQuarter: 480)
    var tones = 0
    var strong = 0
    for n in melody
    where MelodyHarmonizer.isStrong(n.start, meter: meter, barTicks: barTicks, beatTicks: beatTicks)
    {
      guard let c = chords.first(where: { $0.start <= n.start && n.start < $0.start + $0.duration })
      else { continue }
      strong += 1
      if c.chord.pitchClasses.contains(n.pitch.pitchClass) { tones += 1 }
    }
    return (tones, strong)
  }

  @Test func aScaleTuneGetsTonicDominantAndSubdominant() {
    // C E G | F A C | G B D | C: arpeggios of I, IV, V, I, a whole note each.
    let arpeggios = [[60, 64, 67, 72], [65, 69, 72, 69], [67, 71, 74, 71], [72, 67, 64, 60]]
    let melody = arpeggios.enumerated().flatMap { bar, pitches in
      pitches.enumerated().map { note(bar * 1920 + $0.offset * 480, 480, $0.element) }
    }
    let chords = harmonizer.harmonize(
      melody: melody, key: Key(NoteClass(.C)), meter: .commonTime, bars: 4, ticksPerQuarter: 480)
    #expect(chords.map(\.chord.symbol) == ["C", "F", "G", "C"])
    #expect(chords.map(\.bar) == [0, 1, 2, 3])
    let same = harmonizer.harmonize(
      melody: melody, key: Key(NoteClass(.C)), meter: .commonTime, bars: 4, ticksPerQuarter: 480)
    #expect(same == chords)
  }

  @Test(.enabled(if: SharedData.available, "needs ../shared/data/pop909"))
  func pop909MelodiesAreHarmonizedConsonantly() throws {
    var tones = 0
    var strong = 0
    var agree = 0
    var compared = 0
    for n in 1...20 {
      let id = String(format: "%03d", n)
      let folder = SharedData.folder + "/pop909/POP909/\(id)"
      let score = try MIDIFile.read(path: "\(folder)/\(id).mid")
      let melody = try #require(score.tracks.first { $0.name.uppercased() == "MELODY" }).notes
      let keyLine = try String(contentsOfFile: "\(folder)/key_audio.txt", encoding: .utf8)
        .split(separator: "\n")[0].split(separator: "\t")
      let key = try #require(Key(parsing: String(keyLine[2])))
      // POP909's MIDI grid starts at its first annotated downbeat (beat_midi.txt, third column 1),
      // a few ticks in; its files say 2/4, its beat annotations count 4/4 bars. Shift and rescale
      // to the harmonizer's 480 ticks per quarter so bar lines fall on the song's downbeats.
      let beats = try String(contentsOfFile: "\(folder)/beat_midi.txt", encoding: .utf8)
        .split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
      let downbeat = try #require(beats.first { $0.count >= 3 && $0[2] == 1 })[0]
      let offset = Int(
        (downbeat * score.initialTempo / 60 * Double(score.ticksPerQuarter)).rounded())
      let scale = 480.0 / Double(score.ticksPerQuarter)
      let notes = melody.filter { $0.start >= offset }.map {
        NoteEvent(
          start: Int((Double($0.start - offset) * scale).rounded()),
          duration: Int((Double($0.duration) * scale).rounded()), pitch: $0.pitch,
          velocity: $0.velocity)
      }
      let bars = (notes.map { $0.start + $0.duration }.max() ?? 0) / 1920 + 1
      let chords = harmonizer.harmonize(
        melody: notes, key: key, meter: .commonTime, bars: bars, ticksPerQuarter: 480)
      let (t, s) = Self.strongBeatChordToneShare(notes, chords, meter: .commonTime)
      tones += t
      strong += s
      // Root agreement per chord span against POP909's own chord annotations (seconds).
      let spans = try Pop909Chords.spans(in: folder)
      for c in chords {
        let from = score.seconds(atTick: Int(Double(c.start) / scale) + offset)
        let to = score.seconds(atTick: Int(Double(c.start + c.duration) / scale) + offset)
        guard let expected = Pop909Chords.root(in: spans, from: from, to: to) else { continue }
        compared += 1
        if c.chord.root.pitchClass == expected { agree += 1 }
      }
    }
    let share = Double(tones) / Double(max(1, strong))
    let rootShare = Double(agree) / Double(max(1, compared))
    print(
      "harmonize POP909 1–20: strong-beat chord tones \(tones)/\(strong) = \(String(format: "%.1f", share * 100)) %; root agreement with annotations \(agree)/\(compared) = \(String(format: "%.1f", rootShare * 100)) %"
    )
    #expect(strong > 1000)
    #expect(share >= 0.8)
  }
}

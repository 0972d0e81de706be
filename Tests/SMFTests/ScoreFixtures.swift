import Theory

@testable import SMF

/// Scores and byte sequences the tests build by hand.
enum Fixtures {
  /// A short arrangement: piano chords, a bass with a program change and pitch bend, a lead with
  /// repeated notes, drums on channel 9; tempo, meter and key changes; a title and chords.
  static var band: Score {
    var piano = Track(name: "Piano", program: 0, channel: 0)
    for (bar, root) in [60, 65, 67, 60].enumerated() {
      for offset in [0, 4, 7] {
        piano.notes.append(
          NoteEvent(
            start: bar * 1920, duration: 1920, pitch: Pitch(root + offset), velocity: 70 + offset))
      }
    }
    var bass = Track(name: "Bass", program: 33, channel: 1)
    for beat in 0..<16 {
      bass.notes.append(
        NoteEvent(start: beat * 480, duration: 240, pitch: Pitch(36 + beat % 3), velocity: 90))
    }
    bass.controls = [
      ControlEvent(tick: 0, kind: .controller, number: 7, value: 100),
      ControlEvent(tick: 960, kind: .pitchBend, number: 0, value: 10000),
      ControlEvent(tick: 1440, kind: .pitchBend, number: 0, value: 8192),
      ControlEvent(tick: 3840, kind: .programChange, number: 34, value: 0),
    ]
    // Repeated pitch with no gap: the release and the next attack share a tick.
    var lead = Track(name: "Lead", program: 80, channel: 2)
    for i in 0..<8 {
      lead.notes.append(
        NoteEvent(start: i * 240, duration: 240, pitch: Pitch(72), velocity: 100 - i))
    }
    var drums = Track(name: "Drums", program: 0, channel: Track.drumChannel)
    for beat in 0..<16 {
      drums.notes.append(
        NoteEvent(
          start: beat * 480, duration: 120, pitch: Pitch(beat % 2 == 0 ? 36 : 38), velocity: 110))
      drums.notes.append(NoteEvent(start: beat * 480, duration: 60, pitch: Pitch(42), velocity: 80))
    }
    let c = NoteClass(.C)
    return Score(
      ticksPerQuarter: 480,
      tempos: [TempoChange(tick: 0, bpm: 96), TempoChange(tick: 3840, bpm: 120)],
      meters: [
        MeterChange(tick: 0, meter: Meter(4, 4)), MeterChange(tick: 5760, meter: Meter(6, 8)),
      ],
      keys: [
        KeyChange(tick: 0, key: Key(c, .major)),
        KeyChange(tick: 3840, key: Key(NoteClass(.E, accidental: -1), .minor)),
      ],
      tracks: [piano, bass, lead, drums],
      chords: [
        ChordSpan(
          start: 0, duration: 1920, chord: Chord(c, .major), roman: RomanNumeral(parsing: "I")!)
      ],
      title: "Test Song")
  }

  /// Notes as (start, duration, pitch, velocity), sorted, for order-independent comparison.
  static func notes(_ track: Track) -> [[Int]] {
    track.notes.map { [$0.start, $0.duration, $0.pitch.midi, $0.velocity] }.sorted {
      $0.lexicographicallyPrecedes($1)
    }
  }

  /// Every note of a score with its channel: (start, duration, channel, pitch, velocity), sorted.
  static func allNotes(_ score: Score) -> [[Int]] {
    score.tracks.flatMap { track in
      track.notes.map { [$0.start, $0.duration, track.channel, $0.pitch.midi, $0.velocity] }
    }.sorted { $0.lexicographicallyPrecedes($1) }
  }

  /// A format 0 or 1 file from raw track bodies (each body without its End of Track unless given).
  static func file(format: Int = 1, division: Int = 480, tracks: [[UInt8]]) -> [UInt8] {
    var bytes: [UInt8] =
      Array("MThd".utf8) + [0, 0, 0, 6, 0, UInt8(format), 0, UInt8(tracks.count)]
    bytes += [UInt8(division >> 8), UInt8(division & 0xFF)]
    for body in tracks {
      bytes += Array("MTrk".utf8) + ByteWriter.u32(body.count) + body
    }
    return bytes
  }

  static let endOfTrack: [UInt8] = [0x00, 0xFF, 0x2F, 0x00]
}

/// The first place two long lists differ, or nil when they are equal, so a failing comparison of
/// thousands of notes prints one line instead of both lists.
func firstDifference<T: Equatable>(_ got: [T], _ want: [T]) -> String? {
  if let index = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
  {
    return "item \(index): got \(got[index]), want \(want[index])"
  }
  return got.count == want.count ? nil : "got \(got.count) items, want \(want.count)"
}

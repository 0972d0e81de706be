import Foundation
import Theory

/// Small scores whose notation is known by heart.
enum NotationFixtures {
  static let tpq = 480

  /// Four bars of 4/4 in D major at 90 BPM: a quarter, a dotted quarter, an eighth, a note tied over
  /// the bar line, an eighth-note triplet, rests, a whole note; chords D, Bm7/F#, G, A7sus4; sections
  /// "Verse" (bar 1) and "Chorus" (bar 3).
  static var leadSheet: Score {
    let melody: [(Int, Int, Int)] = [
      (0, 480, 66), (480, 720, 69), (1200, 240, 71), (1440, 960, 73),
      (2880, 160, 74), (3040, 160, 76), (3200, 160, 78), (3360, 480, 67),
      (4320, 960, 69), (5760, 1920, 62),
    ]
    let d = NoteClass(.D)
    let b = NoteClass(.B)
    let fSharp = NoteClass(.F, accidental: 1)
    let key = Key(d)
    let chords = [
      (0, Chord(d, .major)), (1920, Chord(b, .minor7, bass: fSharp)),
      (3840, Chord(NoteClass(.G), .major)), (5760, Chord(NoteClass(.A), .sus4dominant7)),
    ].map {
      ChordSpan(start: $0.0, duration: 1920, chord: $0.1, roman: RomanNumeral(chord: $0.1, in: key))
    }
    return Score(
      ticksPerQuarter: tpq, tempos: [TempoChange(tick: 0, bpm: 90)],
      meters: [MeterChange(tick: 0, meter: .commonTime)], keys: [KeyChange(tick: 0, key: key)],
      tracks: [
        Track(
          name: "Melody", program: 0, channel: 0,
          notes: melody.map {
            NoteEvent(start: $0.0, duration: $0.1, pitch: Pitch($0.2), velocity: 80)
          })
      ], chords: chords)
  }

  static let sections = [
    ScoreMarker(tick: 0, text: "Verse"), ScoreMarker(tick: 3840, text: "Chorus"),
  ]

  /// One bar of quarter notes in a key, for spelling.
  static func scale(_ pitches: [Int], key: Key) -> Score {
    Score(
      ticksPerQuarter: tpq, keys: [KeyChange(tick: 0, key: key)],
      tracks: [
        Track(
          name: "Melody", program: 0, channel: 0,
          notes: pitches.enumerated().map {
            NoteEvent(start: $0.offset * 480, duration: 480, pitch: Pitch($0.element), velocity: 80)
          })
      ])
  }

  /// Two bars of eighth notes played with a swing ratio (0.5 straight, 0.67 triplet) and a small
  /// deterministic timing wobble, as a humanised performance.
  static func swungEighths(ratio: Double) -> Score {
    var notes: [NoteEvent] = []
    for index in 0..<16 {
      let beat = index / 2
      let wobble = [0, 7, -5, 9, -8, 4, -3, 6][index % 8]
      let offset = index % 2 == 0 ? 0 : Int(ratio * 480)
      let start = beat * 480 + offset + wobble
      let next = index % 2 == 0 ? Int(ratio * 480) : 480 - offset
      notes.append(
        NoteEvent(
          start: max(0, start), duration: next - 20, pitch: Pitch(67 + index % 5), velocity: 80))
    }
    return Score(
      ticksPerQuarter: tpq, tracks: [Track(name: "Melody", program: 0, channel: 0, notes: notes)])
  }

  /// A band of melody, block chords, bass and drums over two bars.
  static var band: Score {
    var score = leadSheet
    score.tracks[0].notes = score.tracks[0].notes.filter { $0.start < 3840 }
    let chordNotes = [0, 1920].flatMap { start in
      [62, 66, 69].map { NoteEvent(start: start, duration: 1920, pitch: Pitch($0), velocity: 60) }
    }
    let bass = [0, 960, 1920, 2880].map {
      NoteEvent(start: $0, duration: 900, pitch: Pitch(38), velocity: 70)
    }
    var drums: [NoteEvent] = []
    for eighth in 0..<16 {
      drums.append(NoteEvent(start: eighth * 240, duration: 60, pitch: Pitch(42), velocity: 70))
      if eighth % 4 == 0 {
        drums.append(NoteEvent(start: eighth * 240, duration: 60, pitch: Pitch(36), velocity: 90))
      }
      if eighth % 4 == 2 {
        drums.append(NoteEvent(start: eighth * 240, duration: 60, pitch: Pitch(38), velocity: 90))
      }
    }
    score.tracks += [
      Track(name: "Chords", program: 4, channel: 1, notes: chordNotes),
      Track(name: "Bass", program: 33, channel: 2, notes: bass),
      Track(name: "Drums", program: 0, channel: 9, notes: drums),
    ]
    score.chords = Array(score.chords.prefix(2))
    return score
  }

  /// Two bars of piano: left-hand fifths below middle C under right-hand chords above it, and a
  /// melody in the right hand's top voice that moves while the chord holds.
  static var piano: Score {
    var notes: [NoteEvent] = []
    for bar in 0..<2 {
      let start = bar * 1920
      for pitch in [41, 48] {
        notes.append(NoteEvent(start: start, duration: 1920, pitch: Pitch(pitch), velocity: 60))
      }
      for pitch in [64, 67] {
        notes.append(NoteEvent(start: start, duration: 1920, pitch: Pitch(pitch), velocity: 60))
      }
      for (index, pitch) in [72, 74, 76, 77].enumerated() {
        notes.append(
          NoteEvent(start: start + index * 480, duration: 480, pitch: Pitch(pitch), velocity: 80))
      }
    }
    return Score(
      ticksPerQuarter: tpq, keys: [KeyChange(tick: 0, key: Key(NoteClass(.C)))],
      tracks: [Track(name: "Piano", program: 0, channel: 0, notes: notes)])
  }
}

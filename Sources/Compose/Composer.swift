import Affect
import Foundation
import Theory

/// Turns a ``Plan`` into a ``Score``: chords from the trained n-gram model, a melody from the trained
/// melody model, a voiced accompaniment, a bass line and drums in the plan's style.
///
/// ```swift
/// let composer = Composer(model: try CompositionModel.bundled())
/// let score = composer.compose(plan, seed: 42)
/// score.chords.map(\.chord.symbol)   // ["Am", "F", "C", "G", …]
/// ```
///
/// The same plan and seed always give the same score: every part draws from its own stream
/// derived from the seed, so changing one part's rules does not reshuffle the others.
public struct Composer: Sendable {
  public let model: CompositionModel
  /// MIDI resolution of the scores written.
  public static let ticksPerQuarter = 480

  public init(model: CompositionModel) { self.model = model }

  /// Composes a sketch.
  ///
  /// - Parameters:
  ///   - plan: key, tempo, metre, bars, style, instruments and the mood-driven weights.
  ///   - seed: any value; the same seed and plan give a byte-identical score.
  /// - Returns: a score with tracks Chords, Melody, Bass (and Drums when the plan has drums),
  ///   tempo, metre and key, and ``Score/chords`` filled with each chord's symbol and numeral.
  public func compose(_ plan: Plan, seed: UInt64) -> Score {
    let tpq = Self.ticksPerQuarter
    let bars = max(1, plan.bars)
    let root = SeededGenerator(seed: seed)
    var formStream = root.derived(4)
    let form = Form(bars: bars, style: plan.style, generator: &formStream)
    let grid = Grid(ticksPerQuarter: tpq, meter: plan.meter, bars: bars)
    let arrangement = Arrangement.forStyle(plan.style)

    var chordStream = root.derived(1)
    let chords = ChordGenerator(model: model).generate(
      plan, form: form, ticksPerQuarter: tpq, generator: &chordStream)
    var melodyStream = root.derived(2)
    let melody = MelodyGenerator(model: model).generate(
      plan, form: form, chords: chords, ticksPerQuarter: tpq, generator: &melodyStream)
    // Keep the accompaniment under the melody so the tune stays on top (the usual arranging rule).
    let top = max(64, min(76, plan.melodyRange.lowerBound + 5))
    let comping = CompingWriter(
      grid: grid, pattern: arrangement.comping, velocity: max(1, plan.velocity - 14),
      articulation: plan.articulation,
      register: (top - 19)...top
    ).notes(for: chords)
    let bass = BassWriter(
      grid: grid, pattern: arrangement.bass, velocity: max(1, plan.velocity - 4), key: plan.key
    )
    .notes(for: chords)

    var tracks = [
      Track(name: "Chords", program: plan.instruments.chords, channel: 0, notes: comping),
      Track(name: "Melody", program: plan.instruments.melody, channel: 1, notes: melody),
      Track(name: "Bass", program: plan.instruments.bass, channel: 2, notes: bass),
    ]
    if plan.instruments.drums {
      let drums = DrumWriter(
        grid: grid, groove: arrangement.groove, velocity: max(1, plan.velocity - 6), form: form
      )
      .notes()
      tracks.append(Track(name: "Drums", program: 0, channel: Track.drumChannel, notes: drums))
    }
    tracks = tracks.enumerated().map { index, track in
      var stream = root.derived(10 + UInt64(index))
      return Self.humanized(Self.swung(track, swing: plan.swing, grid: grid), generator: &stream)
    }
    tracks = tracks.map { track in
      var t = track
      t.notes.sort { ($0.start, $0.pitch.midi) < ($1.start, $1.pitch.midi) }
      return t
    }

    return Score(
      ticksPerQuarter: tpq,
      // The plan counts felt beats (dotted quarters in 6/8); a MIDI tempo map counts quarter notes.
      tempos: [TempoChange(tick: 0, bpm: plan.meter.quarterNoteBPM(counted: plan.tempoBPM))],
      meters: [MeterChange(tick: 0, meter: plan.meter)],
      keys: [KeyChange(tick: 0, key: plan.key)],
      tracks: tracks,
      chords: chords.map {
        ChordSpan(start: $0.start, duration: $0.duration, chord: $0.chord, roman: $0.roman)
      },
      // ASCII: SMF text events have no declared encoding, and many readers take them as Latin-1.
      title: "moodsketch: \(plan.key.shortName), \(plan.style.rawValue)")
  }

  /// Varies the accompaniment's velocities by a few steps, as a player's touch does. Timing stays on
  /// the grid: producers quantise or humanise MIDI themselves. The melody already has its own dynamics.
  static func humanized(_ track: Track, generator: inout SeededGenerator) -> Track {
    guard track.name != "Melody" else { return track }
    var copy = track
    copy.notes = track.notes.map { note in
      var n = note
      n.velocity = max(1, min(127, note.velocity + generator.int(in: -4...4)))
      return n
    }
    return copy
  }

  /// Delays notes on the off-beat eighth to the plan's swing ratio (0.5 straight … 0.67 triplet
  /// swing), keeping their ends, in simple metres only (compound metres already swing by nature).
  static func swung(_ track: Track, swing: Double, grid: Grid) -> Track {
    guard swing > 0.51, !grid.meter.isCompound else { return track }
    let beat = grid.ticksPerBeat
    guard beat % 2 == 0 else { return track }
    let shift = Int((min(0.75, swing) - 0.5) * Double(beat))
    var copy = track
    copy.notes = track.notes.map { note in
      var n = note
      if note.start % beat == beat / 2 {
        n.start += shift
        n.duration = max(grid.sixteenth / 2, note.duration - shift)
      } else if (note.start + note.duration) % beat == beat / 2, note.duration > shift {
        // Notes that ran up to the off-beat now run up to where it moved.
        n.duration += shift
      }
      return n
    }
    return copy
  }
}

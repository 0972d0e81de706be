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
  /// Drum bars learned from the Groove MIDI Dataset; nil writes every style's drums from rules.
  public let grooveTable: GrooveTable?
  /// MIDI resolution of the scores written.
  public static let ticksPerQuarter = 480

  public init(model: CompositionModel, grooveTable: GrooveTable? = GrooveTable.shipped) {
    self.model = model
    self.grooveTable = grooveTable
  }

  /// The phrase form ``compose(_:seed:chords:)`` writes for this plan and seed (drawn per seed and
  /// style), so lead sheets and piano rolls can mark the same sections.
  public static func form(for plan: Plan, seed: UInt64) -> Form {
    var formStream = SeededGenerator(seed: seed).derived(4)
    return Form(bars: max(1, plan.bars), style: plan.style, generator: &formStream)
  }

  /// The progression ``compose(_:seed:chords:)`` writes for this plan and seed when it is given none:
  /// the chord model's phrases with the style's idioms, so a caller can shape it (a chorus's cadence)
  /// and hand it back.
  public func chords(for plan: Plan, seed: UInt64) -> [GeneratedChord] {
    let root = SeededGenerator(seed: seed)
    var chordStream = root.derived(1)
    var idiomStream = root.derived(6)
    let tpq = Self.ticksPerQuarter
    return StyleHarmony.apply(
      ChordGenerator(model: model).generate(
        plan, form: Self.form(for: plan, seed: seed), ticksPerQuarter: tpq,
        generator: &chordStream),
      plan: plan, ticksPerQuarter: tpq, generator: &idiomStream)
  }

  /// Composes a sketch.
  ///
  /// - Parameters:
  ///   - plan: key, tempo, metre, bars, style, instruments and the mood-driven weights.
  ///   - seed: any value; the same seed and plan give a byte-identical score.
  ///   - chords: a progression decided elsewhere (a user's chart, ``LockedChords``); nil lets the
  ///     chord model write it. The other parts are written on these chords the same way.
  /// - Returns: a score with tracks Chords, Melody, Bass (and Drums when the plan has drums),
  ///   tempo, metre and key, and ``Score/chords`` filled with each chord's symbol and numeral.
  public func compose(_ plan: Plan, seed: UInt64, chords given: [GeneratedChord]? = nil) -> Score {
    let tpq = Self.ticksPerQuarter
    let bars = max(1, plan.bars)
    let root = SeededGenerator(seed: seed)
    let form = Self.form(for: plan, seed: seed)
    let grid = Grid(ticksPerQuarter: tpq, meter: plan.meter, bars: bars)
    let arrangement = Arrangement.forStyle(plan.style, arousal: plan.arousal)

    // The user's own chords are kept exactly: no style idiom rewrites them.
    let chords = given ?? self.chords(for: plan, seed: seed)
    var melodyStream = root.derived(2)
    let melody = MelodyGenerator(model: model).generate(
      plan, form: form, chords: chords, ticksPerQuarter: tpq, generator: &melodyStream)
    // Keep the accompaniment under the melody so the tune stays on top (the usual arranging rule).
    let top = max(64, min(76, plan.melodyRange.lowerBound + 5))
    let figures = AccompanimentFigures(
      plan: plan, arrangement: arrangement, form: form, bars: bars, seed: root.derived(5))
    let comping = CompingWriter(
      grid: grid, pattern: arrangement.comping, velocity: max(1, plan.velocity - 14),
      articulation: plan.articulation,
      register: (top - 19)...top, figureOfBar: figures.comping, energy: plan.arousal,
      shell: plan.style == .jazz
    ).notes(for: chords)
    var bass = BassWriter(
      grid: grid, pattern: arrangement.bass, velocity: max(1, plan.velocity - 4), key: plan.key,
      figureOfBar: figures.bass
    )
    .notes(for: chords)
    let firstPhraseEnd = (form.phrases.first.map { $0.firstBar + $0.bars } ?? 0) * grid.ticksPerBar
    if plan.style == .cinematic {
      bass = CinematicIdioms.pedal(bass, tonic: plan.key.tonic, untilTick: firstPhraseEnd)
    }
    let chordControls =
      [.cinematic, .ambient].contains(plan.style) && arrangement.comping == .pad
      ? CinematicIdioms.swells(for: chords) : []
    let bassControls =
      arrangement.bass == .eightOhEight
      ? EightOhEightGlide.controls(for: bass, sixteenth: grid.sixteenth) : []

    var tracks = [
      Track(
        name: "Chords", program: plan.instruments.chords, channel: 0, notes: comping,
        controls: chordControls),
      Track(name: "Melody", program: plan.instruments.melody, channel: 1, notes: melody),
      Track(
        name: "Bass", program: plan.instruments.bass, channel: 2, notes: bass,
        controls: bassControls),
    ]
    if let layer = TextureLayer.track(for: plan, chords: chords, sixteenth: grid.sixteenth) {
      tracks.append(layer)
    }
    // Drums played from real drummers' bars carry their own swing and timing.
    var drumsAsPlayed = false
    // The band swings as the drummer played when the style swings and the drummers clearly did
    // (GMD's jazz: 0.57 at its median 120 BPM; swing flattens as tempo rises).
    var bandSwing = plan.swing
    if plan.instruments.drums {
      var drumStream = root.derived(4)
      let drums: [NoteEvent]
      if grid.isCommonTime, let grooves = StyleGrooves.grooves(for: plan.style, table: grooveTable)
      {
        drums = GrooveDrummer(
          grid: grid, grooves: grooves, velocity: max(1, plan.velocity - 6), form: form,
          energy: plan.arousal, thinBars: Texture(plan: plan, form: form, bars: bars).thinDrumBars
        )
        .notes(generator: &drumStream)
        drumsAsPlayed = true
        if plan.swing > 0.51, let played = GrooveFeel.swingRatio(grooves), played >= 0.55 {
          bandSwing = min(0.7, played)
        }
      } else {
        drums = DrumWriter(
          grid: grid, groove: arrangement.groove, velocity: max(1, plan.velocity - 6), form: form
        )
        .notes()
      }
      tracks.append(Track(name: "Drums", program: 0, channel: Track.drumChannel, notes: drums))
    }
    tracks = tracks.enumerated().map { index, track in
      var stream = root.derived(10 + UInt64(index))
      if track.isDrums && drumsAsPlayed { return track }
      return Self.humanized(Self.swung(track, swing: bandSwing, grid: grid), generator: &stream)
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

import Affect
import Foundation
import Theory

/// The parts of a sketch that `vary` can rewrite, by their track names.
public enum SketchPart: String, CaseIterable, Sendable, Codable {
  case melody, chords, bass, drums

  /// The track that holds this part in a sketch's MIDI file.
  public var trackName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// Rewrites one part of a finished sketch and keeps every other track exactly as it was.
///
/// The new part is written to fit the kept ones, by the same writers ``Composer`` uses:
/// - **melody**: the melody model over the kept chords (same form, so phrases still line up);
/// - **chords**: drawn from ``MelodyHarmonizer``'s posterior given the kept melody (a seeded
///   alternative to its single best harmonization), voiced with the sketch's comping figures;
/// - **bass**: the bass writer on the kept chords with new bar figures (a loop style keeps one
///   figure for the whole loop, a new one);
/// - **drums**: the style's groove table (real drummers' bars) with a new draw.
///
/// ```swift
/// let varied = try PartVariation(model: model).variations(
///   of: score, plan: plan, sketchSeed: 42, part: .melody, seed: 1, count: 4)
/// ```
///
/// The same inputs and seed give the same scores. Variations are distinct from the original part and
/// from each other: a draw that repeats one is skipped (the next draw of the same stream is used).
public struct PartVariation: Sendable {
  public let model: CompositionModel
  public let grooveTable: GrooveTable?
  /// Draws tried per variation before giving up (a part with very few possibilities).
  public static let attempts = 48

  public init(model: CompositionModel, grooveTable: GrooveTable? = GrooveTable.shipped) {
    self.model = model
    self.grooveTable = grooveTable
  }

  /// The plan a sketch was written from, rebuilt from its report's mood, seed and printed plan.
  public static func plan(for report: SketchReport) -> Plan {
    let overrides = PlanOverrides(
      key: Key(parsing: report.key), tempoBPM: report.tempoBPM, meter: Meter(parsing: report.meter),
      bars: report.bars, style: Style(name: report.style))
    return Planner().plan(for: report.mood, overrides: overrides, seed: report.seed)
  }

  /// `count` variations of `part` in `score` (a sketch's MIDI with its chords read from markers).
  ///
  /// - Parameters:
  ///   - plan: the sketch's plan (``plan(for:)``); key, metre and style come from it.
  ///   - sketchSeed: the seed the sketch was written with, so the phrase form is the same.
  ///   - seed: the variation's seed; the i-th variation of `count` is the same whatever `count`.
  /// - Throws: ``CowriteError/missingPart(_:available:)`` when the score has no such track,
  ///   ``CowriteError/noChords`` when it has no chord symbols, ``CowriteError/nothingToVary(_:reason:)``
  ///   when no new distinct part can be drawn.
  public func variations(
    of score: Score, plan: Plan, sketchSeed: UInt64, part: SketchPart, seed: UInt64, count: Int
  ) throws(CowriteError) -> [Score] {
    guard let index = score.tracks.firstIndex(where: { $0.name == part.trackName }) else {
      throw .missingPart(part.rawValue, available: score.tracks.map(\.name))
    }
    let context = Context(score: score, plan: plan, sketchSeed: sketchSeed, grooves: grooveTable)
    guard !context.chords.isEmpty || part == .chords else { throw .noChords }
    var seen: [[NoteEvent]] = [score.tracks[index].notes]
    var results: [Score] = []
    var stream = SeededGenerator(seed: seed).derived(0x5641_5259 &+ UInt64(index))
    var tries = 0
    while results.count < count {
      guard tries < Self.attempts * count else {
        throw .nothingToVary(part.rawValue, found: results.count, asked: count)
      }
      tries += 1
      let draw = stream.derived(UInt64(tries))
      var varied = score
      let chordSpans: [GeneratedChord]?
      (varied.tracks[index], chordSpans) = newTrack(
        part, old: score.tracks[index], index: index, context: context, generator: draw)
      guard !seen.contains(varied.tracks[index].notes) else { continue }
      seen.append(varied.tracks[index].notes)
      if let chordSpans {
        varied.chords = chordSpans.map {
          ChordSpan(start: $0.start, duration: $0.duration, chord: $0.chord, roman: $0.roman)
        }
      }
      results.append(varied)
    }
    return results
  }

  /// What every part's writer needs, computed once from the sketch.
  struct Context {
    var plan: Plan
    var form: Form
    var grid: Grid
    var arrangement: Arrangement
    var chords: [GeneratedChord]
    var melody: [NoteEvent]
    /// The kept bass line, which new chords should also fit.
    var bass: [NoteEvent]
    var sketchRoot: SeededGenerator
    var grooves: GenreGrooves?
    var bandSwing: Double

    init(score: Score, plan: Plan, sketchSeed: UInt64, grooves table: GrooveTable?) {
      let tpq = score.ticksPerQuarter
      let bars = max(1, plan.bars)
      self.plan = plan
      form = Composer.form(for: plan, seed: sketchSeed)
      grid = Grid(ticksPerQuarter: tpq, meter: plan.meter, bars: bars)
      arrangement = Arrangement.forStyle(plan.style, arousal: plan.arousal)
      sketchRoot = SeededGenerator(seed: sketchSeed)
      let barTicks = grid.ticksPerBar
      let harmonyKey = Key(plan.key.tonic, plan.key.mode.hasMinorThird ? .minor : .major)
      chords = score.chords.map { span in
        let token = ChordToken.token(for: span.chord, in: harmonyKey)?.token
        let roman = RomanNumeral(chord: span.chord, in: plan.key)
        return GeneratedChord(
          token: token ?? roman.description, roman: roman, chord: span.chord,
          bar: span.start / barTicks, start: span.start, duration: span.duration)
      }
      melody = score.tracks.first { $0.name == SketchPart.melody.trackName }?.notes ?? []
      bass = score.tracks.first { $0.name == SketchPart.bass.trackName }?.notes ?? []
      // The band swings as the sketch's drummer did (see ``Composer``).
      grooves =
        plan.instruments.drums && grid.isCommonTime
        ? StyleGrooves.grooves(for: plan.style, table: table) : nil
      bandSwing = plan.swing
      if plan.swing > 0.51, let grooves, let played = GrooveFeel.swingRatio(grooves), played >= 0.55
      {
        bandSwing = min(0.7, played)
      }
    }
  }

  private func newTrack(
    _ part: SketchPart, old: Track, index: Int, context c: Context, generator: SeededGenerator
  ) -> (Track, [GeneratedChord]?) {
    var track = old
    var humanize = generator.derived(10)
    let tpq = c.grid.ticksPerQuarter
    var newChords: [GeneratedChord]?
    switch part {
    case .melody:
      var stream = generator.derived(2)
      track.notes = MelodyGenerator(model: model).generate(
        c.plan, form: c.form, chords: c.chords, ticksPerQuarter: tpq, generator: &stream)
      track = Composer.swung(track, swing: c.bandSwing, grid: c.grid)
    case .chords:
      var stream = generator.derived(1)
      let harmonizer = MelodyHarmonizer(model: model)
      let chords = harmonizer.coloured(
        harmonizer.sample(
          melody: c.melody, bass: c.bass, key: c.plan.key, meter: c.plan.meter,
          bars: max(1, c.plan.bars),
          ticksPerQuarter: tpq, generator: &stream),
        plan: c.plan, generator: generator.derived(6))
      newChords = chords
      let top = max(64, min(76, c.plan.melodyRange.lowerBound + 5))
      // The sketch's own comping figures: the harmony changes, the player's rhythm stays.
      let figures = AccompanimentFigures(
        plan: c.plan, arrangement: c.arrangement, form: c.form, bars: c.grid.bars,
        seed: c.sketchRoot.derived(5))
      track.notes = CompingWriter(
        grid: c.grid, pattern: c.arrangement.comping, velocity: max(1, c.plan.velocity - 14),
        articulation: c.plan.articulation, register: (top - 19)...top,
        figureOfBar: figures.comping, energy: c.plan.arousal, shell: c.plan.style == .jazz
      ).notes(for: chords)
      track.controls =
        [.cinematic, .ambient].contains(c.plan.style) && c.arrangement.comping == .pad
        ? CinematicIdioms.swells(for: chords) : []
      track = Composer.humanized(
        Composer.swung(track, swing: c.bandSwing, grid: c.grid), generator: &humanize)
    case .bass:
      var figures = AccompanimentFigures(
        plan: c.plan, arrangement: c.arrangement, form: c.form, bars: c.grid.bars,
        seed: generator.derived(5)
      ).bass
      // A loop style plays one figure throughout: a new loop is another figure, still looped.
      if AccompanimentFigures.loopStyles.contains(c.plan.style),
        let choices = BarFigures.bass(c.arrangement.bass, meter: c.plan.meter), !choices.isEmpty
      {
        var pick = generator.derived(3)
        figures = Array(repeating: pick.int(in: 0...(choices.count - 1)), count: c.grid.bars)
      }
      var bass = BassWriter(
        grid: c.grid, pattern: c.arrangement.bass, velocity: max(1, c.plan.velocity - 4),
        key: c.plan.key, figureOfBar: figures
      ).notes(for: c.chords)
      if c.plan.style == .cinematic {
        let end = (c.form.phrases.first.map { $0.firstBar + $0.bars } ?? 0) * c.grid.ticksPerBar
        bass = CinematicIdioms.pedal(bass, tonic: c.plan.key.tonic, untilTick: end)
      }
      track.notes = bass
      track.controls =
        c.arrangement.bass == .eightOhEight
        ? EightOhEightGlide.controls(for: bass, sixteenth: c.grid.sixteenth) : []
      track = Composer.humanized(
        Composer.swung(track, swing: c.bandSwing, grid: c.grid), generator: &humanize)
    case .drums:
      // Only drums played from the groove table have more than one way to go; rule-written
      // drums (odd metres, styles without grooves) come out the same for every seed.
      guard let grooves = c.grooves else { break }
      var stream = generator.derived(4)
      track.notes = GrooveDrummer(
        grid: c.grid, grooves: grooves, velocity: max(1, c.plan.velocity - 6), form: c.form,
        energy: c.plan.arousal,
        thinBars: Texture(plan: c.plan, form: c.form, bars: c.grid.bars).thinDrumBars
      ).notes(generator: &stream)
    }
    track.notes.sort { ($0.start, $0.pitch.midi) < ($1.start, $1.pitch.midi) }
    return (track, newChords)
  }
}

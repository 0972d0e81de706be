import Affect
import Theory

/// A user's chord chart laid onto a plan: given chords kept exactly, `?` filled by ``GapFiller``.
///
/// Without bar lines the chart takes one chord per slot of the plan's harmonic rhythm (the slots
/// the generator would fill); with bar lines one bar of the chart per bar of the sketch, a bar's
/// chords sharing it evenly by beats. A chart shorter than the sketch repeats from its start.
public struct LockedChords: Sendable {
  /// The chords for ``Composer/compose(_:seed:chords:)``, in time order.
  public var chords: [GeneratedChord]
  /// What was kept, filled and repeated, for the printed reasons.
  public var reasons: [String]

  /// Lays `chart` onto `plan` in `key`.
  ///
  /// - Parameters:
  ///   - seed: the sketch's seed; the fills draw from their own stream of it, so the same seed
  ///     gives the same fills.
  /// - Throws: ``CowriteError/tooManyChords(given:room:unit:)`` when the chart does not fit.
  public init(
    chart: ChordChart, key: Key, plan: Plan, mood: Mood?, model: CompositionModel, seed: UInt64,
    ticksPerQuarter: Int = Composer.ticksPerQuarter
  ) throws(CowriteError) {
    let slots = try Self.layout(chart, plan: plan, ticksPerQuarter: ticksPerQuarter)
    let mode: Mode = key.mode.hasMinorThird ? .minor : .major
    let harmonyKey = Key(key.tonic, mode)
    let table = model.chords(for: mode)
    let given = chart.chords(in: key)
    let entries = slots.map { chart.slots[$0.chartIndex] }
    let fixed = slots.map { given[$0.chartIndex] }
    let known = UserChordTokens.tokens(fixed.compactMap { $0 }, in: key, table: table)
    var knownIterator = known.makeIterator()
    let tokens: [String?] = fixed.map { chord in
      chord == nil ? nil : (knownIterator.next() ?? nil) ?? UserChordTokens.unknown
    }
    var generator = SeededGenerator(seed: seed).derived(7)
    let filled = GapFiller(model: model).fill(
      tokens, mode: mode, mood: mood, opensPiece: true, generator: &generator)
    let colourer = ChordGenerator(model: model)
    var result: [GeneratedChord] = []
    for (i, slot) in slots.enumerated() {
      let chord: Chord
      var roman: RomanNumeral
      switch entries[i].entry {
      case .chord(let c):
        chord = c
        roman = RomanNumeral(chord: c, in: key)
      case .numeral(let n):
        chord = n.chord(in: key)
        roman = n
      case .gap:
        roman = colourer.colour(
          filled[i], mode: mode, seventh: plan.seventhProbability, key: plan.key, bluesy: false,
          generator: &generator)
        chord = roman.chord(in: harmonyKey)
        // An applied token (V/VI) coloured as something other than a dominant is no longer one:
        // name it by its place in the key instead (IIImaj7, not Vmaj7/VI).
        let stillDominant = [.major, .dominant7, .dominant9].contains(roman.quality)
        if harmonyKey != key || (roman.secondaryOf != nil && !stillDominant) {
          roman = RomanNumeral(chord: chord, in: key)
        }
      }
      // A chord the model has no token for keeps its numeral as its name for the other writers.
      let token = filled[i] == UserChordTokens.unknown ? roman.description : filled[i]
      result.append(
        GeneratedChord(
          token: token, roman: roman, chord: chord, bar: slot.bar, start: slot.start,
          duration: slot.duration))
    }
    chords = result
    let gaps = entries.filter { $0.entry == .gap }.count
    var reasons = [
      "chords: \(slots.count - gaps) as given, \(gaps) filled by the chord model from the chords on both sides (forward filtering, backward sampling)"
    ]
    let unit = chart.bars == nil ? "chord" : "bar"
    let length = chart.bars?.count ?? chart.slots.count
    let used = chart.bars == nil ? slots.count : plan.bars
    if used > length {
      reasons.append(
        "the \(length)-\(unit) chart repeats to fill \(plan.bars) bars"
          + (chart.bars == nil ? " (\(slots.count) chord slots)" : ""))
    }
    self.reasons = reasons
  }

  struct PlacedSlot {
    var chartIndex: Int
    var bar: Int
    var start: Int
    var duration: Int
  }

  /// Where each chord of the (repeated) chart sounds.
  static func layout(_ chart: ChordChart, plan: Plan, ticksPerQuarter: Int) throws(CowriteError)
    -> [PlacedSlot]
  {
    let ticksPerBar = plan.meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter)
    let ticksPerBeat = plan.meter.ticksPerBeat(ticksPerQuarter: ticksPerQuarter)
    let bars = max(1, plan.bars)
    if let chartBars = chart.bars {
      guard chartBars.count <= bars else {
        throw .tooManyChords(given: chartBars.count, room: bars, unit: "bars")
      }
      var placed: [PlacedSlot] = []
      let beats = max(1, ticksPerBar / ticksPerBeat)
      for bar in 0..<bars {
        let indices = chartBars[bar % chartBars.count]
        let k = indices.count
        for (j, index) in indices.enumerated() {
          // On beats when the chords share the bar's beats evenly enough; else on ticks.
          let offset =
            k <= beats ? (j * beats / k) * ticksPerBeat : j * ticksPerBar / k
          let end =
            k <= beats ? ((j + 1) * beats / k) * ticksPerBeat : (j + 1) * ticksPerBar / k
          placed.append(
            PlacedSlot(
              chartIndex: index, bar: bar, start: bar * ticksPerBar + offset,
              duration: (j == k - 1 ? ticksPerBar : end) - offset))
        }
      }
      return placed
    }
    let form = Form(bars: bars)
    let grid = form.phrases.enumerated().flatMap { index, phrase in
      ChordGenerator.slots(
        bars: phrase.bars, firstBar: phrase.firstBar, chordsPerBar: plan.chordsPerBar,
        ticksPerBar: ticksPerBar, ticksPerBeat: ticksPerBeat,
        isLast: index == form.phrases.count - 1)
    }
    guard chart.slots.count <= grid.count else {
      throw .tooManyChords(given: chart.slots.count, room: grid.count, unit: "chords")
    }
    return grid.enumerated().map { i, slot in
      PlacedSlot(
        chartIndex: i % chart.slots.count, bar: slot.bar, start: slot.start,
        duration: slot.duration)
    }
  }
}

import Affect
import Theory

/// Which bar figure the chords and the bass play in each bar of a sketch.
///
/// Loop-based styles (house, EDM, trap, ambient) keep their one figure: repetition is their idiom.
/// The others vary per bar (``FigureChooser``), the bass a little less than the chords, as in a band
/// where the bassist anchors and the keys or guitar move.
struct AccompanimentFigures {
  var comping: [Int]
  var bass: [Int]

  /// Styles whose accompaniment is a loop by design.
  static let loopStyles: Set<Style> = [.house, .edm, .trap, .ambient]

  init(plan: Plan, arrangement: Arrangement, form: Form, bars: Int, seed: SeededGenerator) {
    let phraseEnds = Set(form.phrases.map { $0.firstBar + $0.bars - 1 })
    guard !Self.loopStyles.contains(plan.style) else {
      comping = Array(repeating: 0, count: bars)
      // A looped sustained bass holds each note across its chord (the one-bar pattern), not a bar.
      bass = arrangement.bass == .sustained ? [] : Array(repeating: 0, count: bars)
      return
    }
    var chordStream = seed.derived(1)
    comping = FigureChooser(
      figures: BarFigures.comping(arrangement.comping, meter: plan.meter) ?? [],
      energy: plan.arousal
    )
    .choose(bars: bars, phraseEnds: phraseEnds, generator: &chordStream)
    var bassStream = seed.derived(2)
    let bassFigures =
      BarFigures.bass(arrangement.bass, meter: plan.meter)
      ?? (arrangement.bass == .walking ? BarFigures.walking : [])
    // A walking bass is quarters first: its skips and rakes are ornaments, so the plain bar stays
    // the main one by far; still, each of them turns up in every eight bars, as a bassist's do.
    let walking = arrangement.bass == .walking
    bass = FigureChooser(
      figures: bassFigures, energy: plan.arousal, mainWeight: walking ? 8 : 2, minimumVariety: 4
    )
    .choose(bars: bars, phraseEnds: phraseEnds, generator: &bassStream)
  }
}

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
      bass = Array(repeating: 0, count: bars)
      return
    }
    var chordStream = seed.derived(1)
    comping = FigureChooser(figures: BarFigures.comping(arrangement.comping), energy: plan.arousal)
      .choose(bars: bars, phraseEnds: phraseEnds, generator: &chordStream)
    var bassStream = seed.derived(2)
    bass = FigureChooser(figures: BarFigures.bass(arrangement.bass) ?? [], energy: plan.arousal)
      .choose(bars: bars, phraseEnds: phraseEnds, generator: &bassStream)
  }
}

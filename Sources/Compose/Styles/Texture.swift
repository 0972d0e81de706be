import Affect

/// Where the drums hold back, so a sketch builds instead of starting at full strength.
///
/// Arousal carried by texture as well as loudness (Gabrielsson & Lindström 2010: rhythmic activity
/// and density go with activity): intense sketches have the whole kit from the first bar (and the
/// accompaniment doubles its top voice, see ``CompingWriter``); moderate ones start with time and
/// kick only and bring in the backbeat with the second phrase; calm ones keep the kit thin until the
/// last phrase. Loop styles (house, EDM, trap) build through their own fills instead.
struct Texture {
  var thinDrumBars: Set<Int> = []

  init(plan: Plan, form: Form, bars: Int) {
    guard bars >= 8, !AccompanimentFigures.loopStyles.contains(plan.style),
      let first = form.phrases.first, let last = form.phrases.last
    else { return }
    if plan.arousal < -0.4 {
      thinDrumBars = Set(0..<last.firstBar)
    } else if plan.arousal < 0.2 {
      thinDrumBars = Set(first.firstBar..<(first.firstBar + first.bars - 1))
    }
  }
}

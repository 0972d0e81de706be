extension Planner {
  /// The tempo a listener hears as neither calm nor lively, and how many BPM make a full step of arousal.
  ///
  /// Listeners judge tempo on an absolute scale more than relative to a genre (Gabrielsson & Lindström
  /// 2010; Eerola 2011 finds tempo the one arousal cue that holds across genres). The figures are the
  /// centre and spread the mood model of `moodsketch analyze` uses for its tempo cue, so that a plan and
  /// the analysis of its render speak of the same scale.
  static let listenerNeutralBPM = 110.0
  static let listenerBPMPerArousal = 50.0

  /// The tempo for `arousal` (−1 … 1) in a style's `range`.
  ///
  /// Arousal first places the tempo inside the style's own range, so a calm punk song is still fast punk.
  /// Where the range is wide or sits off the listener's centre, that place can fall on the wrong side of
  /// it: jazz spans 70–190 BPM, so a mildly calm "romantic candlelit dinner" landed at a lively 120. The
  /// tempo is then moved to the listener's scale (110 BPM ± 50 per unit of arousal), as far as the style
  /// allows: calm plans never sit above that mark, lively plans never below it.
  static func tempo(arousal a: Double, range r: ClosedRange<Double>) -> Double {
    tempoAndWhy(arousal: a, range: r).tempo
  }

  /// ``tempo(arousal:range:)`` and whether the listener's scale moved it from its place in the range.
  static func tempoAndWhy(arousal a: Double, range r: ClosedRange<Double>) -> (
    tempo: Double, movedToListenersSide: Bool
  ) {
    let inRange = (r.lowerBound + (a + 1) / 2 * (r.upperBound - r.lowerBound)).rounded()
    let heard = listenerNeutralBPM + a * listenerBPMPerArousal
    let chosen = a >= 0 ? max(inRange, heard) : min(inRange, heard)
    let tempo = min(r.upperBound, max(r.lowerBound, chosen)).rounded()
    return (tempo, tempo != inRange)
  }
}

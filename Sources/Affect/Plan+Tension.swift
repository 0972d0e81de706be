import Theory

extension Plan {
  /// The share of chords a dark, intense plan turns into tension chords (the ♭II), 0 … 0.3.
  ///
  /// Minor and fast is not enough to sound dark: listeners hear fast minor music as mixed, happy and sad
  /// at once (Hunter, Schellenberg & Schimmack 2008, "Mixed affective responses to music with conflicting
  /// cues", Cognition & Emotion 22(2)), and our own analysis heard fast minor sketches as neutral. Anger
  /// and fear are carried by dissonant, chromatic harmony (Gabrielsson & Lindström 2010), such as the
  /// ♭II of metal riffs and horror scores. A plan with a minor third and arousal
  /// above 0.3 (which the planner gives only to negative, intense moods) gets 6 % more such chords per
  /// tenth of arousal above 0.3, at most 30 %. Computed from the plan, so `sketch.json` stays as it was.
  public var tensionChordShare: Double { Self.tensionChordShare(mode: key.mode, arousal: arousal) }

  static func tensionChordShare(mode: Mode, arousal: Double) -> Double {
    guard mode.hasMinorThird, arousal > 0.3 else { return 0 }
    return min(0.3, (arousal - 0.3) * 0.6)
  }
}

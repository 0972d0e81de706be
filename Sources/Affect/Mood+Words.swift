/// Plain words for a mood's numbers, so people need not read coordinates.
extension Mood {
  /// A word for the valence: "despairing" (≤ −0.6), "sad", "neutral" (−0.2…0.2), "pleasant", "joyful" (≥ 0.6).
  public var valenceWord: String {
    switch valence {
    case ..<(-0.6): "despairing"
    case ..<(-0.2): "sad"
    case ...0.2: "neutral"
    case ...0.6: "pleasant"
    default: "joyful"
    }
  }

  /// A word for the arousal: "very calm" (≤ −0.6), "calm", "moderate" (−0.2…0.2), "lively", "intense" (≥ 0.6).
  public var arousalWord: String {
    switch arousal {
    case ..<(-0.6): "very calm"
    case ..<(-0.2): "calm"
    case ...0.2: "moderate"
    case ...0.6: "lively"
    default: "intense"
    }
  }
}

extension Mood.Quadrant {
  /// The quadrant in words: signs and the feelings that live there.
  public var summary: String {
    switch self {
    case .q1: "+V +A: happy, excited"
    case .q2: "−V +A: angry, tense"
    case .q3: "−V −A: sad, tired"
    case .q4: "+V −A: calm, content"
    }
  }
}

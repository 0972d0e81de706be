import Theory

/// The phrase layout of a sketch: 4-bar phrases in the order A A′ B A′ (repeating), the shape of
/// most pop songs' verses and of the classical period (antecedent, consequent).
///
/// A′ keeps the first half of A's chords and melody and answers it with a new ending that
/// cadences home; B is new material that leaves the tonic. The last phrase always cadences to the tonic.
public struct Form: Sendable, Hashable {
  public enum Label: String, Sendable, Hashable, Codable {
    case a = "A"
    case answer = "A'"
    case b = "B"
  }

  public struct Phrase: Sendable, Hashable {
    public var label: Label
    /// First bar (0-based) and number of bars.
    public var firstBar: Int
    public var bars: Int
    /// Whether this phrase must end on the tonic.
    public var cadencesHome: Bool
  }

  public var phrases: [Phrase]

  /// Splits `bars` into phrases of 4 (a shorter last phrase when bars is not a multiple of 4).
  public init(bars: Int) {
    let cycle: [Label] = [.a, .answer, .b, .answer]
    var phrases: [Phrase] = []
    var bar = 0
    var index = 0
    while bar < bars {
      let length = min(4, bars - bar)
      let label = cycle[index % cycle.count]
      phrases.append(
        Phrase(label: label, firstBar: bar, bars: length, cadencesHome: label == .answer))
      bar += length
      index += 1
    }
    if !phrases.isEmpty { phrases[phrases.count - 1].cadencesHome = true }
    self.phrases = phrases
  }

  /// The phrase a bar belongs to.
  public func phrase(containing bar: Int) -> Phrase? {
    phrases.first { bar >= $0.firstBar && bar < $0.firstBar + $0.bars }
  }
}

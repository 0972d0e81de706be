import Theory

/// The phrase layout of a sketch: 4-bar phrases labelled by the material they carry.
///
/// A is the opening idea; A′ answers it (keeps its first half, chords and melody in varied form, and
/// finds a new ending that cadences home); B and C are contrasting material (B leaves the tonic), B′
/// answers B. The last phrase always cadences to the tonic. ``init(bars:)`` is the classical period
/// A A′ B A′; ``init(bars:style:generator:)`` draws one of the forms songs use (``FormTemplates``).
public struct Form: Sendable, Hashable {
  public enum Label: String, Sendable, Hashable, Codable {
    case a = "A"
    case answer = "A'"
    case b = "B"
    case bAnswer = "B'"
    case c = "C"

    /// The phrase this one answers (A′ answers A, B′ answers B), if it is an answer.
    public var answers: Label? {
      switch self {
      case .answer: .a
      case .bAnswer: .b
      default: nil
      }
    }
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
  /// Whether a phrase may come back note for note (loop-based styles: house, EDM, trap, hip-hop);
  /// elsewhere a returning phrase is always varied.
  public var literalRepeats: Bool

  /// Splits `bars` into phrases of 4 in the order A A′ B A′ (a shorter last phrase when bars is not
  /// a multiple of 4).
  public init(bars: Int) {
    self.init(bars: bars, cycle: [.a, .answer, .b, .answer], literalRepeats: false)
  }

  /// Lays `cycle`'s labels over 4-bar phrases, repeating the cycle as often as needed.
  public init(bars: Int, cycle: [Label], literalRepeats: Bool) {
    var phrases: [Phrase] = []
    var bar = 0
    var index = 0
    let labels = cycle.isEmpty ? [Label.a] : cycle
    while bar < bars {
      let length = min(4, bars - bar)
      let label = labels[index % labels.count]
      phrases.append(
        Phrase(
          label: label, firstBar: bar, bars: length,
          cadencesHome: label == .answer || label == .bAnswer))
      bar += length
      index += 1
    }
    if !phrases.isEmpty { phrases[phrases.count - 1].cadencesHome = true }
    self.phrases = phrases
    self.literalRepeats = literalRepeats
  }

  /// The phrase a bar belongs to.
  public func phrase(containing bar: Int) -> Phrase? {
    phrases.first { bar >= $0.firstBar && bar < $0.firstBar + $0.bars }
  }

  /// The form as letters, e.g. "A A' B C".
  public var labels: String { phrases.map(\.label.rawValue).joined(separator: " ") }
}

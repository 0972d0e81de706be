import Theory

/// How a prompt is understood: a point on Russell's circumplex plus style tags and the words that drove it.
public struct Mood: Sendable, Hashable, Codable {
  /// Pleasant (+1) to unpleasant (-1).
  public var valence: Double
  /// Energetic (+1) to calm (-1).
  public var arousal: Double
  /// Styles named or implied by the prompt, strongest first, with weights in (0, 1].
  public var styles: [StyleWeight]
  /// Each known word or phrase and what it contributed, in prompt order.
  public var drivers: [Driver]
  /// Words the lexicon does not know: reported, never guessed.
  public var unknownWords: [String]

  public init(
    valence: Double, arousal: Double, styles: [StyleWeight] = [], drivers: [Driver] = [],
    unknownWords: [String] = []
  ) {
    self.valence = valence
    self.arousal = arousal
    self.styles = styles
    self.drivers = drivers
    self.unknownWords = unknownWords
  }

  /// Russell quadrant: Q1 +V+A (happy, excited), Q2 −V+A (angry, tense), Q3 −V−A (sad, tired), Q4 +V−A (calm, content).
  public var quadrant: Quadrant {
    switch (valence >= 0, arousal >= 0) {
    case (true, true): .q1
    case (false, true): .q2
    case (false, false): .q3
    case (true, false): .q4
    }
  }

  /// The strongest style, if any.
  public var primaryStyle: Style? { styles.first?.style }

  public enum Quadrant: String, Sendable, Hashable, Codable {
    case q1 = "Q1"
    case q2 = "Q2"
    case q3 = "Q3"
    case q4 = "Q4"
  }

  public struct StyleWeight: Sendable, Hashable, Codable {
    public var style: Style
    public var weight: Double
    public init(style: Style, weight: Double) {
      self.style = style
      self.weight = weight
    }
  }

  /// One matched lexicon entry: the text as it appeared, its (possibly negated or scaled) values, and modifiers.
  public struct Driver: Sendable, Hashable, Codable {
    public var text: String
    public var valence: Double
    public var arousal: Double
    /// e.g. ["not"], ["very"], ["slightly"]: what changed the entry's raw values.
    public var modifiers: [String]
    /// The lexicon term that matched ("dream" for "dreaming"); nil when unknown (older JSON).
    public var term: String?
    /// The matched term's category ("emotion", "scene", "style", …); nil when unknown (older JSON).
    public var category: String?
    public init(
      text: String, valence: Double, arousal: Double, modifiers: [String] = [], term: String? = nil,
      category: String? = nil
    ) {
      self.text = text
      self.valence = valence
      self.arousal = arousal
      self.modifiers = modifiers
      self.term = term
      self.category = category
    }
  }
}

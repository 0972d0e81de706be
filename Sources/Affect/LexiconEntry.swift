/// One word or phrase of the mood lexicon with its place on Russell's circumplex.
public struct LexiconEntry: Sendable, Hashable, Codable {
  /// Normalised text: lower case, words separated by single spaces ("late night", "lo fi", "r&b").
  public var term: String
  /// Pleasant (+1) to unpleasant (−1).
  public var valence: Double
  /// Energetic (+1) to calm (−1).
  public var arousal: Double
  /// What kind of word it is: `emotion`, `atmosphere`, `weather`, `time`, `place`, `scene`, `colour`,
  /// `texture`, `tempo`, `music` or `style`. The parser weighs categories differently.
  public var category: Category
  /// The style the term names (`category == .style`) or suggests ("study" → lofi); nil for most words.
  public var style: Style?

  public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
    case emotion, atmosphere, weather, time, place, scene, colour, texture, tempo, music, style
  }

  public init(
    term: String, valence: Double, arousal: Double, category: Category, style: Style? = nil
  ) {
    self.term = term
    self.valence = valence
    self.arousal = arousal
    self.category = category
    self.style = style
  }

  /// Number of words in the term.
  var wordCount: Int { term.split(separator: " ").count }
}

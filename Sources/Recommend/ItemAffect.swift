/// What one tag says about mood and style, as the prompt parser's lexicon reads it.
///
/// The command layer fills these with Affect's `MoodParser` (Recommend may not import Affect), so tags and
/// prompts share one lexicon.
public struct TagAffect: Sendable, Hashable, Codable {
  /// Pleasant (+1) to unpleasant (−1); `nil` when the tag says nothing about mood.
  public var valence: Double?
  /// Energetic (+1) to calm (−1); `nil` when the tag says nothing about mood.
  public var arousal: Double?
  /// Style names (`jazz`, `lofi`, …) with weights in (0, 1].
  public var styles: [String: Double]

  public init(valence: Double? = nil, arousal: Double? = nil, styles: [String: Double] = [:]) {
    self.valence = valence
    self.arousal = arousal
    self.styles = styles
  }

  /// Whether the tag carries any mood or style.
  public var isInformative: Bool { (valence != nil && arousal != nil) || !styles.isEmpty }
}

/// An item's emotion and style, summarised from its tags weighted by how often each was applied.
public struct ItemAffect: Sendable, Hashable, Codable {
  /// Mean valence of the item's mood tags, or `nil` when none is a mood word.
  public var valence: Double?
  public var arousal: Double?
  /// Style weights summing to 1 (empty when no tag names a style).
  public var styles: [String: Double]
  /// The item's mood-bearing tags, most applied first.
  public var moodTags: [String]
  /// The item's style-bearing tags, most applied first.
  public var styleTags: [String]

  /// Summarises `tags` (tag, times applied) through `lexicon`; `nil` when no tag is informative.
  public init?(tags: [(tag: String, count: Int)], lexicon: [String: TagAffect]) {
    var v = 0.0
    var a = 0.0
    var moodWeight = 0.0
    var styles: [String: Double] = [:]
    var moodTags: [(String, Int)] = []
    var styleTags: [(String, Int)] = []
    for (tag, count) in tags {
      guard let affect = lexicon[tag], affect.isInformative else { continue }
      let w = Double(count)
      if let tv = affect.valence, let ta = affect.arousal {
        v += w * tv
        a += w * ta
        moodWeight += w
        moodTags.append((tag, count))
      }
      if !affect.styles.isEmpty { styleTags.append((tag, count)) }
      for (style, sw) in affect.styles { styles[style, default: 0] += w * sw }
    }
    guard moodWeight > 0 || !styles.isEmpty else { return nil }
    valence = moodWeight > 0 ? v / moodWeight : nil
    arousal = moodWeight > 0 ? a / moodWeight : nil
    let total = styles.values.reduce(0, +)
    self.styles = total > 0 ? styles.mapValues { $0 / total } : [:]
    let order: ((String, Int), (String, Int)) -> Bool = { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    self.moodTags = moodTags.sorted(by: order).map(\.0)
    self.styleTags = styleTags.sorted(by: order).map(\.0)
  }
}

/// The mood a user asks for (`--mood PROMPT`), as plain values.
public struct MoodTarget: Sendable, Hashable, Codable {
  public var valence: Double
  public var arousal: Double
  /// Style names with weights (may be empty).
  public var styles: [String: Double]
  /// The prompt, for explanations.
  public var prompt: String

  public init(valence: Double, arousal: Double, styles: [String: Double] = [:], prompt: String) {
    self.valence = valence
    self.arousal = arousal
    self.styles = styles
    self.prompt = prompt
  }

  /// How well an item fits, 0 (opposite corner of the circumplex) to 1 (exact).
  ///
  /// Valence–arousal closeness is 1 − distance / (2√2), or 0.5 when no tag of the item says how it feels
  /// (no evidence either way: such items rank below fitting ones and above contrary ones); when the target
  /// names styles, the match is the mean of that and the share of the item's style weight in the target's
  /// styles.
  public func match(_ affect: ItemAffect?) -> Double {
    let unknown = 0.5
    guard let affect else { return styles.isEmpty ? unknown : 0.5 * unknown }
    var closeness = unknown
    if let v = affect.valence, let a = affect.arousal {
      let d = ((v - valence) * (v - valence) + (a - arousal) * (a - arousal)).squareRoot()
      closeness = 1 - d / (2 * 2.0.squareRoot())
    }
    guard !styles.isEmpty else { return closeness }
    let total = styles.values.reduce(0, +)
    var styleFit = 0.0
    for (style, w) in styles { styleFit += (affect.styles[style] ?? 0) * w / max(total, 1e-9) }
    let styleScore = min(1, styleFit)
    return 0.5 * (closeness + styleScore)
  }

  /// The item's tags that on their own sit close to the target (valence–arousal closeness ≥ 0.8) or name one
  /// of its styles, most applied first, at most `limit`: the words an explanation can honestly point to.
  public func fittingTags(of affect: ItemAffect, lexicon: [String: TagAffect], limit: Int = 2)
    -> [String]
  {
    var out: [String] = []
    for tag in affect.moodTags {
      guard let t = lexicon[tag], let v = t.valence, let a = t.arousal else { continue }
      let d = ((v - valence) * (v - valence) + (a - arousal) * (a - arousal)).squareRoot()
      if 1 - d / (2 * 2.0.squareRoot()) >= 0.8 { out.append(tag) }
    }
    for tag in affect.styleTags where !out.contains(tag) {
      if let t = lexicon[tag], t.styles.keys.contains(where: { styles[$0] != nil }) {
        out.append(tag)
      }
    }
    return Array(out.prefix(limit))
  }
}

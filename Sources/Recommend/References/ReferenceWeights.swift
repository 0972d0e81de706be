import Catalog

/// How much each ``FeatureGroup`` counts in reference similarity; every weight defaults to 1.
///
/// The squared distance between a draft and a track is `Σ_group weight · groupDistance`, where each group's
/// distance is scaled so that "clearly different" is about 1–2 (see ``ReferenceMetric``). A weight of 0 ignores
/// a group; 2 makes it count double. Parsed from
/// `--weights mood=1,tempo=1,key=1,timbre=1,energy=1,brightness=1,style=1`.
public struct ReferenceWeights: Sendable, Hashable, Codable {
  public var mood = 1.0
  public var tempo = 1.0
  public var key = 1.0
  public var timbre = 1.0
  public var energy = 1.0
  public var brightness = 1.0
  /// The style term (``StyleTerm``): counts only when the draft has a style (a sketch's plan, or `--style`).
  public var style = 1.0

  public init() {}

  /// The weight of `group`.
  public subscript(group: FeatureGroup) -> Double {
    get {
      switch group {
      case .mood: mood
      case .tempo: tempo
      case .key: key
      case .timbre: timbre
      case .energy: energy
      case .brightness: brightness
      }
    }
    set {
      switch group {
      case .mood: mood = newValue
      case .tempo: tempo = newValue
      case .key: key = newValue
      case .timbre: timbre = newValue
      case .energy: energy = newValue
      case .brightness: brightness = newValue
      }
    }
  }

  /// Parses `mood=2,key=0.5`; groups not named keep weight 1.
  ///
  /// - Throws: ``RecommendError/invalidParameter(name:value:allowed:)`` naming the bad entry.
  public init(parsing text: String) throws {
    self.init()
    for part in text.split(separator: ",") {
      let pieces = part.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let allowed =
        "use name=weight pairs with names \(FeatureGroup.allCases.map(\.rawValue).joined(separator: ", ")), style and weights ≥ 0"
      let name = pieces.first?.lowercased() ?? ""
      guard pieces.count == 2, FeatureGroup(rawValue: name) != nil || name == "style" else {
        throw RecommendError.invalidParameter(
          name: "--weights entry", value: String(part), allowed: allowed)
      }
      guard let w = Double(pieces[1]), w.isFinite, w >= 0 else {
        throw RecommendError.invalidParameter(
          name: "--weights entry", value: String(part), allowed: allowed)
      }
      if let group = FeatureGroup(rawValue: name) { self[group] = w } else { style = w }
    }
    guard FeatureGroup.allCases.contains(where: { self[$0] > 0 }) else {
      // Every distance would be 0 and every track "100 % close": no ranking at all.
      throw RecommendError.invalidParameter(
        name: "--weights", value: text,
        allowed:
          "every group weighs 0, so nothing would be compared; give at least one a weight above 0")
    }
  }
}

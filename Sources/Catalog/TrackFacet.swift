import Foundation

/// The few columns searches filter on.
public struct TrackFacet: Sendable, Hashable {
  public var tempoBPM: Double?
  public var style: String?
  public var tags: [String]
  public var path: String?
  /// Set only when ``style`` is nil (see ``CatalogTrack/inferredStyle``).
  public var inferredStyle: String?
  public var styleConfidence: Double?

  public init(
    tempoBPM: Double? = nil, style: String? = nil, tags: [String] = [], path: String? = nil,
    inferredStyle: String? = nil, styleConfidence: Double? = nil
  ) {
    self.tempoBPM = tempoBPM
    self.style = style
    self.tags = tags
    self.path = path
    self.inferredStyle = style == nil ? inferredStyle : nil
    self.styleConfidence = style == nil ? styleConfidence : nil
  }

  /// How sure the catalog is that this track is the style whose ``styleKey(_:)`` is `wanted`: 1 for a known
  /// style or tag naming it, the vote share for an inferred one, 0 otherwise. `key` maps a name to its key
  /// (pass a caching one when asking for many tracks).
  public func confidence(ofStyleKey wanted: String, key: (String) -> String = TrackFacet.styleKey)
    -> Double
  {
    if let style, key(style) == wanted { return 1 }
    if tags.contains(where: { key($0) == wanted }) { return 1 }
    if let inferredStyle, key(inferredStyle) == wanted { return styleConfidence ?? 0 }
    return 0
  }

  /// The style this track is most likely, with how likely (1 when known); nil when neither known nor inferred.
  public var likelyStyle: (name: String, confidence: Double, inferred: Bool)? {
    if let style { return (style, 1, false) }
    if let inferredStyle { return (inferredStyle, styleConfidence ?? 0, true) }
    return nil
  }

  /// A style name as a comparison key: the vocabulary's style when the text names one ("Hip-Hop" → hiphop),
  /// else its letters and digits in lower case.
  public static func styleKey(_ name: String) -> String {
    StyleVocabulary.style(forGenre: name) ?? name.lowercased().filter { $0.isLetter || $0.isNumber }
  }

  /// ``styleKey(_:)`` remembering its answers: a catalog repeats a few style names over many rows, and
  /// the vocabulary lookup is not free.
  public static func memoisedStyleKey() -> (String) -> String {
    var cache: [String: String] = [:]
    return { name in
      if let key = cache[name] { return key }
      let key = styleKey(name)
      cache[name] = key
      return key
    }
  }
}

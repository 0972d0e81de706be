import Catalog

/// The style term of reference similarity: a track of the draft's style is closer, by how sure the catalog is.
///
/// With `m` the chance that the track is the draft's style — 1 for a known match, 0 for a known other style,
/// ½ + ½c for a match inferred with confidence c, ½ − ½c for another style inferred with confidence c, ½
/// when nothing is known — the term adds `weight · (1 − m)` to the squared distance: 0 for the same style,
/// 1 ("clearly different", like a tritone in key) for another known style, ½ (neutral) for an unknown one.
public struct StyleTerm: Sendable {
  /// The draft's style key (``TrackFacet/styleKey(_:)``).
  public let style: String
  /// Per index row, the term's value (already weighted).
  public let offsets: [Float]
  /// Per index row, whether the row's style (match or not) was inferred.
  public let inferred: [Bool]

  /// The term for `style` over `index`'s rows; nil when the weight is 0 or no track has a style (known,
  /// tagged or inferred), where it would only add the same ½ to every distance.
  public init?(style: String, weight: Double, index: ReferenceIndex, facets: [Int64: TrackFacet]) {
    guard weight > 0,
      facets.values.contains(where: {
        $0.style != nil || $0.inferredStyle != nil || !$0.tags.isEmpty
      })
    else { return nil }
    let key = TrackFacet.memoisedStyleKey()
    let wanted = key(style)
    self.style = wanted
    var offsets = [Float](repeating: Float(weight * 0.5), count: index.count)
    var inferred = [Bool](repeating: false, count: index.count)
    for (row, id) in index.ids.enumerated() {
      guard let facet = facets[id] else { continue }
      let m = Self.match(facet, wanted: wanted, key: key)
      offsets[row] = Float(weight * (1 - m))
      inferred[row] = facet.style == nil && facet.inferredStyle != nil
    }
    self.offsets = offsets
    self.inferred = inferred
  }

  /// The chance that the track is the wanted style (see the type's documentation).
  static func match(_ facet: TrackFacet, wanted: String, key: (String) -> String) -> Double {
    let stated = facet.confidence(ofStyleKey: wanted, key: key)
    if stated >= 1 { return 1 }
    if let s = facet.style, !s.isEmpty { return 0 }
    guard let guess = facet.inferredStyle else { return 0.5 }
    let c = max(0, min(1, facet.styleConfidence ?? 0))
    return key(guess) == wanted ? 0.5 + 0.5 * c : 0.5 - 0.5 * c
  }
}

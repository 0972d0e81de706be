import Analysis
import Catalog
import Foundation

/// Finds reference tracks in a catalog for a draft, by content: mood, tempo, key, timbre, energy, brightness.
///
/// Load once, query many times: the catalog's vectors are read into one matrix at ``init(store:)``.
///
/// ```swift
/// let finder = try ReferenceFinder(store: try CatalogStore(path: path))
/// for r in try finder.references(for: draftFeatures, k: 5) { print(r.displayName, "—", r.reason) }
/// ```
public struct ReferenceFinder: Sendable {
  public let store: CatalogStore
  public let index: ReferenceIndex

  /// Loads every catalog vector.
  /// - Throws: ``CatalogError`` when the catalog cannot be read.
  public init(store: CatalogStore) throws {
    self.store = store
    self.index = ReferenceIndex(try store.vectors())
  }

  /// The `options.k` catalog tracks closest to `features`, closest first, each with a one-line reason.
  ///
  /// - Parameters:
  ///   - features: the draft's analysis (audio, MIDI or a sketch).
  ///   - options: weights, mood pull, style and tempo filters, diversity.
  /// - Returns: at most `options.k` references; fewer when the catalog (or the filtered part of it) is smaller.
  /// - Throws: ``CatalogError`` when track rows cannot be read.
  public func references(for features: Features, options: ReferenceOptions = ReferenceOptions())
    throws -> [Reference]
  {
    var query = features
    var weights = options.weights
    if let target = options.targetMood {
      let p = max(0, min(1, options.moodPull))
      query.valence = (1 - p) * query.valence + p * target.valence
      query.arousal = (1 - p) * query.arousal + p * target.arousal
      weights.mood *= 2
    }
    let (queryVector, queryKnown) = TrackVector.make(from: query)
    let metric = ReferenceMetric(query: queryVector, queryKnown: queryKnown, weights: weights)
    let styleName = options.draftStyle ?? options.style
    let facets = try (styleName != nil || needsFacets(options)) ? store.facets() : [:]
    let allowed = allowedRows(options, facets: facets)
    let term = styleName.flatMap {
      StyleTerm(style: $0, weight: weights.style, index: index, facets: facets)
    }
    // The scale is calibrated on content alone: a track of unknown style (the neutral ½) scores as before,
    // a known match scores higher and another style lower.
    let styleShift = term == nil ? 0 : 0.5 * weights.style
    let depth = options.diverse ? max(options.k * 5, 50) : options.k
    var hits = index.nearest(
      to: queryVector, metric: metric, k: depth, allowed: allowed, offsets: term?.offsets,
      threads: options.threads)
    if options.diverse && hits.count > options.k {
      let order = MaximalMarginalRelevance.rerank(
        count: hits.count, k: options.k, lambda: options.diversityLambda,
        // Relative to the best hit, so relevance and redundancy share one 0…1 scale whatever the
        // catalog's spread (absolute exp(−d) can be tiny for every candidate, letting redundancy win alone).
        relevance: { exp(-(hits[$0].distance - hits[0].distance)) },
        similarity: { a, b in
          let d = metric.groupDistances(
            index.row(hits[a].row), index.row(hits[b].row), knownA: index.knownGroups(hits[a].row),
            knownB: index.knownGroups(hits[b].row), weights: weights
          ).values.reduce(0, +)
          return exp(-d)
        })
      hits = order.map { hits[$0] }
    }
    // Calibrated under the weights the hits were ranked with (a mood pull doubles the mood term).
    let scale = MatchScale(index: index, weights: weights, threads: options.threads)
    let tracks = Dictionary(
      uniqueKeysWithValues: try store.tracks(ids: hits.map(\.id)).compactMap { t in
        t.id.map { ($0, t) }
      })
    return hits.compactMap { hit in
      guard let track = tracks[hit.id] else { return nil }
      let vector = index.row(hit.row)
      let known = index.knownGroups(hit.row)
      var groups = Dictionary(
        uniqueKeysWithValues: metric.groupDistances(
          queryVector, vector, knownA: queryKnown, knownB: known, weights: weights
        ).map { ($0.key.rawValue, $0.value) })
      if let term { groups["style"] = Double(term.offsets[hit.row]) }
      var reference = Reference(
        trackID: hit.id, title: track.title, artist: track.artist, path: track.path,
        similarity: exp(-max(0, hit.distance - styleShift)),
        distance: hit.distance,
        reason: ReferenceReason.line(
          query: query, queryVector: queryVector, track: track, trackVector: vector, known: known,
          groups: metric.activeGroups),
        tempoBPM: track.tempoBPM, key: track.key?.shortName, valence: track.valence,
        arousal: track.arousal,
        contributions: groups)
      reference.matchScore = scale.score(max(0, hit.distance - styleShift))
      if let likely = facets[hit.id]?.likelyStyle
        ?? track.effectiveStyle.map({
          ($0.name, $0.confidence, $0.inferred)
        })
      {
        reference.style = likely.name
        reference.styleInferred = likely.inferred
        reference.styleConfidence = likely.inferred ? likely.confidence : nil
      }
      return reference
    }
  }

  func needsFacets(_ options: ReferenceOptions) -> Bool {
    options.style != nil || options.tempoRange != nil || !options.excludedPaths.isEmpty
  }

  /// Rows passing the style, tempo and path filters, or nil when there are none.
  ///
  /// The style filter keeps tracks whose known style or a tag names the style, and tracks whose inferred
  /// style is it (at any confidence: the style term then ranks the surer ones first).
  func allowedRows(_ options: ReferenceOptions, facets: [Int64: TrackFacet]) -> [Bool]? {
    guard needsFacets(options) else { return nil }
    let key = TrackFacet.memoisedStyleKey()
    let wanted = options.style.map(key)
    return index.ids.map { id in
      guard let facet = facets[id] else { return false }
      if let path = facet.path, options.excludedPaths.contains(path) { return false }
      if let wanted {
        if facet.confidence(ofStyleKey: wanted, key: key) <= 0 { return false }
      }
      if let range = options.tempoRange {
        guard let t = facet.tempoBPM else { return false }
        if !(range.contains(t) || range.contains(t / 2) || range.contains(t * 2)) { return false }
      }
      return true
    }
  }

  static func normalized(_ s: String) -> String {
    s.lowercased().filter { $0.isLetter || $0.isNumber }
  }
}

/// The `k` closest catalog tracks to `features`: the entry point `moodsketch sketch` uses for its top five.
///
/// Loads the catalog's vectors on each call; keep a ``ReferenceFinder`` to query many times.
public func references(for features: Features, k: Int = 5, in store: CatalogStore) throws
  -> [Reference]
{
  var options = ReferenceOptions()
  options.k = k
  return try ReferenceFinder(store: store).references(for: features, options: options)
}

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
    // The style term adds to every distance, whole-track or part (see ``StyleTerm``).
    func styleOffset(_ row: Int) -> Double { term.map { Double($0.offsets[row]) } ?? 0 }
    var trackRows: [CatalogTrack]
    // A short draft is also compared with each track's part most like it (see ``LocalMatch``).
    var windows: [Int64: [Float]] = [:]
    var partStarts: [Int64: Double] = [:]
    var partMetric: ReferenceMetric?
    if options.comparesParts && features.source == .audio {
      let partWeights = LocalMatch.partWeights(weights, keepsMood: options.targetMood != nil)
      let part = ReferenceMetric(query: queryVector, queryKnown: queryKnown, weights: partWeights)
      partMetric = part
      var seen = Set(hits.map(\.row))
      for hit in index.nearest(
        to: queryVector, metric: part, k: max(depth, Self.localShortlist), allowed: allowed,
        offsets: term?.offsets, threads: options.threads) where seen.insert(hit.row).inserted
      {
        hits.append(hit)
      }
      trackRows = try store.tracks(ids: hits.map(\.id))
      let byID = Dictionary(
        uniqueKeysWithValues: trackRows.compactMap { t in t.id.map { ($0, t) } })
      for i in hits.indices {
        let row = hits[i].row
        guard let track = byID[hits[i].id],
          LocalMatch.comparesParts(queryDuration: features.durationSeconds, track: track.features)
        else {
          hits[i].distance =
            metric.distance(queryVector, row: index.row(row), known: index.knownGroups(row))
            + styleOffset(row)
          continue
        }
        let whole = part.distance(queryVector, row: index.row(row), known: index.knownGroups(row))
        let match = LocalMatch.closestWindow(
          queryVector: queryVector, queryDuration: features.durationSeconds,
          track: track.features, trackKnown: index.knownGroups(row), wholeDistance: whole,
          metric: part)
        hits[i].distance = (match?.distance ?? whole) + styleOffset(row)
        windows[hits[i].id] = match?.vector ?? index.row(row)
        partStarts[hits[i].id] = match?.start
      }
      hits.sort { ($0.distance, $0.id) < ($1.distance, $1.id) }
      hits = Array(hits.prefix(depth))
      let kept = Set(hits.map(\.id))
      trackRows.removeAll { !kept.contains($0.id ?? -1) }
    } else {
      trackRows = try store.tracks(ids: hits.map(\.id))
    }
    func vector(_ hit: ReferenceIndex.Hit) -> [Float] { windows[hit.id] ?? index.row(hit.row) }
    if options.diverse && hits.count > options.k {
      let order = MaximalMarginalRelevance.rerank(
        count: hits.count, k: options.k, lambda: options.diversityLambda,
        // Relative to the best hit, so relevance and redundancy share one 0…1 scale whatever the
        // catalog's spread (absolute exp(−d) can be tiny for every candidate, letting redundancy win alone).
        relevance: { exp(-(hits[$0].distance - hits[0].distance)) },
        similarity: { a, b in
          let d = metric.groupDistances(
            vector(hits[a]), vector(hits[b]), knownA: index.knownGroups(hits[a].row),
            knownB: index.knownGroups(hits[b].row), weights: weights
          ).values.reduce(0, +)
          return exp(-d)
        })
      hits = order.map { hits[$0] }
    }
    // Calibrated under the weights the hits were ranked with (a mood pull doubles the mood term).
    let scale = MatchScale(index: index, weights: weights, threads: options.threads)
    let partWeights = LocalMatch.partWeights(weights, keepsMood: options.targetMood != nil)
    // Part comparisons weigh the groups differently: their scores come from a scale under those weights.
    let partScale =
      windows.isEmpty
      ? scale : MatchScale(index: index, weights: partWeights, threads: options.threads)
    let tracks = Dictionary(
      uniqueKeysWithValues: trackRows.compactMap { t in t.id.map { ($0, t) } })
    return hits.compactMap { hit in
      guard let track = tracks[hit.id] else { return nil }
      let vector = vector(hit)
      let known = index.knownGroups(hit.row)
      // Contributions under the metric the hit was ranked by, so they add up to its distance.
      let partCompared = windows[hit.id] != nil
      var groups = Dictionary(
        uniqueKeysWithValues: (partCompared ? partMetric ?? metric : metric).groupDistances(
          queryVector, vector, knownA: queryKnown, knownB: known,
          weights: partCompared ? partWeights : weights
        ).map { ($0.key.rawValue, $0.value) })
      if let term { groups["style"] = Double(term.offsets[hit.row]) }
      var reference = Reference(
        trackID: hit.id, title: track.title, artist: track.artist, path: track.path,
        similarity: exp(-max(0, hit.distance - styleShift)),
        distance: hit.distance,
        reason: (partStarts[hit.id].map { "closest part at \(Self.clock($0)); " } ?? "")
          + ReferenceReason.line(
            query: query, queryVector: queryVector, track: track, trackVector: vector, known: known,
            groups: metric.activeGroups),
        tempoBPM: track.tempoBPM, key: track.key?.shortName, valence: track.valence,
        arousal: track.arousal,
        contributions: groups)
      reference.matchScore = (partCompared ? partScale : scale).score(
        max(0, hit.distance - styleShift))
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

  /// `m:ss`.
  static func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
  }

  /// How many of the nearest tracks by whole-track vector a short draft is compared with part by part.
  static let localShortlist = 64

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

import Catalog
import Foundation

/// Content features of the items: a TF-IDF vector over their tags and, from the mood lexicon, their emotion and
/// style (``ItemAffect``).
///
/// Tag weight = log(1 + times applied) · log(tagged items / items with the tag), each item's vector scaled to
/// unit length, so a tag every artist has ("rock") counts less than a telling one ("shoegaze").
public struct ItemContent: Sendable {
  /// Items × tags, unit rows.
  public let vectors: SparseMatrix
  let byTag: SparseMatrix
  public let tagNames: [String]
  /// Per item (training item order); `nil` when no tag is a mood or style word.
  public let affect: [ItemAffect?]
  /// Per item, its style weights (``ItemAffect/styles``, summing to 1; empty when no tag names a style),
  /// with the style names indexed in ``styleNames``: the style feature of the content part.
  public let styles: [[(style: Int, weight: Float)]]
  public let styleNames: [String]

  /// - Parameters:
  ///   - items: the training item index; tags of other items are ignored.
  ///   - tags: item tags with counts.
  ///   - lexicon: what each tag means for mood and style (may be empty).
  public init(items: IDIndex, tags: [ListeningItemTag], lexicon: [String: TagAffect]) {
    var tagIndex = IDIndex()
    var perItem = [[(tag: String, count: Int)]](repeating: [], count: items.count)
    var entries: [(row: Int, column: Int, value: Float)] = []
    for t in tags {
      guard let i = items.index(of: t.item), t.count > 0 else { continue }
      perItem[i].append((t.tag, t.count))
      entries.append((i, tagIndex.insert(t.tag), Float(log1p(Double(t.count)))))
    }
    let raw = SparseMatrix(rows: items.count, columns: tagIndex.count, entries: entries)
    var documentFrequency = [Float](repeating: 0, count: tagIndex.count)
    for c in raw.columnIndex { documentFrequency[Int(c)] += 1 }
    let tagged = Float((0..<raw.rows).filter { raw.count(ofRow: $0) > 0 }.count)
    var values = raw.values
    for r in 0..<raw.rows {
      let range = raw.range(ofRow: r)
      var norm: Float = 0
      for p in range {
        values[p] *= log(max(tagged, 1) / documentFrequency[Int(raw.columnIndex[p])]) + 1e-3
        norm += values[p] * values[p]
      }
      norm = norm.squareRoot()
      if norm > 0 { for p in range { values[p] /= norm } }
    }
    vectors = SparseMatrix(
      rows: raw.rows, columns: raw.columns, rowStart: raw.rowStart, columnIndex: raw.columnIndex,
      values: values)
    byTag = vectors.transposed()
    tagNames = tagIndex.ids
    affect = perItem.map { $0.isEmpty ? nil : ItemAffect(tags: $0, lexicon: lexicon) }
    var styleIndex = IDIndex()
    styles = affect.map { a in
      (a?.styles ?? [:]).sorted { $0.key < $1.key }.map {
        (styleIndex.insert($0.key), Float($0.value))
      }
    }
    styleNames = styleIndex.ids
  }

  /// Whether any item has a style.
  public var hasStyles: Bool { !styleNames.isEmpty }

  /// A user's style taste: Σ weight · item style weights over the given items, unit length.
  public func styleProfile(items: [(item: Int, weight: Float)]) -> [Float] {
    var acc = [Float](repeating: 0, count: styleNames.count)
    for (i, w) in items where i < styles.count {
      for (s, sw) in styles[i] { acc[s] += w * sw }
    }
    let norm = acc.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? acc.map { $0 / norm } : acc
  }

  /// Each item's cosine with a style profile (0 for items without a style).
  public func styleScores(profile: [Float]) -> [Float] {
    styles.map { item in
      var dot: Float = 0
      var norm: Float = 0
      for (s, w) in item {
        dot += w * (s < profile.count ? profile[s] : 0)
        norm += w * w
      }
      return norm > 0 ? dot / norm.squareRoot() : 0
    }
  }

  /// Whether any item has tags.
  public var isEmpty: Bool { vectors.nonZeroCount == 0 }

  /// Cosine similarity of two items' tag vectors.
  public func similarity(_ a: Int, _ b: Int) -> Float {
    vectors.rowDot(a, b)
  }

  /// A user's taste as tag weights: Σ log(1 + plays) · item vector over the given items, the strongest
  /// `limit` tags kept (tag index, weight), strongest first.
  public func profile(items: [(item: Int, weight: Float)], limit: Int = 64) -> [(
    tag: Int, weight: Float
  )] {
    var acc: [Int: Float] = [:]
    for (i, w) in items where i < vectors.rows {
      for p in vectors.range(ofRow: i) {
        acc[Int(vectors.columnIndex[p]), default: 0] += w * vectors.values[p]
      }
    }
    let sorted = acc.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    return sorted.prefix(limit).map { ($0.key, $0.value) }
  }

  /// Cosine-like scores of every item against a profile.
  public func scores(profile: [(tag: Int, weight: Float)]) -> [Float] {
    var out = [Float](repeating: 0, count: vectors.rows)
    let norm = profile.reduce(Float(0)) { $0 + $1.weight * $1.weight }.squareRoot()
    guard norm > 0 else { return out }
    for (t, w) in profile {
      for p in byTag.range(ofRow: t) {
        out[Int(byTag.columnIndex[p])] += w / norm * byTag.values[p]
      }
    }
    return out
  }

  /// The item's tags that weigh most in `profile`, strongest first.
  public func sharedTags(item: Int, profile: [(tag: Int, weight: Float)], limit: Int = 2)
    -> [String]
  {
    var weights: [Int: Float] = [:]
    for (t, w) in profile { weights[t] = w }
    var shared: [(String, Float)] = []
    for p in vectors.range(ofRow: item) {
      let t = Int(vectors.columnIndex[p])
      if let w = weights[t] { shared.append((tagNames[t], w * vectors.values[p])) }
    }
    return shared.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
  }
}

/// Content-based recommendation: items whose tags look like the tags of what the user plays, and whose style
/// (from the lexicon's reading of the tags) is the user's.
///
/// score = (1 − s)·tag cosine + s·style cosine, with s = ``styleShare`` when any item has a style (else the
/// tags alone). The style feature generalises where tags are sparse: two artists tagged "bossa" and
/// "brazilian jazz" share no tag but share the style `bossa nova`.
public struct ContentModel: Recommender {
  public let name = "content"
  public let content: ItemContent
  let weights: SparseMatrix
  /// The style feature's share of the score; default ``defaultStyleShare``.
  public let styleShare: Float

  /// Measured on the Last.fm HetRec split of `Benchmarks/recommend` (see its README).
  public static let defaultStyleShare: Float = 0.2

  public init(training: SparseMatrix, content: ItemContent, styleShare: Float = defaultStyleShare) {
    self.content = content
    weights = logWeights(training)
    self.styleShare = max(0, min(1, styleShare))
  }

  /// The user's tag profile from their training items.
  public func profile(ofUser user: Int) -> [(tag: Int, weight: Float)] {
    guard user < weights.rows else { return [] }
    return content.profile(
      items: weights.range(ofRow: user).map { (Int(weights.columnIndex[$0]), weights.values[$0]) })
  }

  public func scores(forUser user: Int) -> [Float] {
    let tags = content.scores(profile: profile(ofUser: user))
    guard styleShare > 0, content.hasStyles, user < weights.rows else { return tags }
    let items = weights.range(ofRow: user).map {
      (Int(weights.columnIndex[$0]), weights.values[$0])
    }
    let style = content.styleScores(profile: content.styleProfile(items: items))
    return zip(tags, style).map { (1 - styleShare) * $0 + styleShare * $1 }
  }
}

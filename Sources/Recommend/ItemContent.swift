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

/// Content-based recommendation: items whose tags look like the tags of what the user plays.
public struct ContentModel: Recommender {
  public let name = "content"
  public let content: ItemContent
  let weights: SparseMatrix

  public init(training: SparseMatrix, content: ItemContent) {
    self.content = content
    weights = logWeights(training)
  }

  /// The user's tag profile from their training items.
  public func profile(ofUser user: Int) -> [(tag: Int, weight: Float)] {
    guard user < weights.rows else { return [] }
    return content.profile(
      items: weights.range(ofRow: user).map { (Int(weights.columnIndex[$0]), weights.values[$0]) })
  }

  public func scores(forUser user: Int) -> [Float] {
    content.scores(profile: profile(ofUser: user))
  }
}

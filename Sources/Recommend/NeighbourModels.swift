import Foundation

/// How user-kNN measures the likeness of two users.
public enum UserSimilarity: String, Sendable, Codable, CaseIterable {
  /// Cosine of the two users' log-play vectors over all items.
  case cosine
  /// Pearson correlation of log-plays over the items both played (each user centred on their own mean);
  /// pairs sharing fewer than 2 items get no similarity.
  case pearson
}

/// Play counts span five orders of magnitude on Last.fm; `log(1 + plays)` keeps one obsessive listener
/// from deciding every neighbourhood.
func logWeights(_ matrix: SparseMatrix) -> SparseMatrix { matrix.mapValues { log1p($0) } }

/// User-based collaborative filtering: find the users most like you, recommend what they play.
///
/// A user's score for item i is Σ over the `neighbours` most similar users v (similarity > 0) of
/// sim(u, v) · log(1 + plays(v, i)).
public struct UserKNNModel: Recommender {
  public var name: String { similarity == .cosine ? "userknn" : "userknn-pearson" }
  public let similarity: UserSimilarity
  /// Neighbours kept per user; default 50.
  public let neighbours: Int
  let weights: SparseMatrix
  let byItem: SparseMatrix
  let norms: [Float]
  let means: [Float]

  public init(training: SparseMatrix, similarity: UserSimilarity = .cosine, neighbours: Int = 50) {
    self.similarity = similarity
    self.neighbours = max(1, neighbours)
    let w = logWeights(training)
    weights = w
    byItem = w.transposed()
    norms = w.rowNorms()
    means = (0..<w.rows).map { u in
      let r = w.range(ofRow: u)
      return r.isEmpty ? 0 : w.values[r].reduce(0, +) / Float(r.count)
    }
  }

  /// The `neighbours` most similar users to `user` with their similarity, best first.
  public func neighbourhood(ofUser user: Int) -> [(user: Int, similarity: Float)] {
    let n = weights.rows
    var dot = [Float](repeating: 0, count: n)
    var sxx = [Float](repeating: 0, count: similarity == .pearson ? n : 0)
    var syy = sxx
    var common = [Int32](repeating: 0, count: n)
    var touched: [Int] = []
    for p in weights.range(ofRow: user) {
      let i = Int(weights.columnIndex[p])
      let a = weights.values[p]
      for q in byItem.range(ofRow: i) {
        let v = Int(byItem.columnIndex[q])
        if v == user { continue }
        let b = byItem.values[q]
        if common[v] == 0 { touched.append(v) }
        common[v] += 1
        switch similarity {
        case .cosine:
          dot[v] += a * b
        case .pearson:
          let x = a - means[user]
          let y = b - means[v]
          dot[v] += x * y
          sxx[v] += x * x
          syy[v] += y * y
        }
      }
    }
    var sims: [(user: Int, similarity: Float)] = []
    sims.reserveCapacity(touched.count)
    for v in touched {
      let s: Float
      switch similarity {
      case .cosine:
        s = dot[v] / max(norms[user] * norms[v], .leastNormalMagnitude)
      case .pearson:
        s = common[v] < 2 ? 0 : dot[v] / max((sxx[v] * syy[v]).squareRoot(), .leastNormalMagnitude)
      }
      if s > 0 { sims.append((v, s)) }
    }
    sims.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.user < $1.user }
    return Array(sims.prefix(neighbours))
  }

  public func scores(forUser user: Int) -> [Float] {
    var scores = [Float](repeating: 0, count: weights.columns)
    guard user < weights.rows else { return scores }
    for (v, s) in neighbourhood(ofUser: user) {
      for q in weights.range(ofRow: v) {
        scores[Int(weights.columnIndex[q])] += s * weights.values[q]
      }
    }
    return scores
  }
}

/// Item-based collaborative filtering: items played by the same people are alike; recommend items like yours.
///
/// Item similarity is the cosine of the items' log-play columns; each item keeps its `neighbours` most similar
/// items. A user's score for item i is Σ over their items j of log(1 + plays(u, j)) · sim(j, i).
public struct ItemKNNModel: Recommender {
  public let name = "itemknn"
  /// Neighbours kept per item; default 100.
  public let neighbours: Int
  let weights: SparseMatrix
  /// Items × items, each row the item's nearest neighbours and similarities.
  public let similarities: SparseMatrix

  public init(training: SparseMatrix, neighbours: Int = 100, threads: Int = Parallel.cores) {
    self.neighbours = max(1, neighbours)
    weights = logWeights(training)
    let byItem = weights.transposed()
    let norms = byItem.rowNorms()
    let itemCount = weights.columns
    let keep = self.neighbours
    let rows = SharedBuffer<[(Int32, Float)]>(repeating: [], count: itemCount)
    let w = weights
    Parallel.forEachChunk(itemCount, threads: threads) { range in
      var acc = [Float](repeating: 0, count: itemCount)
      var touched: [Int] = []
      for i in range {
        touched.removeAll(keepingCapacity: true)
        for q in byItem.range(ofRow: i) {
          let u = Int(byItem.columnIndex[q])
          let a = byItem.values[q]
          for p in w.range(ofRow: u) {
            let j = Int(w.columnIndex[p])
            if j == i { continue }
            if acc[j] == 0 { touched.append(j) }
            acc[j] += a * w.values[p]
          }
        }
        var row: [(Int32, Float)] = touched.map { j in
          (Int32(j), acc[j] / max(norms[i] * norms[j], .leastNormalMagnitude))
        }
        for j in touched { acc[j] = 0 }
        row.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if row.count > keep { row.removeLast(row.count - keep) }
        rows.pointer[i] = row
      }
    }
    var start = [0]
    var cols: [Int32] = []
    var vals: [Float] = []
    for row in rows.pointer {
      for (j, s) in row {
        cols.append(j)
        vals.append(s)
      }
      start.append(cols.count)
    }
    similarities = SparseMatrix(
      rows: itemCount, columns: itemCount, rowStart: start, columnIndex: cols, values: vals)
  }

  public func scores(forUser user: Int) -> [Float] {
    var scores = [Float](repeating: 0, count: weights.columns)
    guard user < weights.rows else { return scores }
    for p in weights.range(ofRow: user) {
      let j = Int(weights.columnIndex[p])
      let wj = weights.values[p]
      for q in similarities.range(ofRow: j) {
        scores[Int(similarities.columnIndex[q])] += wj * similarities.values[q]
      }
    }
    return scores
  }
}

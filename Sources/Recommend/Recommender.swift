/// A trained recommendation model: it scores every item for a known user (higher is better).
///
/// Scores only rank items for one user; they are not comparable between models or users.
public protocol Recommender: Sendable {
  /// Short name as used on the command line (`als`, `itemknn`, …).
  var name: String { get }
  /// A score for every item (indices of the training ``InteractionData/items``) for user `user`.
  func scores(forUser user: Int) -> [Float]
}

/// Picks top-k lists from scores, never returning an item the user already has in training.
public enum TopK {
  /// The `k` best items by score (ties: lower index first), skipping `row`'s training items of `matrix`.
  public static func select(
    _ scores: [Float], k: Int, excludingRow row: Int?, of matrix: SparseMatrix
  ) -> [Int] {
    var excluded = Set<Int32>()
    if let row, row < matrix.rows {
      for p in matrix.range(ofRow: row) { excluded.insert(matrix.columnIndex[p]) }
    }
    return select(scores, k: k) { excluded.contains(Int32($0)) }
  }

  /// The `k` best items by score among those `isExcluded` does not reject.
  public static func select(_ scores: [Float], k: Int, isExcluded: (Int) -> Bool) -> [Int] {
    guard k > 0 else { return [] }
    // A small sorted buffer: k is tens, items are tens of thousands.
    var best: [(score: Float, item: Int)] = []
    best.reserveCapacity(k + 1)
    for (i, s) in scores.enumerated() where !s.isNaN {
      if best.count == k, s <= best[k - 1].score { continue }
      if isExcluded(i) { continue }
      var pos = best.count
      while pos > 0, best[pos - 1].score < s { pos -= 1 }
      best.insert((s, i), at: pos)
      if best.count > k { best.removeLast() }
    }
    return best.map(\.item)
  }

  /// Top-k lists for many users in parallel; `users[i]`'s list is at position `i`.
  public static func lists(
    model: any Recommender, users: [Int], k: Int, training: SparseMatrix,
    threads: Int = Parallel.cores
  ) -> [[Int]] {
    let out = SharedBuffer<[Int]>(repeating: [], count: users.count)
    Parallel.forEachChunk(users.count, threads: threads) { range in
      for i in range {
        out.pointer[i] = select(
          model.scores(forUser: users[i]), k: k, excludingRow: users[i], of: training)
      }
    }
    return out.array
  }
}

/// Maximal marginal relevance (Carbonell & Goldstein 1998): pick items one at a time, each maximising
/// λ·relevance − (1 − λ)·(greatest similarity to an item already picked), so a list is not ten near-copies.
public enum Diversity {
  /// Re-ranks `candidates` (item, relevance in 0…1) to `k` items.
  ///
  /// - Parameters:
  ///   - lambda: 1 keeps the relevance order; 0 only avoids similarity. Default in the CLI: 0.7.
  ///   - similarity: item–item similarity in 0…1.
  public static func mmr(
    candidates: [(item: Int, relevance: Float)], k: Int, lambda: Float,
    similarity: (Int, Int) -> Float
  ) -> [Int] {
    var pool = candidates
    var picked: [Int] = []
    var maxSimilarity = [Float](repeating: 0, count: pool.count)
    while picked.count < k, !pool.isEmpty {
      var best = 0
      var bestValue = -Float.infinity
      for (n, c) in pool.enumerated() {
        let value = lambda * c.relevance - (1 - lambda) * maxSimilarity[n]
        if value > bestValue {
          bestValue = value
          best = n
        }
      }
      let chosen = pool.remove(at: best).item
      maxSimilarity.remove(at: best)
      picked.append(chosen)
      for (n, c) in pool.enumerated() {
        maxSimilarity[n] = max(maxSimilarity[n], similarity(chosen, c.item))
      }
    }
    return picked
  }
}

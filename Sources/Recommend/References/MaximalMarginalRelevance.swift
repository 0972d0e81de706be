import Foundation

/// Re-ranking by maximal marginal relevance (Carbonell & Goldstein, SIGIR 1998): repeatedly pick the candidate
/// maximising `λ·relevance − (1 − λ)·max similarity to those already picked`, so the list covers more ground
/// than the k nearest alone.
enum MaximalMarginalRelevance {
  /// - Parameters:
  ///   - relevance: per candidate, 0…1 (higher is closer to the query).
  ///   - similarity: between two candidates, 0…1.
  ///   - lambda: 1 keeps the relevance order, 0 maximises novelty.
  /// - Returns: candidate indices in picked order.
  static func rerank(
    count: Int, k: Int, lambda: Double, relevance: (Int) -> Double, similarity: (Int, Int) -> Double
  ) -> [Int] {
    var picked: [Int] = []
    var remaining = Array(0..<count)
    var maxSimilarity = [Double](repeating: 0, count: count)
    while picked.count < min(k, count) {
      var best = remaining[0]
      var bestScore = -Double.infinity
      for c in remaining {
        let score = lambda * relevance(c) - (1 - lambda) * maxSimilarity[c]
        if score > bestScore {
          bestScore = score
          best = c
        }
      }
      picked.append(best)
      remaining.removeAll { $0 == best }
      for c in remaining { maxSimilarity[c] = max(maxSimilarity[c], similarity(c, best)) }
    }
    return picked
  }
}

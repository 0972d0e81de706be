import Foundation

/// Top-k ranking quality averaged over users, with binary relevance (an item is relevant when it is in the
/// user's test set).
///
/// Per user with relevant set R (|R| ≥ 1) and list L of length ≤ k:
/// - precision = hits / k, recall = hits / |R|, F1 = 2PR / (P + R) (0 when both are 0), averaged per user;
/// - NDCG = Σ_{hit at rank r} 1/log₂(r + 1) ÷ Σ_{r=1}^{min(k, |R|)} 1/log₂(r + 1);
/// - MAP = Σ_{hit at rank r} precision@r ÷ min(k, |R|);
/// - hit rate = 1 if any hit.
public struct RankingMetrics: Sendable, Hashable, Codable {
  public var precision = 0.0
  public var recall = 0.0
  public var f1 = 0.0
  public var ndcg = 0.0
  public var map = 0.0
  public var hitRate = 0.0
  /// Users averaged over.
  public var users = 0

  public init() {}

  /// Metrics for one user's list.
  public static func user(list: [Int], relevant: Set<Int>, k: Int) -> RankingMetrics {
    var m = RankingMetrics()
    m.users = 1
    guard !relevant.isEmpty, k > 0 else { return m }
    var hits = 0
    var dcg = 0.0
    var apSum = 0.0
    for (r, item) in list.prefix(k).enumerated() where relevant.contains(item) {
      hits += 1
      dcg += 1 / log2(Double(r + 2))
      apSum += Double(hits) / Double(r + 1)
    }
    let ideal = (0..<min(k, relevant.count)).reduce(0.0) { $0 + 1 / log2(Double($1 + 2)) }
    m.precision = Double(hits) / Double(k)
    m.recall = Double(hits) / Double(relevant.count)
    m.f1 = hits == 0 ? 0 : 2 * m.precision * m.recall / (m.precision + m.recall)
    m.ndcg = dcg / ideal
    m.map = apSum / Double(min(k, relevant.count))
    m.hitRate = hits > 0 ? 1 : 0
    return m
  }

  /// The mean over users of per-user metrics.
  public static func mean(_ perUser: [RankingMetrics]) -> RankingMetrics {
    var m = RankingMetrics()
    for u in perUser {
      m.precision += u.precision
      m.recall += u.recall
      m.f1 += u.f1
      m.ndcg += u.ndcg
      m.map += u.map
      m.hitRate += u.hitRate
    }
    let n = Double(max(1, perUser.count))
    m.precision /= n
    m.recall /= n
    m.f1 /= n
    m.ndcg /= n
    m.map /= n
    m.hitRate /= n
    m.users = perUser.count
    return m
  }

  /// Catalog coverage: the share of `catalogSize` items that appear in at least one list.
  public static func coverage(_ lists: [[Int]], catalogSize: Int) -> Double {
    guard catalogSize > 0 else { return 0 }
    var seen = Set<Int>()
    for list in lists { seen.formUnion(list) }
    return Double(seen.count) / Double(catalogSize)
  }
}

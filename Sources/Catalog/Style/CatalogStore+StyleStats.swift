import Foundation
import GRDB

/// The catalog's styles for `catalog stats`: how many tracks know theirs, how many were inferred, and how
/// well inference does on this very catalog (each known track hidden and inferred from the rest), so a
/// producer can judge the "inferred" labels on their own music rather than on a benchmark's.
public struct StyleStats: Sendable, Codable, Hashable {
  /// Tracks per known style (from tags, a table, listening tags or `--style`).
  public var known: [String: Int] = [:]
  /// Tracks per inferred style.
  public var inferred: [String: Int] = [:]
  /// Tracks with neither.
  public var unstyled = 0
  /// Leave-one-out over the known tracks; nil until two styles have three known tracks each (when
  /// nothing is inferred). Over an even sample (every n-th known track) when there are more than
  /// ``StyleStats/evaluationLimit``.
  public var inference: StyleInference.Evaluation?

  /// Known tracks scored at most: leave-one-out is quadratic, and `catalog stats` should answer at once.
  public static let evaluationLimit = 2000
  public init() {}
}

extension CatalogStore {
  /// - Parameter evaluationLimit: known tracks scored at most (every n-th beyond it).
  public func styleStats(evaluationLimit: Int = StyleStats.evaluationLimit) throws -> StyleStats {
    try read { db in
      var stats = try Self.styleCounts(db)
      let known = stats.known.values.reduce(0, +)
      let step = (known + evaluationLimit - 1) / max(1, evaluationLimit)
      let samples = try Self.styleSamples(db, taggedOnly: true, everyNth: max(1, step))
      if StyleInference.inferableStyles(samples).count >= StyleInference.minimumStyles {
        stats.inference = StyleInference.leaveOneOut(samples)
      }
      return stats
    }
  }

  /// How many tracks have each style, known or inferred, without the leave-one-out check: what a
  /// message naming the catalog's styles needs.
  public func styleCounts() throws -> StyleStats {
    try read { db in try Self.styleCounts(db) }
  }

  private static func styleCounts(_ db: Database) throws -> StyleStats {
    var stats = StyleStats()
    let inferredColumn = try Self.hasInferredStyle(db) ? "inferredStyle" : "NULL"
    for row in try Row.fetchAll(
      db, sql: "SELECT style, \(inferredColumn), COUNT(*) FROM track GROUP BY 1, 2")
    {
      let count: Int = row[2]
      if let style: String = row[0] {
        stats.known[style, default: 0] += count
      } else if let style: String = row[1] {
        stats.inferred[style, default: 0] += count
      } else {
        stats.unstyled += count
      }
    }
    return stats
  }
}

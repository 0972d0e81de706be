import Foundation
import GRDB

/// One track on the mood map: where it sits on the valence–arousal plane and its style (known, else inferred).
public struct MoodPoint: Sendable, Hashable, Codable {
  public var id: Int64
  public var title: String
  public var style: String?
  public var valence: Double
  public var arousal: Double
}

extension CatalogStore {
  /// Every track's mood and style, or an even sample of `limit` of them (every n-th by id) when the
  /// catalog is larger, read through a cursor so memory stays flat.
  ///
  /// - Returns: the points and how many tracks the catalog holds.
  public func moodPoints(limit: Int) throws -> (points: [MoodPoint], total: Int) {
    try read { db in
      let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM track") ?? 0
      let step = max(1, (total + max(1, limit) - 1) / max(1, limit))
      // An inferred style colours its track too: the map then shows what `references --style` finds.
      let style = Self.effectiveStyle(try Self.hasInferredStyle(db))
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, title, \(style), valence, arousal FROM track ORDER BY id")
      var points: [MoodPoint] = []
      var index = 0
      while let row = try rows.next() {
        defer { index += 1 }
        guard index % step == 0 else { continue }
        points.append(
          MoodPoint(id: row[0], title: row[1], style: row[2], valence: row[3], arousal: row[4]))
      }
      return (points, total)
    }
  }
}

import Foundation
import GRDB

extension CatalogStore {
  /// Stores one batch of imported table rows in one transaction.
  ///
  /// A row whose source key an earlier import stored replaces that row (re-importing a file updates it). Two
  /// rows of the same import with the same key (a table listing one track id twice) are both kept: the later
  /// one gets `@line` appended. Rows of this import are recognised by `run` in their `addedAt`, so no set of
  /// keys grows in memory with the table.
  func importRows(_ rows: [(track: CatalogTrack, line: Int)], run: Date) throws {
    try write { db in
      let find = try db.cachedStatement(
        sql: "SELECT id, addedAt = ? FROM track WHERE sourceKey = ?")
      for (track, line) in rows {
        var track = track
        track.addedAt = run
        track.id = nil
        for attempt in 0..<2 {
          let existing = try Row.fetchOne(find, arguments: [run, track.sourceKey])
          guard let existing else {
            try track.insert(db)
            break
          }
          let sameRun: Bool = existing[1]
          if sameRun && attempt == 0 {
            track.sourceKey += "@\(line)"
            continue
          }
          track.id = existing[0]
          try track.update(db)
          break
        }
      }
    }
  }
}

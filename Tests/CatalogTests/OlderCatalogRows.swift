import Analysis
import Foundation
import GRDB

@testable import Catalog

/// Inserts `track` as a row of a catalog at an older schema (migrated only up to some point), with the
/// columns every schema since the first has; for the migration tests.
func insertOlderRow(_ track: CatalogTrack, tagsJSON: String = "[]", into db: Database) throws {
  try db.execute(
    sql: """
      INSERT INTO track (title, path, sourceKey, durationSeconds, source, tags, style, features,
        featureVersion, vectorVersion, vector, knownGroups, tempoBPM, valence, arousal, addedAt)
      VALUES (?, ?, ?, 120, 'audio', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '1970-01-01')
      """,
    arguments: [
      track.title, track.path, track.sourceKey, tagsJSON, track.style,
      String(decoding: try JSONEncoder().encode(track.features), as: UTF8.self),
      track.featureVersion, track.vectorVersion, track.vector, track.knownGroups,
      track.features.tempoBPM,
    ])
}

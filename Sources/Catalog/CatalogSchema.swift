import Analysis
import Foundation
import GRDB

/// The catalog's schema as named, append-only migrations.
///
/// Never edit a migration that has shipped: add a new one (`addTrackSomething`) instead, so existing
/// catalogs upgrade in place. Listening history (issue 5) registers its own migrations after these.
enum CatalogSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("createTrack") { db in
      try db.create(table: "track") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("title", .text).notNull()
        t.column("artist", .text)
        t.column("album", .text)
        t.column("path", .text)
        t.column("sourceKey", .text).notNull().unique()
        t.column("durationSeconds", .double).notNull()
        t.column("source", .text).notNull()
        t.column("tags", .text).notNull()
        t.column("style", .text)
        t.column("features", .text).notNull()
        t.column("featureVersion", .integer).notNull()
        t.column("vectorVersion", .integer).notNull()
        t.column("vector", .blob).notNull()
        t.column("knownGroups", .integer).notNull()
        t.column("keyTonic", .text)
        t.column("mode", .text)
        t.column("tempoBPM", .double)
        t.column("valence", .double).notNull()
        t.column("arousal", .double).notNull()
        t.column("loudnessLUFS", .double)
        t.column("contentHash", .text)
        t.column("fileModified", .double)
        t.column("fileSize", .integer)
        t.column("addedAt", .datetime).notNull()
      }
      try db.create(index: "track_on_path", on: "track", columns: ["path"])
    }
    // Listening history (issue 5) lives in the same file; its migrations come after the catalog's own.
    ListeningSchema.registerListeningMigrations(&migrator)
    // Later catalog migrations go after everything registered above: the list is append-only.
    migrator.registerMigration("addTrackVectorScanIndex") { db in
      // A covering index: loading the search matrix reads ~120 bytes per track from it instead of
      // every full row with its features JSON (see Benchmarks/catalog/README.md for the load times).
      try db.create(
        index: "track_vector_scan", on: "track",
        columns: ["vectorVersion", "id", "knownGroups", "vector"])
    }
    // Style inferred from the tagged tracks (StyleInference), kept apart from `style`, which is only ever
    // what a file, table or listening history said.
    migrator.registerMigration("addTrackInferredStyle") { db in
      try db.alter(table: "track") { t in
        t.add(column: "inferredStyle", .text)
        t.add(column: "styleConfidence", .double)
      }
    }
    // A tempo heard with a weak pulse no longer counts in matching (``TrackVector/make(from:)``): rows
    // saved before keep their vectors, and lose the tempo bit exactly where a new analysis would.
    migrator.registerMigration("maskWeakPulseTempo") { db in
      try db.execute(
        sql: """
          UPDATE track SET knownGroups = knownGroups & ~?
          WHERE source = ? AND tempoBPM IS NOT NULL
            AND json_extract(features, '$.tempoConfidence') < ?
          """,
        arguments: [
          Int(FeatureGroup.tempo.bit), Features.Source.audio.rawValue,
          Features.weakPulseConfidence,
        ])
    }
    // Numbered ID3 genres ("(17)", "26", "(RX)") are read as the genres they name (``ID3Genre``), and
    // text that is not a genre (printable binary) is no longer kept as a style. Rows saved before had no
    // style (or "(rx)", or the binary) for them, and an unchanged file is never re-read, so the style is
    // set again from the genre the row kept: an audio file's first tag is its genre when it had one
    // (CatalogAnalyser stores [genre, comment]).
    migrator.registerMigration("readNumberedID3Genres") { db in
      let rows = try Row.fetchAll(
        db, sql: "SELECT id, tags, style FROM track WHERE source = ? AND tags LIKE '[%'",
        arguments: [Features.Source.audio.rawValue])
      let update = try db.makeStatement(
        sql: """
          UPDATE track SET style = ?1,
            inferredStyle = CASE WHEN ?1 IS NULL THEN inferredStyle END,
            styleConfidence = CASE WHEN ?1 IS NULL THEN styleConfidence END
          WHERE id = ?2
          """)
      for row in rows {
        let text: String = row[1]
        let stored: String? = row[2]
        guard let tags = try? JSONDecoder().decode([String].self, from: Data(text.utf8)),
          let genre = tags.first, let cleaned = TagText.clean(genre)
        else { continue }
        let numbered = ID3Genre.name(forTag: cleaned) != cleaned
        let notAGenre = stored.map { !StyleVocabulary.looksLikeAGenre($0) } ?? false
        guard numbered || notAGenre else { continue }
        try update.execute(
          arguments: [StyleVocabulary.storedStyle(forGenre: genre), row[0] as Int64])
      }
    }
    return migrator
  }
}

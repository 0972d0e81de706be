import Foundation
import GRDB

/// Decides, before anything is written, whether an existing database file is a moodsketch catalog.
///
/// `--catalog` may point at any file. Opening it for writing would switch it to WAL mode and add our tables,
/// so another application's SQLite database (a browser history, a photo library) is inspected read-only
/// first and refused unless it is empty or was made by moodsketch.
enum CatalogSchemaCheck {
  enum Verdict: Equatable {
    /// No tables at all (a new or zero-length file): safe to create the catalog in.
    case empty
    /// Made by moodsketch (its first migration is recorded and the track table has our columns).
    case catalog
    /// Anything else, with what was found.
    case foreign(String)
  }

  /// Columns every catalog's `track` table has had since the first migration.
  static let trackColumns: Set<String> = [
    "id", "title", "artist", "album", "path", "sourceKey", "durationSeconds", "source", "tags",
    "style",
    "features", "featureVersion", "vectorVersion", "vector", "knownGroups", "keyTonic", "mode",
    "tempoBPM", "valence", "arousal", "loudnessLUFS", "contentHash", "fileModified", "fileSize",
    "addedAt",
  ]

  static func inspect(_ db: Database) throws -> Verdict {
    let tables = try String.fetchAll(
      db,
      sql:
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    // GRDB makes its migrations table before the first migration commits: another moodsketch process is
    // creating this catalog right now, and it is as good as empty.
    if tables.isEmpty || tables == ["grdb_migrations"] { return .empty }
    var ours = false
    if tables.contains("grdb_migrations") {
      ours =
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'createTrack')")
        ?? false
    }
    if tables.contains("track") {
      let columns = Set(try db.columns(in: "track").map(\.name))
      let missing = trackColumns.subtracting(columns).sorted()
      if missing.isEmpty && ours { return .catalog }
      if !missing.isEmpty {
        return .foreign(
          "its track table is not moodsketch's: it lacks \(list(missing, limit: 4))")
      }
    }
    if ours { return .foreign("it records moodsketch's migrations but has no track table") }
    return .foreign("it is another application's database, with tables \(list(tables, limit: 5))")
  }

  private static func list(_ names: [String], limit: Int) -> String {
    let shown = names.prefix(limit).joined(separator: ", ")
    return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
  }

  /// Whether the file starts with SQLite's magic header, to tell a damaged catalog from some other file.
  static func hasSQLiteHeader(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 16)) ?? Data()
    return head == Data("SQLite format 3\0".utf8)
  }

  /// The first problem `PRAGMA integrity_check` finds, or `ok`; what it says when it cannot even run.
  static func integrityFinding(_ path: String) -> String {
    do {
      var config = Configuration()
      config.readonly = true
      let queue = try DatabaseQueue(path: path, configuration: config)
      let rows = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check(1)") }
      return oneLine(rows.first ?? "no answer")
    } catch let error as DatabaseError {
      return oneLine(error.message ?? "\(error.resultCode)")
    } catch {
      return oneLine("\(error)")
    }
  }

  /// SQLite's report without its `*** in database main ***` banner and line breaks, for a one-line message.
  static func oneLine(_ text: String) -> String {
    text.replacingOccurrences(of: "*** in database main ***", with: "")
      .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: "; ")
  }
}

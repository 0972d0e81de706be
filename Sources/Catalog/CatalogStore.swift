import Analysis
import Foundation
import GRDB

/// The SQLite catalog of reference tracks.
///
/// A file catalog is a `DatabasePool` in WAL mode, so readers never wait for a writer and a killed writer
/// loses only its uncommitted transaction; tests use ``inMemory()``. Every write is one short transaction.
///
/// ```swift
/// let store = try CatalogStore(path: CatalogLocation.resolve(option: nil).path)
/// for track in try store.tracks() { print(track.displayName) }
/// ```
public final class CatalogStore: Sendable {
  /// How a catalog file is opened.
  public enum Access: Sendable {
    /// Create the file (and its folder) when missing; fail when it is not writable.
    case readWrite
    /// Open an existing file for reading only; fail when it is missing.
    case readOnly
  }

  /// The database file, or `:memory:`.
  public let path: String
  let writer: any DatabaseWriter
  let busyTimeout: TimeInterval

  /// Opens (and migrates) the catalog at `path`.
  ///
  /// An existing file is inspected read-only first: another application's SQLite database, or one with an
  /// incompatible `track` table, is refused without being touched (no WAL switch, no tables added).
  ///
  /// - Parameters:
  ///   - path: the database file.
  ///   - access: ``Access/readWrite`` (default) creates it if needed; ``Access/readOnly`` requires it to exist.
  ///   - busyTimeout: seconds to wait for another process's write lock before failing; default 5.
  ///   - onWait: called once, with a sentence to show, when another process has held the lock for a second.
  /// - Throws: ``CatalogError`` naming the path: missing, read-only, locked, not a catalog, damaged.
  public init(
    path: String, access: Access = .readWrite, busyTimeout: TimeInterval = 5,
    onWait: (@Sendable (String) -> Void)? = nil
  ) throws {
    self.path = path
    self.busyTimeout = busyTimeout
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
    if isDirectory.boolValue { throw CatalogError.cannotOpen(path: path, reason: "it is a folder") }
    var config = Configuration()
    config.busyMode = BusyWait.mode(path: path, timeout: busyTimeout, onWait: onWait)
    switch access {
    case .readOnly:
      guard exists else { throw CatalogError.missingCatalog(path) }
      config.readonly = true
    case .readWrite:
      let folder = (path as NSString).deletingLastPathComponent
      if !exists {
        do {
          try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
          throw CatalogError.cannotOpen(path: path, reason: "cannot create the folder \(folder)")
        }
        guard fm.isWritableFile(atPath: folder) else { throw CatalogError.readOnly(path) }
      } else {
        // WAL needs to create -wal/-shm files beside the database, so the folder must be writable too.
        // The mode bits are checked too: root may write anything, but a catalog someone made read-only
        // (chmod a-w) is meant to stay as it is.
        let mode =
          (try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
          ?? 0o644
        guard fm.isWritableFile(atPath: path), fm.isWritableFile(atPath: folder), mode & 0o222 != 0
        else {
          throw CatalogError.readOnly(path)
        }
      }
    }
    do {
      let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
      if access == .readOnly || size > 0 {
        try Self.requireCatalog(
          at: path, busyMode: config.busyMode, allowEmpty: access == .readWrite)
      }
      if access == .readOnly {
        // A read-only DatabasePool would need the -shm file to exist; a queue reads any database.
        writer = try DatabaseQueue(path: path, configuration: config)
      } else {
        writer = try Self.openPool(path: path, configuration: config, timeout: busyTimeout)
      }
    } catch let error as CatalogError {
      throw error
    } catch {
      throw Self.mapped(error, path: path, timeout: busyTimeout)
    }
  }

  /// Opens (creating if need be) the catalog as a WAL pool and migrates it, retrying while another
  /// process does the same. Switching a new file to WAL reads and then locks it, and SQLite answers
  /// SQLITE_BUSY at once rather than call the busy handler where waiting could deadlock; two
  /// `catalog add` starting together on a new catalog failed that way 2 times in 40.
  private static func openPool(
    path: String, configuration: Configuration, timeout: TimeInterval
  ) throws -> DatabasePool {
    let start = Date()
    while true {
      do {
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrate(pool)
        return pool
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY && Date().timeIntervalSince(start) < timeout
      {
        Thread.sleep(forTimeInterval: BusyWait.interval)
      }
    }
  }

  /// Refuses a file that is not (yet) a moodsketch catalog, reading it without changing a byte.
  private static func requireCatalog(
    at path: String, busyMode: Database.BusyMode, allowEmpty: Bool
  ) throws {
    var probe = Configuration()
    probe.readonly = true
    probe.busyMode = busyMode
    let verdict = try DatabaseQueue(path: path, configuration: probe).read {
      try CatalogSchemaCheck.inspect($0)
    }
    switch verdict {
    case .catalog: break
    case .empty where allowEmpty: break
    case .empty: throw CatalogError.notACatalog(path: path, reason: "it holds no tables yet")
    case .foreign(let reason): throw CatalogError.notACatalog(path: path, reason: reason)
    }
  }

  private init(memory writer: DatabaseQueue) {
    self.path = ":memory:"
    self.writer = writer
    self.busyTimeout = 0
  }

  /// A fresh, empty catalog in memory (for tests).
  public static func inMemory() throws -> CatalogStore {
    let queue = try DatabaseQueue()
    try migrate(queue)
    return CatalogStore(memory: queue)
  }

  private static func migrate(_ writer: any DatabaseWriter) throws {
    let migrator = CatalogSchema.migrator
    do {
      try migrator.migrate(writer)
    } catch {
      // Two processes creating one new catalog at once: GRDB reads the applied migrations before taking the
      // write lock, so the slower one may try to create tables the other has just made. Its work is done.
      guard (try? writer.read { try migrator.hasCompletedMigrations($0) }) == true else {
        throw error
      }
    }
  }

  /// Turns GRDB/SQLite failures into one-line errors that name the catalog file.
  static func mapped(_ error: any Error, path: String, timeout: TimeInterval) -> any Error {
    if error is CatalogError { return error }
    if error is DecodingError {
      // The b-tree may be sound while a row's stored analysis is not: say both.
      return CatalogError.damaged(
        path: path,
        finding:
          "\(CatalogSchemaCheck.integrityFinding(path)), but a track's stored analysis cannot be read"
      )
    }
    guard let db = error as? DatabaseError else { return error }
    switch db.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return CatalogError.locked(path: path, seconds: timeout)
    case .SQLITE_READONLY: return CatalogError.readOnly(path)
    case .SQLITE_NOTADB where !CatalogSchemaCheck.hasSQLiteHeader(path):
      return CatalogError.notACatalog(
        path: path, reason: "not a SQLite database: its first bytes are not SQLite's header")
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return CatalogError.damaged(path: path, finding: CatalogSchemaCheck.integrityFinding(path))
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
      return CatalogError.cannotOpen(path: path, reason: db.message ?? "permission denied")
    default: return CatalogError.cannotOpen(path: path, reason: db.message ?? "\(db.resultCode)")
    }
  }

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try writer.read(body) } catch {
      throw Self.mapped(error, path: path, timeout: busyTimeout)
    }
  }

  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try writer.write(body) } catch {
      throw Self.mapped(error, path: path, timeout: busyTimeout)
    }
  }

  /// The underlying database, for the listening-history store that shares this file
  /// (`ListeningStore(store.databaseWriter)`).
  public var databaseWriter: any DatabaseWriter { writer }

  // MARK: - Tracks

  /// All tracks, by id.
  public func tracks() throws -> [CatalogTrack] {
    try read { try CatalogTrack.order(CatalogTrack.TrackColumns.id).fetchAll($0) }
  }

  /// Number of tracks.
  public func count() throws -> Int {
    try read { try CatalogTrack.fetchCount($0) }
  }

  /// Tracks analysed by an older version of the analysis or of the search vector (their features do
  /// not compare exactly with a draft analysed now; `catalog add` of their files refreshes them).
  public func staleCount() throws -> Int {
    try read { try Self.countStale($0) }
  }

  /// The folders holding tracks analysed by an older version, in catalog order: a default-music
  /// track's package folder (``DefaultCatalog``), else the file's own folder; table rows have none.
  public func staleFolders() throws -> [String] {
    let paths = try read { db in
      try String?.fetchAll(
        db,
        sql: "SELECT path FROM track WHERE featureVersion != ? OR vectorVersion != ? ORDER BY id",
        arguments: [Features.currentVersion, TrackVector.version])
    }
    var folders: [String] = []
    for case let path? in paths {
      let folder =
        DefaultCatalog.source(ofPath: path)?.folder
        ?? (path as NSString).deletingLastPathComponent
      if !folders.contains(folder) { folders.append(folder) }
    }
    return folders
  }

  private static func countStale(_ db: Database) throws -> Int {
    try Int.fetchOne(
      db, sql: "SELECT COUNT(*) FROM track WHERE featureVersion != ? OR vectorVersion != ?",
      arguments: [Features.currentVersion, TrackVector.version]) ?? 0
  }

  /// The track with `id`.
  /// - Throws: ``CatalogError/noSuchTrack(_:)`` when there is none.
  public func track(id: Int64) throws -> CatalogTrack {
    guard let track = try read({ try CatalogTrack.fetchOne($0, key: id) }) else {
      throw CatalogError.noSuchTrack(String(id))
    }
    return track
  }

  /// Tracks with the given ids, in no particular order (ids that do not exist are left out).
  public func tracks(ids: [Int64]) throws -> [CatalogTrack] {
    try read { try CatalogTrack.fetchAll($0, keys: ids) }
  }

  /// The row for `sourceKey` (an absolute path for files), if any.
  public func track(sourceKey: String) throws -> CatalogTrack? {
    try read {
      try CatalogTrack.filter(CatalogTrack.TrackColumns.sourceKey == sourceKey).fetchOne($0)
    }
  }

  /// Inserts `track`, or replaces the row with the same ``CatalogTrack/sourceKey`` (keeping its id),
  /// in one transaction. Returns the stored track with its id.
  @discardableResult
  public func save(_ track: CatalogTrack) throws -> CatalogTrack {
    try write { db in try Self.upsert(track, db) }
  }

  /// Saves many tracks in one transaction (fast bulk import; all or nothing).
  public func save(batch: [CatalogTrack]) throws {
    try write { db in
      for track in batch { _ = try Self.upsert(track, db) }
    }
  }

  private static func upsert(_ track: CatalogTrack, _ db: Database) throws -> CatalogTrack {
    var track = track
    if let existing = try Int64.fetchOne(
      db, sql: "SELECT id FROM track WHERE sourceKey = ?", arguments: [track.sourceKey])
    {
      track.id = existing
      try track.update(db)
    } else {
      track.id = nil
      try track.insert(db)
    }
    return track
  }

  /// Records that an unchanged file has a new modification time, so the next `add` is a cheap size+mtime check.
  public func touch(id: Int64, fileModified: Double) throws {
    try write { db in
      try db.execute(
        sql: "UPDATE track SET fileModified = ? WHERE id = ?", arguments: [fileModified, id])
    }
  }

  /// Removes the track with `id`.
  /// - Throws: ``CatalogError/noSuchTrack(_:)`` when there is none.
  public func remove(id: Int64) throws {
    let deleted = try write { try CatalogTrack.deleteOne($0, key: id) }
    if !deleted { throw CatalogError.noSuchTrack(String(id)) }
  }

  /// Loads every current-layout row's vector into one contiguous matrix, for brute-force search.
  public func vectors() throws -> CatalogVectors {
    try read { db in
      var result = CatalogVectors()
      // Rows from another vector layout would be compared nonsensically: they wait for `catalog add`.
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, vector, knownGroups FROM track WHERE vectorVersion = ? ORDER BY id",
        arguments: [TrackVector.version])
      while let row = try rows.next() {
        let blob: Data = row[1]
        guard blob.count == TrackVector.dimension * 4 else { continue }
        result.ids.append(row[0])
        result.known.append(UInt8(truncatingIfNeeded: row[2] as Int))
        blob.withUnsafeBytes { raw in
          for i in 0..<TrackVector.dimension {
            result.values.append(
              Float(
                bitPattern: UInt32(
                  littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))))
          }
        }
      }
      return result
    }
  }

  /// Tempo, style, tags and path of every row, by id, for filtering searches without decoding features.
  public func facets() throws -> [Int64: TrackFacet] {
    try read { db in
      var result: [Int64: TrackFacet] = [:]
      let inferred =
        try Self.hasInferredStyle(db) ? "inferredStyle, styleConfidence" : "NULL, NULL"
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, tempoBPM, style, tags, path, \(inferred) FROM track")
      let decoder = JSONDecoder()
      while let row = try rows.next() {
        let tagsText: String = row[3]
        let tags = (try? decoder.decode([String].self, from: Data(tagsText.utf8))) ?? []
        result[row[0]] = TrackFacet(
          tempoBPM: row[1], style: row[2], tags: tags, path: row[4], inferredStyle: row[5],
          styleConfidence: row[6])
      }
      return result
    }
  }

  /// Counts by source, stale rows and the like, for `catalog stats`.
  public func stats() throws -> CatalogStats {
    try read { db in
      var stats = CatalogStats(path: path)
      // Counting may touch only an index; the quick check reads every page, so a damaged file is not
      // summarised as if it were sound.
      let check = try String.fetchAll(db, sql: "PRAGMA quick_check(1)").first ?? "no answer"
      guard check == "ok" else {
        throw CatalogError.damaged(path: path, finding: CatalogSchemaCheck.oneLine(check))
      }
      stats.tracks = try CatalogTrack.fetchCount(db)
      for row in try Row.fetchAll(db, sql: "SELECT source, COUNT(*) FROM track GROUP BY source") {
        stats.bySource[row[0] as String] = row[1] as Int
      }
      stats.stale = try Self.countStale(db)
      stats.totalDurationSeconds =
        try Double.fetchOne(db, sql: "SELECT TOTAL(durationSeconds) FROM track") ?? 0
      stats.withKey =
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM track WHERE keyTonic IS NOT NULL") ?? 0
      stats.withTempo =
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM track WHERE tempoBPM IS NOT NULL") ?? 0
      if let row = try Row.fetchOne(
        db, sql: "SELECT AVG(valence), AVG(arousal), AVG(tempoBPM) FROM track"),
        stats.tracks > 0
      {
        stats.meanValence = row[0]
        stats.meanArousal = row[1]
        stats.meanTempoBPM = row[2]
      }
      if path != ":memory:",
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      {
        stats.fileBytes = (attributes[.size] as? NSNumber)?.int64Value ?? 0
      }
      return stats
    }
  }
}

/// What `catalog stats` reports.
public struct CatalogStats: Sendable, Codable, Hashable {
  public var path: String
  public var tracks = 0
  public var bySource: [String: Int] = [:]
  /// Rows analysed with an older feature or vector version.
  public var stale = 0
  public var totalDurationSeconds = 0.0
  public var withKey = 0
  public var withTempo = 0
  public var meanValence: Double?
  public var meanArousal: Double?
  public var meanTempoBPM: Double?
  /// Size of the database file in bytes (without its WAL).
  public var fileBytes: Int64 = 0
  /// Known and inferred styles, and inference checked on this catalog (``CatalogStore/styleStats()``).
  public var styles: StyleStats?
  public init(path: String) { self.path = path }
}

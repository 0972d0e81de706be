import Foundation
import GRDB

/// Reads and writes listening history (events, items, item tags) in a catalog database.
///
/// The store works on a ``CatalogStore`` (whose migrator includes ``ListeningSchema/registerListeningMigrations(_:)``)
/// or on any GRDB writer migrated with it, such as an in-memory `DatabaseQueue` in tests.
public struct ListeningStore: Sendable {
  /// What one import changed.
  public struct ImportSummary: Sendable, Hashable, Codable {
    public var events: Int
    public var users: Int
    public var items: Int
    public var tags: Int
  }

  private let writer: any DatabaseWriter
  /// Turns SQLite failures into errors that name the catalog file (identity for a bare writer).
  private let mapError: @Sendable (any Error) -> any Error

  public init(_ writer: any DatabaseWriter) {
    self.writer = writer
    mapError = { $0 }
  }

  /// The listening history inside a catalog (the same database file as its tracks).
  public init(_ catalog: CatalogStore) {
    writer = catalog.writer
    let (path, timeout) = (catalog.path, catalog.busyTimeout)
    mapError = { CatalogStore.mapped($0, path: path, timeout: timeout) }
  }

  private func read<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try writer.read(body) } catch { throw mapError(error) }
  }

  /// Stores events, items and tags in one transaction.
  ///
  /// An event whose `(user, item)` is already stored adds its weight to the stored one (play counts add up), so
  /// importing the same file twice doubles its counts: import each source once. Items named only by events are
  /// stored with their id as name; a tag already stored for an item adds its count.
  ///
  /// - Parameters:
  ///   - events: positive-weight events.
  ///   - items: display names; may be empty.
  ///   - tags: item tags; may be empty.
  ///   - progress: called with the fraction done (0...1) after each batch.
  public func importHistory(
    events: [ListeningEvent], items: [ListeningItem] = [], tags: [ListeningItemTag] = [],
    progress: (Double) -> Void = { _ in }
  ) throws -> ImportSummary {
    do { return try write(events: events, items: items, tags: tags, progress: progress) } catch {
      throw mapError(error)
    }
  }

  private func write(
    events: [ListeningEvent], items: [ListeningItem], tags: [ListeningItemTag],
    progress: (Double) -> Void
  ) throws -> ImportSummary {
    try writer.write { db in
      let users = Set(events.map(\.user))
      let insertUser = try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO listeningUser(id) VALUES (?)")
      for user in users.sorted() { try insertUser.execute(arguments: [user]) }
      let upsertItem = try db.cachedStatement(
        sql:
          "INSERT INTO listeningItem(id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name"
      )
      for item in items { try upsertItem.execute(arguments: [item.id, item.name]) }
      let itemIDs = Set(events.map(\.item)).union(tags.map(\.item))
      let insertItem = try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO listeningItem(id, name) VALUES (?, ?)")
      for id in itemIDs.sorted() { try insertItem.execute(arguments: [id, id]) }
      let total = max(1, events.count + tags.count)
      // Cached statements: one compiled statement for a hundred thousand rows.
      let insertEvent = try db.cachedStatement(
        sql: """
          INSERT INTO listeningEvent(user, item, weight, timestamp) VALUES (?, ?, ?, ?)
          ON CONFLICT(user, item) DO UPDATE SET weight = weight + excluded.weight,
            timestamp = COALESCE(excluded.timestamp, timestamp)
          """)
      for (n, event) in events.enumerated() {
        try insertEvent.execute(arguments: [event.user, event.item, event.weight, event.timestamp])
        if n % 10_000 == 9_999 { progress(Double(n + 1) / Double(total)) }
      }
      let insertTag = try db.cachedStatement(
        sql: """
          INSERT INTO listeningItemTag(item, tag, count) VALUES (?, ?, ?)
          ON CONFLICT(item, tag) DO UPDATE SET count = count + excluded.count
          """)
      for (n, tag) in tags.enumerated() {
        try insertTag.execute(arguments: [tag.item, tag.tag, tag.count])
        if n % 10_000 == 9_999 { progress(Double(events.count + n + 1) / Double(total)) }
      }
      progress(1)
      return ImportSummary(
        events: events.count, users: users.count, items: itemIDs.count, tags: tags.count)
    }
  }

  /// Every stored event, ordered by user then item.
  public func events() throws -> [ListeningEvent] {
    try read { db in
      try ListeningEvent.order(ListeningEvent.Columns.user, ListeningEvent.Columns.item).fetchAll(
        db)
    }
  }

  /// Every stored item with its name.
  public func items() throws -> [ListeningItem] {
    try read { db in try ListeningItem.fetchAll(db) }
  }

  /// Every stored item tag.
  public func tags() throws -> [ListeningItemTag] {
    try read { db in try ListeningItemTag.fetchAll(db) }
  }
}

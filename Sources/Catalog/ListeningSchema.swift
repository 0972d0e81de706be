import GRDB

/// The listening-history part of the catalog schema.
public enum ListeningSchema {
  /// Registers the listening-history tables (users, items, item tags, events) with a catalog migrator.
  ///
  /// The catalog's own migrator calls this once, after its track tables, so that one database file holds both
  /// the reference catalog and the listening history. Migrations are append-only: add a new one, never edit these.
  ///
  /// - Parameter migrator: the catalog's migrator.
  public static func registerListeningMigrations(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("createListening") { db in
      try db.create(table: "listeningUser", options: .ifNotExists) { t in
        t.primaryKey("id", .text)
      }
      try db.create(table: "listeningItem", options: .ifNotExists) { t in
        t.primaryKey("id", .text)
        t.column("name", .text).notNull()
      }
      try db.create(table: "listeningItemTag", options: .ifNotExists) { t in
        t.column("item", .text).notNull().references("listeningItem", onDelete: .cascade)
        t.column("tag", .text).notNull()
        t.column("count", .integer).notNull()
        t.primaryKey(["item", "tag"])
      }
      try db.create(table: "listeningEvent", options: .ifNotExists) { t in
        t.column("user", .text).notNull().references("listeningUser", onDelete: .cascade)
        t.column("item", .text).notNull().references("listeningItem", onDelete: .cascade)
        t.column("weight", .double).notNull()
        t.column("timestamp", .integer)
        t.primaryKey(["user", "item"])
      }
      try db.create(
        index: "listeningEventByItem", on: "listeningEvent", columns: ["item"],
        options: .ifNotExists)
    }
  }
}

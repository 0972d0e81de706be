import GRDB

/// Database powers for ``CatalogTrack``: the `track` table, with `features` and `tags` stored as JSON text
/// (GRDB's default for nested Codable values) and `source` as its string raw value.
extension CatalogTrack: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "track"

  /// Column names, for queries.
  enum TrackColumns {
    static let id = Column("id")
    static let title = Column("title")
    static let path = Column("path")
    static let sourceKey = Column("sourceKey")
    static let source = Column("source")
    static let featureVersion = Column("featureVersion")
    static let vectorVersion = Column("vectorVersion")
    static let vector = Column("vector")
    static let knownGroups = Column("knownGroups")
    static let durationSeconds = Column("durationSeconds")
    static let style = Column("style")
    static let inferredStyle = Column("inferredStyle")
    static let styleConfidence = Column("styleConfidence")
    static let tags = Column("tags")
    static let tempoBPM = Column("tempoBPM")
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }
}

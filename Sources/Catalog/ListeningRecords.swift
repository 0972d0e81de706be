import GRDB

/// One user's listening of one item: a play count or a rating, and when, if known.
///
/// Duplicate `(user, item)` events are summed when they are stored or loaded: a play count of 3 followed by 2
/// means 5 plays. Weights must be positive; importers reject zero and negative weights with the line number.
public struct ListeningEvent: Sendable, Hashable, Codable {
  /// The user's id as the source spells it (Last.fm: the numeric `userID`).
  public var user: String
  /// The item's id (Last.fm HetRec: the numeric `artistID`; a generic CSV: any text without separators).
  public var item: String
  /// Play count or rating; positive.
  public var weight: Double
  /// Seconds since 1970 when the source gives a time; `nil` otherwise.
  public var timestamp: Int64?

  public init(user: String, item: String, weight: Double, timestamp: Int64? = nil) {
    self.user = user
    self.item = item
    self.weight = weight
    self.timestamp = timestamp
  }
}

extension ListeningEvent: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "listeningEvent"
  public enum Columns {
    public static let user = Column(CodingKeys.user)
    public static let item = Column(CodingKeys.item)
    public static let weight = Column(CodingKeys.weight)
  }
}

/// A listener known to the catalog.
public struct ListeningUser: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "listeningUser"
  public var id: String
  public init(id: String) { self.id = id }
}

/// An item that can be listened to and recommended (a track or an artist), with a name for people.
public struct ListeningItem: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "listeningItem"
  public var id: String
  /// The display name; the id when the source has none.
  public var name: String
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}

/// A tag on an item ("melancholic", "jazz") and how many times listeners applied it.
public struct ListeningItemTag: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "listeningItemTag"
  public var item: String
  /// Lower-cased tag text.
  public var tag: String
  /// How many times the tag was applied to the item; at least 1.
  public var count: Int
  public init(item: String, tag: String, count: Int) {
    self.item = item
    self.tag = tag
    self.count = count
  }
}

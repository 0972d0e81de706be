import Analysis
import Foundation
import GRDB
import Theory

/// One line of `catalog list`: the columns people scan, read without decoding the stored analysis.
public struct TrackListing: Sendable, Codable, Hashable {
  public var id: Int64
  public var title: String
  public var artist: String?
  public var source: String
  public var path: String?
  public var tempoBPM: Double?
  /// Short key name (`F#m`), nil when no key was found.
  public var key: String?
  public var valence: Double
  public var arousal: Double
  public var durationSeconds: Double
  /// Analysed by an older version: `catalog add` again.
  public var stale: Bool
  /// The known style, else the inferred one; nil when neither.
  public var style: String?
  /// Whether ``style`` was inferred from the catalog's tagged tracks rather than stated by a tag.
  public var styleInferred: Bool?
  /// For an inferred style: its share of the neighbour vote, 0…1.
  public var styleConfidence: Double?
  /// For the default reference music, its licence (SPDX) and the Debian copyright file that states it
  /// (``DefaultCatalog/sources``); nil for the user's own music, whose licence the catalog does not know.
  public var licence: String?
  public var copyrightFile: String?
}

extension CatalogStore {
  /// Calls `body` with tracks in id order, `limit` of them (all when nil) after skipping `offset`, read through
  /// a cursor so a catalog of a million tracks lists in constant memory. With `style` (a stored style name),
  /// only the tracks whose known style, or else inferred one, it is.
  public func listTracks(
    limit: Int? = nil, offset: Int = 0, style: String? = nil, _ body: (TrackListing) throws -> Void
  ) throws {
    try read { db in
      // A catalog opened read-only may predate the inferred-style columns.
      let hasInferred = try Self.hasInferredStyle(db)
      let inferred = hasInferred ? "inferredStyle, styleConfidence" : "NULL, NULL"
      let filter = style == nil ? "" : "WHERE \(Self.effectiveStyle(hasInferred)) = ?"
      var arguments: StatementArguments = style.map { [$0] } ?? []
      arguments += [limit ?? -1, offset]
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT id, title, artist, source, path, tempoBPM, keyTonic, mode, valence, arousal,
            durationSeconds, featureVersion, vectorVersion, style, \(inferred)
          FROM track \(filter) ORDER BY id LIMIT ? OFFSET ?
          """,
        arguments: arguments)
      while let row = try rows.next() {
        let tonic: String? = row[6]
        let mode: String? = row[7]
        let known: String? = row[13]
        let guess: String? = row[14]
        let key = tonic.flatMap { t in mode.flatMap { Key(parsing: "\(t) \($0)")?.shortName } }
        let path: String? = row[4]
        let origin = path.flatMap(DefaultCatalog.source(ofPath:))
        try body(
          TrackListing(
            id: row[0], title: row[1], artist: row[2], source: row[3], path: path,
            tempoBPM: row[5], key: key, valence: row[8], arousal: row[9], durationSeconds: row[10],
            stale: row[11] != Features.currentVersion || row[12] != TrackVector.version,
            style: known ?? guess,
            styleInferred: known == nil ? (guess == nil ? nil : true) : false,
            styleConfidence: known == nil ? row[15] : nil,
            licence: origin?.licence, copyrightFile: origin?.copyrightFile))
      }
    }
  }

  /// Tracks whose known style, or else inferred one, is `style`.
  public func count(style: String) throws -> Int {
    try read { db in
      try Int.fetchOne(
        db,
        sql:
          "SELECT COUNT(*) FROM track WHERE \(Self.effectiveStyle(try Self.hasInferredStyle(db))) = ?",
        arguments: [style]) ?? 0
    }
  }

  /// The SQL for a track's known style, else its inferred one.
  static func effectiveStyle(_ hasInferred: Bool) -> String {
    hasInferred ? "COALESCE(style, inferredStyle)" : "style"
  }
}

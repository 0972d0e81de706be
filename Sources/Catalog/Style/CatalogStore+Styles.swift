import Analysis
import Foundation
import GRDB

/// What ``CatalogStore/refreshStyles()`` found and stored.
public struct StyleRefresh: Sendable, Hashable, Codable {
  /// Tracks with a known style (after filling from listening tags).
  public var tagged = 0
  /// Tracks whose known style was filled from the listening history's tags for their artist.
  public var fromListeningTags = 0
  /// Untagged tracks that got an inferred style.
  public var inferred = 0
  /// Untagged tracks left without one (fewer than two styles to infer from, or no comparable tagged track).
  public var uninferred = 0
  /// Styles with enough tagged tracks to be inferred (``StyleInference/inferableStyles(_:)``).
  public var inferableStyles = 0
  public init() {}
}

extension CatalogStore {
  /// Whether the `track` table has the inferred-style columns: a catalog opened read-only may predate them.
  static func hasInferredStyle(_ db: Database) throws -> Bool {
    try db.columns(in: "track").contains { $0.name == "inferredStyle" }
  }

  /// Fills missing known styles from listening-history tags, then recomputes every inferred style.
  ///
  /// Cheap for catalogs of thousands of tracks (one pass over the stored features, then k-NN in memory);
  /// `catalog add` and `catalog import` call it after every run. A track that has a known style never
  /// keeps an inferred one. Unless two styles have three tagged tracks each, nothing is inferred and
  /// every inferred style is cleared.
  @discardableResult
  public func refreshStyles(k: Int = StyleInference.defaultK) throws -> StyleRefresh {
    var report = StyleRefresh()
    report.fromListeningTags = try write { db in try Self.fillStylesFromListeningTags(db) }
    // Decoding every track's features and the k-NN run outside the write lock: a second `catalog add`
    // on the same catalog waits for that lock (5 s at most), and a large catalog takes longer than
    // that to decode in a debug build. A track another process adds meanwhile gets its inferred style
    // from that process's own refresh at the end of its run.
    let (styleCounts, untagged) = try read { db in
      (
        try Row.fetchAll(
          db, sql: "SELECT style, COUNT(*) FROM track WHERE style IS NOT NULL GROUP BY style"
        ).map { $0[1] as Int },
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM track WHERE style IS NULL") ?? 0
      )
    }
    let inferable = StyleInference.inferableStyleCount(styleCounts)
    if untagged == 0 || inferable < StyleInference.minimumStyles {
      // Nothing to infer: the features are not decoded at all, and only stale guesses are cleared.
      // With both, importing a million-row table whose rows all carry a genre went from 201 s at
      // 410 MB peak to 149 s at 69 MB (Benchmarks/catalog/import-million.sh).
      try write { db in try Self.clearInferredStyles(db) }
      report.inferableStyles = inferable
      report.tagged = styleCounts.reduce(0, +)
      report.uninferred = untagged
      return report
    }
    let samples = try read { db in try Self.styleSamples(db, taggedOnly: false) }
    let guesses = StyleInference.infer(samples, k: k)
    report.inferableStyles = StyleInference.inferableStyles(samples).count
    try write { db in
      try Self.clearInferredStyles(db)
      let update = try db.makeStatement(
        sql: "UPDATE track SET inferredStyle = ?, styleConfidence = ? WHERE id = ?")
      for (id, guess) in guesses {
        try update.execute(arguments: [guess.style, guess.confidence, id])
      }
    }
    report.tagged = samples.filter { $0.style != nil }.count
    report.inferred = guesses.count
    report.uninferred = samples.count - report.tagged - guesses.count
    return report
  }

  /// Clears every inferred style, touching only the rows that have one rather than rewriting every row.
  static func clearInferredStyles(_ db: Database) throws {
    try db.execute(
      sql: """
        UPDATE track SET inferredStyle = NULL, styleConfidence = NULL
        WHERE inferredStyle IS NOT NULL OR styleConfidence IS NOT NULL
        """)
  }

  /// Every track (or every tagged one) as a style-inference sample; rows whose features do not decode
  /// are left out. With `everyNth` above 1, only every n-th row (by id) is decoded: an even sample.
  static func styleSamples(_ db: Database, taggedOnly: Bool, everyNth: Int = 1) throws
    -> [StyleInference.Sample]
  {
    let decoder = JSONDecoder()
    // Numbering the rows in SQL skips the others before their features are read and decoded.
    let sql =
      everyNth > 1
      ? """
      SELECT id, style, features FROM (
        SELECT id, style, features, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM track
        \(taggedOnly ? "WHERE style IS NOT NULL" : "")
      ) WHERE n % \(everyNth) = 0 ORDER BY id
      """
      : "SELECT id, style, features FROM track" + (taggedOnly ? " WHERE style IS NOT NULL" : "")
        + " ORDER BY id"
    var samples: [StyleInference.Sample] = []
    let rows = try Row.fetchCursor(db, sql: sql)
    while let row = try rows.next() {
      let text: String = row[2]
      guard let features = try? decoder.decode(Features.self, from: Data(text.utf8)) else {
        continue
      }
      samples.append(
        .init(id: row[0], style: row[1], descriptors: StyleDescriptors(features: features)))
    }
    return samples
  }

  /// Leave-one-out accuracy of style inference over the catalog's tagged tracks (see
  /// ``StyleInference/leaveOneOut(_:k:)``).
  public func styleInferenceEvaluation(k: Int = StyleInference.defaultK) throws
    -> StyleInference.Evaluation
  {
    let samples = try read { db in try Self.styleSamples(db, taggedOnly: true) }
    return StyleInference.leaveOneOut(samples, k: k)
  }

  /// Sets `style` for untagged tracks whose artist is a listening-history item with style-naming tags.
  static func fillStylesFromListeningTags(_ db: Database) throws -> Int {
    guard try db.tableExists("listeningItemTag") else { return 0 }
    let artists = try Row.fetchAll(
      db,
      sql: """
        SELECT DISTINCT lower(artist) FROM track
        WHERE style IS NULL AND artist IS NOT NULL AND artist != ''
        """
    ).compactMap { $0[0] as String? }
    guard !artists.isEmpty else { return 0 }
    var filled = 0
    let tagsOf = try db.makeStatement(
      sql: """
        SELECT t.tag, t.count FROM listeningItemTag t JOIN listeningItem i ON i.id = t.item
        WHERE lower(i.name) = ?
        """)
    let set = try db.makeStatement(
      sql: "UPDATE track SET style = ? WHERE style IS NULL AND lower(artist) = ?")
    for artist in artists {
      let tags = try Row.fetchAll(tagsOf, arguments: [artist]).map {
        (tag: $0[0] as String, count: $0[1] as Int)
      }
      guard let (style, _) = StyleVocabulary.style(forTags: tags) else { continue }
      try set.execute(arguments: [style, artist])
      filled += db.changesCount
    }
    return filled
  }
}

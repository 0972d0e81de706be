import Foundation
import GRDB

extension CatalogStore {
  /// Gives `style` to the tracks at `paths` whose own genre tag names no style: what
  /// `catalog add FOLDER --style techno` does for a folder the user knows the style of. A style read from
  /// the file's tag is kept (the tag is the more specific claim); a style given before, or one taken
  /// from listening-history tags, is replaced.
  ///
  /// A track's style came from its tag when it equals what its first kept tag (an audio file's genre,
  /// ``CatalogAnalyser`` keeps genre first) maps to, so no separate column is needed to tell them apart.
  ///
  /// - Parameters:
  ///   - style: a stored style name (``StyleVocabulary/storedStyle(forGenre:)`` of what the user typed).
  ///   - paths: absolute paths of catalog tracks (those of one `catalog add`); others are ignored.
  /// - Returns: how many tracks now have `style` because of this call.
  @discardableResult
  public func giveStyle(_ style: String, toPaths paths: [String]) throws -> Int {
    try write { db in
      let select = try db.makeStatement(sql: "SELECT id, style, tags FROM track WHERE path = ?")
      let update = try db.makeStatement(
        sql: "UPDATE track SET style = ?, inferredStyle = NULL, styleConfidence = NULL WHERE id = ?"
      )
      var given = 0
      for path in paths {
        guard let row = try Row.fetchOne(select, arguments: [path]) else { continue }
        let id: Int64 = row[0]
        let current: String? = row[1]
        if let current, current == Self.styleOfFirstTag(row[2]) { continue }
        try update.execute(arguments: [style, id])
        given += 1
      }
      return given
    }
  }

  /// The style the first kept tag (the genre of an audio file) maps to, if any.
  private static func styleOfFirstTag(_ tagsJSON: String?) -> String? {
    guard let tagsJSON,
      let tags = try? JSONDecoder().decode([String].self, from: Data(tagsJSON.utf8)),
      let first = tags.first
    else { return nil }
    return StyleVocabulary.storedStyle(forGenre: first)
  }
}

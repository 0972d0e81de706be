import Catalog
import Foundation

/// The Last.fm HetRec 2011 data set (hetrec2011-lastfm-2k): artist play counts of 1,892 users, artist names
/// and the tags users put on artists.
///
/// Files read from the folder: `user_artists.dat` (userID, artistID, weight = plays), `artists.dat` (id, name,
/// …; UTF-8), `tags.dat` (tagID, tagValue; Latin-1) and `user_taggedartists.dat` (userID, artistID, tagID, day,
/// month, year). All are tab-separated with a header. Items are artists; their ids are Last.fm's `artistID`.
public struct LastFMHetRec: Sendable {
  public var events: [ListeningEvent]
  public var items: [ListeningItem]
  /// How many times each tag was applied to each artist (tags lower-cased).
  public var tags: [ListeningItemTag]

  /// Loads the data set from `directory`.
  ///
  /// - Parameter includeTags: read `tags.dat` and `user_taggedartists.dat` too (they are optional: without
  ///   them there are no content features).
  /// - Throws: ``RecommendError/missingFile(path:hint:)`` when `user_artists.dat` is absent, or
  ///   ``RecommendError/malformedLine(path:line:reason:)``.
  public static func load(directory: String, includeTags: Bool = true) throws -> LastFMHetRec {
    let folder = URL(fileURLWithPath: directory)
    let hint =
      "pass the folder of the Last.fm HetRec 2011 files (user_artists.dat, artists.dat, tags.dat)"
    let eventsPath = folder.appendingPathComponent("user_artists.dat").path
    var events: [ListeningEvent] = []
    for (n, fields) in try rows(eventsPath, hint: hint, minimumFields: 3) {
      guard let w = Double(fields[2]), w.isFinite, w > 0 else {
        throw RecommendError.malformedLine(
          path: eventsPath, line: n, reason: "weight \"\(fields[2])\" must be a positive play count"
        )
      }
      events.append(ListeningEvent(user: fields[0], item: fields[1], weight: w))
    }
    if events.isEmpty { throw RecommendError.emptyEvents(eventsPath) }

    var items: [ListeningItem] = []
    let artistsPath = folder.appendingPathComponent("artists.dat").path
    if FileManager.default.fileExists(atPath: artistsPath) {
      for (_, fields) in try rows(artistsPath, hint: hint, minimumFields: 2) {
        items.append(ListeningItem(id: fields[0], name: fields[1]))
      }
    }

    var tags: [ListeningItemTag] = []
    let tagsPath = folder.appendingPathComponent("tags.dat").path
    let assignedPath = folder.appendingPathComponent("user_taggedartists.dat").path
    if includeTags, FileManager.default.fileExists(atPath: tagsPath),
      FileManager.default.fileExists(atPath: assignedPath)
    {
      var tagNames: [String: String] = [:]
      for (_, fields) in try rows(tagsPath, hint: hint, minimumFields: 2) {
        tagNames[fields[0]] = fields[1].lowercased().trimmingCharacters(in: .whitespaces)
      }
      var counts: [String: [String: Int]] = [:]
      for (n, fields) in try rows(assignedPath, hint: hint, minimumFields: 3) {
        guard let tag = tagNames[fields[2]] else {
          throw RecommendError.malformedLine(
            path: assignedPath, line: n, reason: "tagID \(fields[2]) is not in tags.dat")
        }
        counts[fields[1], default: [:]][tag, default: 0] += 1
      }
      for (item, byTag) in counts.sorted(by: { $0.key < $1.key }) {
        for (tag, count) in byTag.sorted(by: { $0.key < $1.key }) {
          tags.append(ListeningItemTag(item: item, tag: tag, count: count))
        }
      }
    }
    return LastFMHetRec(events: events, items: items, tags: tags)
  }

  /// Tab-separated rows after the header, with 1-based line numbers.
  private static func rows(_ path: String, hint: String, minimumFields: Int) throws -> [(
    Int, [String]
  )] {
    let text = try TextDecoding.read(path, hint: hint)
    var out: [(Int, [String])] = []
    for (n, line) in TextDecoding.lines(text).enumerated() where n > 0 && !line.isEmpty {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= minimumFields else {
        throw RecommendError.malformedLine(
          path: path, line: n + 1,
          reason: "expected \(minimumFields) tab-separated fields, found \(fields.count)")
      }
      out.append((n + 1, fields))
    }
    return out
  }
}

import Foundation
import Testing

@testable import Catalog

/// Style inference measured on real tagged data: the McGill Billboard songs' Spotify audio features with the
/// ID3 genre AcousticBrainz recorded for the same songs, imported through ``SpotifyImport`` as a user's table.
@Suite(.enabled(if: BillboardGenres.available, "needs ../shared/data/mcgill_billboard/derived"))
struct StyleInferenceBillboardTests {
  /// Spotify's table has no timbre: rhythm and texture columns alone (tempo, energy, danceability,
  /// acousticness, …) barely tell rock from pop or country. Measured and reported (README), this stays below
  /// the majority guess; it must still beat guessing in proportion to the styles' shares, or the
  /// neighbours carry no information at all.
  @Test func leaveOneOutOnTableFeaturesIsMeasured() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = folder.appendingPathComponent("billboard-genres.csv").path
    let songs = try BillboardGenres.writeTable(to: table)
    let store = try CatalogStore.inMemory()
    let report = try SpotifyImport.importTable(atPath: table, into: store)
    #expect(report.imported == songs)
    let e = try store.styleInferenceEvaluation()
    let shares = Dictionary(
      try store.tracks().compactMap(\.style).map { ($0, 1.0) }, uniquingKeysWith: +
    )
    .values.map { $0 / Double(e.count) }
    let proportional = shares.reduce(0) { $0 + $1 * $1 }
    print(
      String(
        format:
          "style inference, Billboard Spotify table (%d songs, %d styles): leave-one-out %.1f %%, majority (%@) %.1f %%, proportional guess %.1f %%",
        e.count, e.styles, e.accuracy * 100, e.majorityStyle ?? "-", e.majorityBaseline * 100,
        proportional * 100))
    StyleConfidenceCheck.expectMeaningful(e)
    #expect(e.count > 300)
    #expect(e.accuracy > proportional)
  }
}

/// Joins the Billboard Spotify feature table with the AcousticBrainz genre tags by `billboard_id`.
enum BillboardGenres {
  static let folder = SharedData.root.appendingPathComponent("mcgill_billboard/derived")
  static var spotify: String {
    folder.appendingPathComponent("billboard_spotify_audio_features.csv").path
  }
  static var acousticBrainz: String {
    folder.appendingPathComponent("billboard_acousticbrainz_summary.csv").path
  }
  static var available: Bool {
    FileManager.default.fileExists(atPath: spotify)
      && FileManager.default.fileExists(atPath: acousticBrainz)
  }

  static func read(_ path: String) throws -> [[String: String]] {
    var reader = try CSVReader(TextChunks(data: try Data(contentsOf: URL(fileURLWithPath: path))))
    guard let header = try reader.next()?.fields else { return [] }
    var rows: [[String: String]] = []
    while let r = try reader.next() {
      guard r.fields.count == header.count else { continue }
      rows.append(Dictionary(uniqueKeysWithValues: zip(header, r.fields)))
    }
    return rows
  }

  /// Writes one row per distinct Spotify recording whose first genre tag names a style of the vocabulary
  /// (repeated chart slots of one song would otherwise find themselves as neighbours); returns the count.
  static func writeTable(to path: String) throws -> Int {
    var genre: [String: String] = [:]
    for row in try read(acousticBrainz) {
      let first = row["id3_genre_tag"]?.split(separator: ";").first.map(String.init) ?? ""
      if StyleVocabulary.style(forGenre: first) != nil { genre[row["billboard_id"]!] = first }
    }
    let columns = [
      "spotify_track_name", "spotify_artist", "valence", "energy", "tempo", "key", "mode",
      "loudness", "danceability", "acousticness", "instrumentalness", "speechiness", "liveness",
      "duration_ms",
    ]
    func quoted(_ s: String) -> String {
      "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    var lines = [(["title", "artist"] + columns.dropFirst(2) + ["genre"]).joined(separator: ",")]
    var seen = Set<String>()
    for row in try read(spotify) {
      guard let g = genre[row["billboard_id"]!], seen.insert(row["spotify_id"]!).inserted else {
        continue
      }
      lines.append((columns.map { quoted(row[$0] ?? "") } + [quoted(g)]).joined(separator: ","))
    }
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return lines.count - 1
  }
}

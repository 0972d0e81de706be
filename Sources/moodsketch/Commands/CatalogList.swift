import ArgumentParser
import Catalog
import Foundation

/// `moodsketch catalog list`
struct CatalogList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract:
      "List the catalog's tracks: id, tempo, key, mood, title. Tracks marked * need re-analysis (`catalog add` again)."
  )

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  struct Row: Codable {
    var id: Int64
    var title: String
    var artist: String?
    var source: String
    var path: String?
    var tempoBPM: Double?
    var key: String?
    var valence: Double
    var arousal: Double
    var durationSeconds: Double
    var stale: Bool
  }

  func run() throws {
    let tracks = try reportingErrors { try catalogOptions.openForReading().tracks() }
    let rows = tracks.map {
      Row(
        id: $0.id ?? 0, title: $0.title, artist: $0.artist, source: $0.source.rawValue,
        path: $0.path,
        tempoBPM: $0.tempoBPM, key: $0.key?.shortName, valence: $0.valence, arousal: $0.arousal,
        durationSeconds: $0.durationSeconds, stale: $0.isStale)
    }
    if output.json {
      try JSONOutput.print(["tracks": rows])
      return
    }
    if rows.isEmpty {
      print("the catalog is empty; add music with `moodsketch catalog add FOLDER`")
      return
    }
    print("   id  tempo  key   valence arousal  title")
    for r in rows {
      let tempo = r.tempoBPM.map { String(format: "%5.1f", $0) } ?? "    –"
      let key = (r.key ?? "–").padding(toLength: 5, withPad: " ", startingAt: 0)
      let name = (r.artist.map { "\($0) – " } ?? "") + r.title
      print(
        String(
          format: "%5lld%@ %@  %@ %+6.2f  %+6.2f   %@", r.id, r.stale ? "*" : " ", tempo, key,
          r.valence, r.arousal, name))
    }
  }
}

import ArgumentParser
import Catalog
import Foundation
import Pictures
import Theory

/// `moodsketch catalog map`: the catalog on the valence–arousal plane as SVG.
struct CatalogMap: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: "Draw the catalog on the valence–arousal plane (SVG), coloured by style.",
    discussion: """
      Each track is a dot where its analysed mood puts it: pleasant to the right, energetic at the \
      top, the four Russell quadrants split by the zero lines. A catalog larger than --limit is drawn \
      as an even sample. `references DRAFT --plot FILE.svg` draws the same map with a draft and its \
      references named.

        moodsketch catalog map --out moods.svg
      """)

  @Option(help: ArgumentHelp("Where to write the SVG.", valueName: "path"))
  var out = "mood-map.svg"

  @Option(
    help: ArgumentHelp(
      "Draw at most this many tracks (an even sample of a larger catalog).", valueName: "n"))
  var limit = 3000

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard (1...100_000).contains(limit) else {
      throw ValidationError("--limit \(limit) is out of range; use 1–100000")
    }
  }

  func run() throws {
    try reportingErrors {
      let store = try catalogOptions.openForReading()
      let (points, total) = try store.moodPoints(limit: limit)
      let map = MoodMap(
        title: "Mood map of \(counted(total, "track"))",
        catalog: points.map {
          MoodMap.Entry(label: $0.title, valence: $0.valence, arousal: $0.arousal, style: $0.style)
        })
      guard !points.isEmpty else {
        printError("the catalog is empty; add music with `moodsketch catalog add FOLDER` first")
        throw ExitCode(ErrorCategory.missingInput.rawValue)
      }
      try map.svg().write(to: out)
      let styles = Dictionary(points.map { ($0.style ?? "no style", 1) }, uniquingKeysWith: +)
      let result = MapResult(
        path: out, tracks: total, drawn: points.count,
        styles: styles.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
          MapResult.StyleCount(style: $0.key, tracks: $0.value)
        })
      if output.json {
        try JSONOutput.print(result)
      } else {
        let sample = points.count < total ? " (an even sample of \(points.count))" : ""
        print(
          "wrote \(out): \(counted(total, "track"))\(sample); "
            + result.styles.prefix(6).map { "\($0.style) \($0.tracks)" }.joined(separator: ", "))
      }
    }
  }
}

/// What `catalog map --json` prints.
struct MapResult: Encodable {
  struct StyleCount: Encodable {
    var style: String
    var tracks: Int
  }
  var path: String
  var tracks: Int
  var drawn: Int
  var styles: [StyleCount]
}

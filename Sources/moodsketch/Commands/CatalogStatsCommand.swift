import ArgumentParser
import Catalog
import Foundation

/// `moodsketch catalog stats`
struct CatalogStatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract:
      "Summarise the catalog: tracks by source, total duration, stale rows, mean mood and tempo.")

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let stats = try reportingErrors { try catalogOptions.openForReading().stats() }
    if output.json {
      try JSONOutput.print(stats)
      return
    }
    print("catalog   \(stats.path)")
    let sources = stats.bySource.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
      separator: ", ")
    print("tracks    \(stats.tracks)" + (sources.isEmpty ? "" : " (\(sources))"))
    print(String(format: "duration  %.1f min", stats.totalDurationSeconds / 60))
    print("with key  \(stats.withKey), with tempo \(stats.withTempo)")
    if let v = stats.meanValence, let a = stats.meanArousal {
      print(String(format: "mean mood valence %+.2f, arousal %+.2f", v, a))
    }
    if let t = stats.meanTempoBPM { print(String(format: "mean tempo %.1f BPM", t)) }
    if stats.stale > 0 {
      print("stale     \(stats.stale) (analysed by an older version; run `catalog add` again)")
    }
    print(String(format: "file      %.1f MB", Double(stats.fileBytes) / 1_048_576))
  }
}

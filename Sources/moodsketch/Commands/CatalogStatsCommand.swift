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
    let stats = try reportingErrors {
      let store = try catalogOptions.openForReading()
      var stats = try store.stats()
      stats.styles = try store.styleStats()
      return stats
    }
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
    if let styles = stats.styles { Self.printStyles(styles) }
    print(String(format: "file      %.1f MB", Double(stats.fileBytes) / 1_048_576))
  }

  /// "styles    68 known (classical 39, ambient 16, edm 13), 2 inferred, 0 without" and, once styles can be
  /// inferred, how often inference recovers a known style here, against always guessing the commonest.
  static func printStyles(_ styles: StyleStats) {
    func list(_ counts: [String: Int]) -> String {
      counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(6)
        .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        + (counts.count > 6 ? ", …" : "")
    }
    let known = styles.known.values.reduce(0, +)
    let inferred = styles.inferred.values.reduce(0, +)
    print(
      "styles    \(known) known" + (known > 0 ? " (\(list(styles.known)))" : "")
        + ", \(inferred) inferred" + (inferred > 0 ? " (\(list(styles.inferred)))" : "")
        + ", \(styles.unstyled) without")
    guard let e = styles.inference else { return }
    let sample = e.count < known ? " (an even sample of \(e.count))" : ""
    print(
      String(
        format:
          "inference %.0f %% of %d known tracks%@ inferred right when hidden; always %@ would be %.0f %%",
        100 * e.accuracy, e.count, sample, e.majorityStyle ?? "the commonest",
        100 * e.majorityBaseline))
  }
}

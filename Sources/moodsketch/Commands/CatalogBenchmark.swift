import ArgumentParser
import Foundation
import Recommend
import Theory

/// `moodsketch catalog benchmark` (hidden): the Swift half of Benchmarks/catalog/run.sh.
struct CatalogBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchmark",
    abstract:
      "Time exact top-10 reference search and catalog import on a synthetic catalog (for Benchmarks/catalog/run.sh).",
    shouldDisplay: false)

  @Option(help: ArgumentHelp("Catalog size.", valueName: "n")) var rows = 100_000
  @Option(help: ArgumentHelp("Queries to time.", valueName: "n")) var queries = 100
  @Option(help: ArgumentHelp("Scanning threads.", valueName: "n")) var threads = 2
  @Option(
    help: ArgumentHelp(
      "Rows also imported into a SQLite catalog at --database (0: none).", valueName: "n"))
  var importRows = 0
  @Option(help: ArgumentHelp("SQLite file for the import measurement.", valueName: "path"))
  var database: String?
  @Option(
    help: ArgumentHelp(
      "Folder for vectors.f32, queries.f32, weights.f32 and result.json.", valueName: "path"))
  var out: String

  func run() throws {
    let result = try reportingErrors {
      try ReferenceBenchmark.run(
        rows: rows, queries: queries, threads: threads, importRows: importRows,
        databasePath: database, outputFolder: out)
    }
    let data = try JSONOutput.encoder(pretty: false).encode(result)
    try reportingErrors { try AtomicFile.write(data, to: out + "/result.json") }
    print(
      String(
        format:
          "rows %d: top-10 median %.2f ms, p95 %.2f ms (%d threads); matrix %.1f MB, peak RSS %.1f MB",
        result.rows, result.latencyMedianMS, result.latencyP95MS, result.threads,
        Double(result.matrixBytes) / 1e6,
        Double(result.peakRSSBytes) / 1e6))
  }
}

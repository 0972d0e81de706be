import ArgumentParser
import Catalog
import Foundation

/// `moodsketch catalog import FILE.csv`
struct CatalogImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a table of tracks with Spotify-style audio features (CSV).",
    discussion: """
      Columns are found by name, in any case; others are ignored. Needed: a title
      (title, name, track_name), valence and energy. Used when present: artist,
      album, tempo, key, mode, loudness, genre, duration_ms, danceability,
      acousticness, instrumentalness, speechiness, liveness.

      Mapping into the catalog's feature space:
        valence 0…1      → valence −1…1 as 2v − 1
        energy 0…1       → arousal −1…1 as 2(0.6 energy + 0.2 t + 0.2 l) − 1,
                           t: tempo 60…180 BPM → 0…1, l: loudness −30…−5 dB → 0…1;
                           energy is also kept as the energy dimension
        key 0–11, mode   → key (key −1 = unknown; mode 1 major, 0 minor)
        tempo, loudness  → tempo (BPM), loudness (LUFS)
        genre            → a tag and the style (mapped: Hip-Hop → hiphop);
                           rows without one get an inferred style
      Brightness and timbre cannot come from these columns: they are marked
      unknown and `references` compares these rows on the rest.

      The separator (comma, semicolon or tab) is taken from the header line and
      the encoding from the start of the file: UTF-8, UTF-16 with a byte-order
      mark, and Latin-1 for text that is not valid UTF-8. Malformed rows are
      reported by line number (the first \(shownMalformed)) and skipped; a file
      whose every row is malformed is an error. The file is streamed, so its
      size does not matter; a progress line is shown on a terminal. Importing
      the same file again replaces its rows.
      """)

  /// Malformed rows named one by one on stderr; the rest are counted.
  static let shownMalformed = 20

  @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
  var file: String

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let progress = ProgressLine(label: "importing")
    let report = try reportingErrors {
      defer { progress.clear() }
      return try SpotifyImport.importTable(
        atPath: file, opening: catalogOptions.openForWriting,
        progress: {
          progress.update(status: String(format: "%.0f%% (%d rows)", $0.fraction * 100, $0.rows))
        })
    }
    for bad in report.malformed.prefix(Self.shownMalformed) {
      printError("\(file):\(bad.line): \(bad.reason); row skipped")
    }
    if report.malformedCount > Self.shownMalformed {
      printError(
        "\(file): \(report.malformedCount - Self.shownMalformed) more malformed rows skipped")
    }
    if output.json {
      try JSONOutput.print(report)
    } else {
      print(
        "imported \(counted(report.imported, "track")), skipped \(counted(report.malformedCount, "malformed row"))"
          + String(format: " in %.2f s", report.seconds))
      if let line = StyleLabel.summary(report.styles) { print(line) }
    }
  }
}

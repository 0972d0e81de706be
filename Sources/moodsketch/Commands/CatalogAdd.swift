import Analysis
import ArgumentParser
import Catalog
import Foundation

/// `moodsketch catalog add PATH...`
struct CatalogAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Analyse audio and MIDI files (folders recursively) and add them to the catalog.",
    discussion: """
      Files are analysed in parallel on all cores and each one is saved as soon
      as it is done: interrupt at any time and run the same command again to
      finish. Unchanged files (same size and modification time, or else the
      same content hash) are skipped; files analysed by an older version are
      analysed again. A file that cannot be read is reported and skipped.
      Title, artist, album and genre come from the file's tags when present
      (cleaned: at most 200 characters, control bytes dropped); the genre is
      mapped to a style (Hip-Hop → hiphop, Funk / Soul → funk). Tracks without
      a style get one inferred from the tagged tracks (see `catalog list`);
      `--style` names the style of the files whose tags name none.
      Reads WAV, FLAC, Ogg, Opus, MP3, M4A (AAC, ALAC), WMA, WebM, APE, WavPack,
      AIFF, CAF and MIDI (.mid).
      """)

  @Argument(
    help: ArgumentHelp("Audio or MIDI files, or folders to search recursively.", valueName: "path"))
  var paths: [String]

  @Option(help: ArgumentHelp("Files analysed at once; all cores unless set.", valueName: "n"))
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    help: ArgumentHelp(
      "The style of these files where their tags name none (a genre: techno, jazz, Hip-Hop…); replaces a style given before.",
      valueName: "genre"))
  var style: String?

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs \(jobs) must be at least 1") }
    _ = try StyleLabel.option(style)
  }

  func run() throws {
    let report = try reportingErrors {
      // Check the inputs before the catalog is opened, so a typo never leaves a new empty catalog behind.
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        throw CatalogError.missingInput(path)
      }
      let store = try catalogOptions.openForWriting()
      return try CatalogIngest.add(
        paths: paths, to: store, workers: jobs, analyse: CatalogAnalyser.make(),
        progress: ProgressLine.ingest(label: "analysing"),
        givenStyle: try StyleLabel.option(style))
    }
    for failure in report.failed { printError("skipped \(failure.path): \(failure.reason)") }
    if output.json {
      try JSONOutput.print(report)
    } else {
      print(
        "added \(report.added), updated \(report.updated), unchanged \(report.unchanged), failed \(report.failed.count)"
          + (report.ignored > 0 ? ", ignored \(report.ignored) other files" : "")
          + String(format: " in %.1f s", report.seconds))
      if let given = report.givenStyle {
        print(
          "style \(given.style): \(counted(given.tracks, "track")) whose tags name no genre (tagged ones keep theirs)"
        )
      }
      if let line = StyleLabel.summary(report.styles) { print(line) }
    }
    if !report.failed.isEmpty && report.added + report.updated + report.unchanged == 0 {
      throw ExitCode(65)
    }
  }
}

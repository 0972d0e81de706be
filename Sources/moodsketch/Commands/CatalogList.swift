import ArgumentParser
import Catalog
import Foundation

/// `moodsketch catalog list`
struct CatalogList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract:
      "List the catalog's tracks: id, tempo, key, mood, title, style (and the licence of the default music). Tracks marked * need re-analysis (`catalog add` again).",
    discussion: """
      Tracks are read as they are printed, so a catalog of any size lists at once
      in constant memory. Page through a large one with --limit and --offset:
        moodsketch catalog list --limit 50 --offset 100
      A style comes from the file's genre tag, the table's genre column or the
      listening history's tags for the artist. Tracks without one get a style
      inferred from the most similar tagged tracks (timbre and rhythm), shown
      as "lofi (inferred, 72 %)": the percentage is the share of the similar
      tracks' weighted vote.
      Nothing is inferred until two styles have three tagged tracks each.
      """)

  @Option(help: ArgumentHelp("Show at most this many tracks; default: all.", valueName: "n"))
  var limit: Int?

  @Option(help: ArgumentHelp("Skip this many tracks first (by id); default 0.", valueName: "n"))
  var offset = 0

  @Option(
    help: ArgumentHelp(
      "Only tracks of this style, known or inferred (a genre: rock, Hip-Hop, ambient…).",
      valueName: "genre"))
  var style: String?

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit \(limit) must be at least 1") }
    guard offset >= 0 else { throw ValidationError("--offset \(offset) must be 0 or more") }
    _ = try StyleLabel.option(style)
  }

  func run() throws {
    try reportingErrors {
      let store = try catalogOptions.openForReading()
      let out = BufferedOutput()
      defer { out.flush() }
      var shown = 0
      // Streamed row by row (a catalog may hold millions), in the same document shape as every
      // other command's JSON: {"schemaVersion": 1, "tracks": [...]}.
      if output.json {
        out.write("{\"schemaVersion\": \(JSONDocument.schemaVersion), \"tracks\": [")
      }
      let wanted = try StyleLabel.option(style)
      try store.listTracks(limit: limit, offset: offset, style: wanted) { r in
        if output.json {
          out.write(
            (shown == 0 ? "\n" : ",\n")
              + String(decoding: try JSONDocument.fragment(r), as: UTF8.self))
        } else {
          if shown == 0 { out.write("   id  tempo  key   valence arousal  title  [style]\n") }
          out.write(Self.line(r) + "\n")
        }
        shown += 1
      }
      if output.json {
        out.write("\n]}\n")
        return
      }
      let total = try wanted.map { try store.count(style: $0) } ?? store.count()
      if total == 0 {
        out.write(
          wanted.map {
            "no track of style \($0) (known or inferred); `catalog stats` lists the catalog's styles\n"
          } ?? "the catalog is empty; add music with `moodsketch catalog add FOLDER`\n")
      } else if offset + shown < total {
        out.write(
          "… \(offset + 1)–\(offset + shown) of \(counted(total, "track"))\(wanted.map { " of style \($0)" } ?? ""); next page: --offset \(offset + shown)\n"
        )
      }
    }
  }

  static func line(_ r: TrackListing) -> String {
    let tempo = r.tempoBPM.map { String(format: "%5.1f", $0) } ?? "    –"
    let key = (r.key ?? "–").padding(toLength: 5, withPad: " ", startingAt: 0)
    let name =
      (r.artist.map { "\($0) – " } ?? "") + r.title + (r.licence.map { "  (\($0))" } ?? "")
    let style =
      StyleLabel.text(r.style, inferred: r.styleInferred, confidence: r.styleConfidence).map {
        "  [\($0)]"
      } ?? ""
    return String(
      format: "%5lld%@ %@  %@ %+6.2f  %+6.2f   %@%@", r.id, r.stale ? "*" : " ", tempo, key,
      r.valence, r.arousal, name, style)
  }
}

/// Standard output gathered into 64 KiB writes, so streaming a long list is not one system call per line.
final class BufferedOutput {
  private var buffer = Data()

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  func flush() {
    FileHandle.standardOutput.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

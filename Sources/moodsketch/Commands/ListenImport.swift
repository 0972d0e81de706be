import ArgumentParser
import Catalog
import Foundation
import Recommend

/// `moodsketch listen import lastfm DIR` / `moodsketch listen import FILE`: stores events in the catalog.
struct ListenImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import listening events (and item names and tags) into the catalog.",
    discussion: """
        moodsketch listen import lastfm ../shared/data/lastfm_hetrec2011
        moodsketch listen import plays.csv

      A FILE has `user item weight [timestamp]` lines separated by tabs, commas or spaces (a header line is \
      skipped; UTF-8 or Latin-1). Weights are play counts or ratings and must be positive: a zero or \
      negative weight is an error naming its line. Events for a (user, item) already stored add to it, so \
      import each source once. The Last.fm HetRec 2011 folder also gives artist names and listener tags.
      """)

  @Argument(
    help: ArgumentHelp(
      "`lastfm` followed by the HetRec folder, or an events file.", valueName: "source"))
  var source: [String]

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard !source.isEmpty else { throw ValidationError("give an events file, or `lastfm DIR`") }
    if source[0] == "lastfm", source.count != 2 {
      throw ValidationError("`lastfm` needs the HetRec folder: listen import lastfm DIR")
    }
    if source[0] != "lastfm", source.count != 1 {
      throw ValidationError("give one events file at a time")
    }
  }

  func run() throws {
    try reportingErrors {
      var events: [ListeningEvent]
      var items: [ListeningItem] = []
      var tags: [ListeningItemTag] = []
      if source[0] == "lastfm" {
        let set = try LastFMHetRec.load(directory: source[1])
        (events, items, tags) = (set.events, set.items, set.tags)
      } else {
        events = try EventFile.read(source[0])
      }
      let catalog = try catalogOptions.openForWriting()
      let store = ListeningStore(catalog)
      let progress = ProgressLine(label: "importing")
      let summary = try store.importHistory(events: events, items: items, tags: tags) {
        progress.update(fraction: $0)
      }
      progress.clear()
      // Artist tags may name the style of catalog tracks that had none; inferences follow.
      let styles = try catalog.refreshStyles()
      if output.json {
        try JSONOutput.print(summary)
      } else {
        print(
          "imported \(summary.events) events of \(summary.users) users on \(summary.items) items, \(summary.tags) item tags"
        )
        if styles.fromListeningTags > 0 {
          print(
            "styles of \(styles.fromListeningTags) catalog tracks taken from their artists' tags")
        }
      }
    }
  }
}

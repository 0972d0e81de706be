import ArgumentParser
import Catalog
import Recommend

/// Where a listening history comes from: `--events FILE`, `--dataset lastfm-hetrec DIR`, or the catalog.
struct ListenSources: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A file of `user item weight [timestamp]` lines (tab, comma or space separated) instead of the catalog.",
      valueName: "path"))
  var events: String?

  @Option(
    help: ArgumentHelp(
      "Read a public data set instead of the catalog: `lastfm-hetrec DIR` (the HetRec 2011 folder).",
      valueName: "name"))
  var dataset: String?

  @Argument(help: ArgumentHelp("The data set folder, with --dataset.", valueName: "dir"))
  var datasetFolder: String?

  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if let dataset, dataset != "lastfm-hetrec" {
      throw ValidationError("unknown data set \(dataset); the one supported is lastfm-hetrec")
    }
    if dataset != nil, datasetFolder == nil {
      throw ValidationError(
        "--dataset lastfm-hetrec needs the folder of its files, e.g. --dataset lastfm-hetrec ../shared/data/lastfm_hetrec2011"
      )
    }
    if dataset != nil, events != nil {
      throw ValidationError("use either --events or --dataset, not both")
    }
  }

  /// The history, names and tags.
  func load() throws -> (
    events: [ListeningEvent], names: [String: String], tags: [ListeningItemTag]
  ) {
    if let events {
      return (try EventFile.read(events), [:], [])
    }
    if let datasetFolder {
      let set = try LastFMHetRec.load(directory: datasetFolder)
      return (
        set.events, Dictionary(set.items.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
        set.tags
      )
    }
    let store = ListeningStore(try catalogOptions.openForReading())
    let events = try store.events()
    if events.isEmpty {
      throw ValidationError(
        "the catalog holds no listening history; import some with `moodsketch listen import FILE` or pass --events FILE"
      )
    }
    return (
      events,
      Dictionary(try store.items().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
      try store.tags()
    )
  }
}

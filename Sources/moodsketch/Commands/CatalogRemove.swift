import ArgumentParser
import Catalog

/// `moodsketch catalog remove ID`
struct CatalogRemove: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Remove a track from the catalog (the file itself is not touched).")

  @Argument(help: ArgumentHelp("The track id from `catalog list`.", valueName: "id"))
  var id: Int64

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let track = try reportingErrors { () -> CatalogTrack in
      let store = try catalogOptions.openForWriting()
      let track = try store.track(id: id)
      try store.remove(id: id)
      return track
    }
    if output.json {
      try JSONOutput.print(["removed": id])
    } else {
      print("removed \(id): \(track.displayName)")
    }
  }
}

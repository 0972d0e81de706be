import ArgumentParser
import Catalog
import Foundation

/// `--catalog PATH`, shared by every command that reads or writes the catalog.
struct CatalogOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The catalog database; default: $MOODSKETCH_CATALOG, else $XDG_DATA_HOME/moodsketch/catalog.sqlite (~/.local/share/moodsketch/catalog.sqlite).",
      valueName: "path"))
  var catalog: String?

  /// Opens the catalog for writing, creating it when missing.
  func openForWriting() throws -> CatalogStore {
    try CatalogStore(path: CatalogLocation.resolve(option: catalog).path, onWait: printError)
  }

  /// Opens the catalog for reading. An explicitly named catalog must exist; the default one is created
  /// empty on first use so a fresh machine gets a clear "the catalog is empty" rather than an error.
  func openForReading() throws -> CatalogStore {
    let (path, explicit) = CatalogLocation.resolve(option: catalog)
    return try CatalogStore(
      path: path, access: explicit ? .readOnly : .readWrite, onWait: printError)
  }

  /// Opens the catalog for reading; an empty one is first filled from the default reference music
  /// (``DefaultCatalog/sources``: Debian game-soundtrack packages) when it is installed, once, with progress on a terminal.
  func openFillingDefaultMusic() throws -> CatalogStore {
    let (path, explicit) = CatalogLocation.resolve(option: catalog)
    if explicit && !FileManager.default.fileExists(atPath: path) {
      throw CatalogError.missingCatalog(path)
    }
    let folders = DefaultCatalog.installedFolders
    let readOnly = try CatalogStore(
      path: path, access: explicit ? .readOnly : .readWrite, onWait: printError)
    let tracks = try readOnly.count()
    if tracks > 0 {
      let stale = try readOnly.staleCount()
      if stale > 0 {
        // Name the folders (a few), so that a user who never added the default music knows what to add.
        let folders = try readOnly.staleFolders()
        let named = folders.prefix(4).map { $0.contains(" ") ? "'\($0)'" : $0 }
        let which =
          named.isEmpty
          ? ""
          : ": \(named.joined(separator: " "))\(folders.count > 4 ? " and \(folders.count - 4) more" : "")"
        printError(
          "note: \(stale) of \(tracks) catalog tracks were analysed by an older moodsketch, so their matches may be off; `moodsketch catalog add` their folders again to refresh them (`catalog list` marks them with *)\(which)"
        )
      }
    }
    guard tracks == 0, !folders.isEmpty else { return readOnly }
    let store = try CatalogStore(path: path, onWait: printError)
    printError(
      "the catalog is empty: indexing the default reference music in \(folders.joined(separator: ", ")) (once)"
    )
    let report = try CatalogIngest.add(
      paths: folders, to: store, analyse: CatalogAnalyser.make(),
      progress: ProgressLine.ingest(label: "indexing"))
    for failure in report.failed { printError("skipped \(failure.path): \(failure.reason)") }
    return store
  }
}

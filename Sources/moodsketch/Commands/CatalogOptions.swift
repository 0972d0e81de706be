import ArgumentParser
import Catalog

/// `--catalog PATH`, shared by every command that reads or writes the catalog.
struct CatalogOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The catalog database; default: $MOODSKETCH_CATALOG, else $XDG_DATA_HOME/moodsketch/catalog.sqlite (~/.local/share/moodsketch/catalog.sqlite).",
      valueName: "path"))
  var catalog: String?

  /// Opens the catalog for writing, creating it when missing.
  func openForWriting() throws -> CatalogStore {
    try CatalogStore(path: CatalogLocation.resolve(option: catalog).path)
  }

  /// Opens the catalog for reading. An explicitly named catalog must exist; the default one is created
  /// empty on first use so a fresh machine gets a clear "the catalog is empty" rather than an error.
  func openForReading() throws -> CatalogStore {
    let (path, explicit) = CatalogLocation.resolve(option: catalog)
    return explicit ? try CatalogStore(path: path, access: .readOnly) : try CatalogStore(path: path)
  }
}

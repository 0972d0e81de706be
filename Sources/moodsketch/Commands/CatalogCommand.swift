import ArgumentParser

/// `moodsketch catalog …`: the reference catalog.
struct CatalogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog",
    abstract:
      "Keep a catalog of reference tracks: add audio and MIDI, import Spotify-style tables, list, show, remove.",
    discussion: """
      The catalog is a SQLite database: --catalog PATH, else
      $MOODSKETCH_CATALOG, else $XDG_DATA_HOME/moodsketch/catalog.sqlite
      (~/.local/share/moodsketch/catalog.sqlite).
        moodsketch catalog add ~/Music/references
        moodsketch catalog import tracks.csv
        moodsketch catalog list
        moodsketch references draft.wav
      """,
    subcommands: [
      CatalogAdd.self, CatalogImport.self, CatalogList.self, CatalogShow.self, CatalogRemove.self,
      CatalogStatsCommand.self, CatalogMap.self,
      CatalogBenchmark.self,
    ])
}

import Foundation

/// Where the catalog database lives.
public enum CatalogLocation {
  /// The catalog path, first match wins: `option` (from `--catalog PATH`), `$MOODSKETCH_CATALOG`,
  /// `$XDG_DATA_HOME/moodsketch/catalog.sqlite`, `~/.local/share/moodsketch/catalog.sqlite`.
  ///
  /// - Returns: the path and whether the user chose it explicitly (an explicit path that does not exist is
  ///   an error for read-only commands; the default one is created on demand).
  public static func resolve(
    option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> (path: String, explicit: Bool)
  {
    if let option, !option.isEmpty { return (absolute(option), true) }
    if let env = environment["MOODSKETCH_CATALOG"], !env.isEmpty { return (absolute(env), true) }
    let dataHome: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      dataHome = xdg
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      dataHome = home + "/.local/share"
    }
    return (dataHome + "/moodsketch/catalog.sqlite", false)
  }

  /// `path` made absolute against the current directory, with `~` expanded.
  public static func absolute(_ path: String) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
    return ((FileManager.default.currentDirectoryPath + "/" + expanded) as NSString)
      .standardizingPath
  }
}

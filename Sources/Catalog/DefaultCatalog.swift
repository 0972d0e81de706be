import Foundation

/// The music a fresh installation indexes when the catalog is empty: real recordings from Debian packages
/// that nobody on this project wrote, game soundtracks in several styles, each under a free licence that its
/// package's /usr/share/doc/PACKAGE/copyright states (see ``sources``).
public enum DefaultCatalog {
  /// One folder of default music and where its licence is written.
  public struct Source: Sendable, Hashable, Codable {
    /// The folder the package installs its music in.
    public var folder: String
    /// The Debian package that installs it.
    public var package: String
    /// What the music is, for people choosing references.
    public var description: String
    /// The licence of the music, as its copyright file gives it (SPDX identifier).
    public var licence: String
    /// The Debian copyright file that states the licence.
    public var copyrightFile: String { "/usr/share/doc/\(package)/copyright" }
  }

  /// Every default folder, in indexing order. Licences were read from each package's copyright file
  /// (Debian 12): asc-music's `Files: *` is GPL-2+; singularity-music's licence text is CC BY-SA 3.0;
  /// wesnoth-1.16-music is covered by the game's GPL-2+ ("or at your option any later version");
  /// extremetuxracer-data's `Files: *` (music/readme names the composers) is GPL-2+; lincity-ng-data's
  /// `Files: *` is GPL-2+ (its comment dual-licenses models, images and sound effects under CC BY-SA 2.0
  /// as well; the package uses the GPL), and gui/creditslist.xml names the composers.
  public static let sources: [Source] = [
    Source(
      folder: "/usr/share/games/asc/music", package: "asc-music",
      description: "Advanced Strategic Command soundtrack: electronic rock",
      licence: "GPL-2.0-or-later"),
    Source(
      folder: "/usr/share/games/singularity/music", package: "singularity-music",
      description: "Endgame: Singularity soundtrack: ambient electronic", licence: "CC-BY-SA-3.0"),
    Source(
      folder: "/usr/share/games/wesnoth/1.16/data/core/music", package: "wesnoth-1.16-music",
      description: "The Battle for Wesnoth soundtrack: orchestral and folk",
      licence: "GPL-2.0-or-later"),
    Source(
      folder: "/usr/share/games/etr/music", package: "extremetuxracer-data",
      description: "Extreme Tux Racer soundtrack: electronic and pop", licence: "GPL-2.0-or-later"),
    Source(
      folder: "/usr/share/games/lincity-ng/music/default", package: "lincity-ng-data",
      description: "LinCity-NG soundtrack (Pronobozo, Robert van Herk): electronic, blues, piano",
      licence: "GPL-2.0-or-later"),
  ]

  /// Folders searched, in order.
  public static var folders: [String] { sources.map(\.folder) }

  /// The folders that exist on this machine.
  public static var installedFolders: [String] {
    folders.filter { FileManager.default.fileExists(atPath: $0) }
  }

  /// The default source a file belongs to (by folder), or nil for the user's own music.
  public static func source(ofPath path: String) -> Source? {
    sources.first { path.hasPrefix($0.folder.hasSuffix("/") ? $0.folder : $0.folder + "/") }
  }
}

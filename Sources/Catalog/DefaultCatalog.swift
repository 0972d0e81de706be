import Foundation

/// The music a fresh installation indexes when the catalog is empty: real recordings from Debian packages
/// that nobody on this project wrote — `asc-music` (Advanced Strategic Command soundtrack) and
/// `singularity-music` (the game Singularity's soundtrack); see their /usr/share/doc/PACKAGE/copyright.
public enum DefaultCatalog {
  /// Folders searched, in order.
  public static let folders = ["/usr/share/games/asc/music", "/usr/share/games/singularity/music"]

  /// The folders that exist on this machine.
  public static var installedFolders: [String] {
    folders.filter { FileManager.default.fileExists(atPath: $0) }
  }
}

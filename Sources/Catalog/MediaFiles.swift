import Foundation

/// Finds the audio and MIDI files that `catalog add` analyses.
public enum MediaFiles {
  /// Extensions read as audio: libsndfile's containers plus MP3 (which libsndfile ≥ 1.1 decodes), and
  /// the formats the Sound module reads through FFmpeg (M4A/MP4 with AAC or ALAC, WMA, WebM/MKA, APE,
  /// WavPack), which fill many people's own music folders.
  public static let audioExtensions: Set<String> = [
    "wav", "wave", "flac", "ogg", "oga", "opus", "mp3", "aiff", "aif", "aifc", "au", "snd", "caf",
    "w64", "rf64",
    "m4a", "m4b", "mp4", "aac", "alac", "wma", "webm", "mka", "ape", "wv",
  ]
  /// Extensions read as Standard MIDI Files.
  public static let midiExtensions: Set<String> = ["mid", "midi", "smf"]

  /// What kind of file `path` is, from its extension; nil when moodsketch cannot analyse it.
  public static func kind(of path: String) -> Kind? {
    let ext = (path as NSString).pathExtension.lowercased()
    if audioExtensions.contains(ext) { return .audio }
    if midiExtensions.contains(ext) { return .midi }
    return nil
  }

  public enum Kind: String, Sendable { case audio, midi }

  /// The result of expanding the command line's paths.
  public struct Listing: Sendable {
    /// Absolute paths of analysable files, sorted, without duplicates.
    public var files: [String] = []
    /// Files named explicitly on the command line whose type is not supported.
    public var unsupported: [String] = []
    /// Other files met while walking folders (cover art, text) and skipped silently.
    public var ignored = 0
    /// Folders met while walking that this user may not open: reported, never skipped silently.
    public var unreadable: [String] = []
  }

  /// Expands files and folders (recursively, following no hidden folders) into analysable files.
  ///
  /// - Throws: ``CatalogError/missingInput(_:)`` for a path that does not exist.
  public static func list(_ paths: [String]) throws -> Listing {
    var listing = Listing()
    var seen = Set<String>()
    let fm = FileManager.default
    for raw in paths {
      let path = CatalogLocation.absolute(raw)
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CatalogError.missingInput(raw)
      }
      if isDirectory.boolValue {
        let url = URL(fileURLWithPath: path)
        let refused = UnreadableFolders()
        guard
          let walker = fm.enumerator(
            at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles],
            errorHandler: { url, _ in
              refused.add(url.path)
              return true
            })
        else { continue }
        var found: [String] = []
        for case let file as URL in walker {
          guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
          else { continue }
          if kind(of: file.path) != nil {
            found.append(file.standardizedFileURL.path)
          } else {
            listing.ignored += 1
          }
        }
        for file in found.sorted() where seen.insert(file).inserted { listing.files.append(file) }
        listing.unreadable += refused.paths.sorted()
      } else if kind(of: path) != nil {
        if seen.insert(path).inserted { listing.files.append(path) }
      } else {
        listing.unsupported.append(raw)
      }
    }
    return listing
  }
}

/// Paths the folder walker could not open, collected from its error handler.
private final class UnreadableFolders: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []
  func add(_ path: String) { lock.withLock { list.append(path) } }
  var paths: [String] { lock.withLock { list } }
}

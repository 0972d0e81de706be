import Foundation

/// Writes files so that a failure or an interruption never leaves a half-written file behind:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
  public enum Failure: UserFacingError {
    case folderMissing(String)
    case cannotWrite(path: String, reason: String)

    public var category: ErrorCategory { .cannotCreateOutput }
    public var description: String {
      switch self {
      case .folderMissing(let path):
        "cannot write \(path): its folder does not exist; create it first or choose another --out"
      case .cannotWrite(let path, let reason):
        "cannot write \(path): \(reason); check the folder's permissions or choose another --out"
      }
    }
  }

  /// Writes `data` to `path` atomically.
  public static func write(_ data: Data, to path: String) throws {
    try write(to: path) { temporary in
      do {
        try data.write(to: URL(fileURLWithPath: temporary))
      } catch {
        throw Failure.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
      }
    }
  }

  /// Throws the error ``write(to:_:)`` would throw for a missing or read-only folder, so a long job can
  /// check where its output goes before it starts.
  public static func checkWritable(_ path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw Failure.folderMissing(path)
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw Failure.cannotWrite(path: path, reason: "the folder \(folder) is not writable")
    }
  }

  /// Lets `produce` write a temporary path (for C libraries that open files themselves), then renames it
  /// over `path`. If `produce` throws, the temporary file is removed and `path` is untouched.
  public static func write(to path: String, _ produce: (_ temporaryPath: String) throws -> Void)
    throws
  {
    try checkWritable(path)
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    // Keep the extension: libsndfile picks the container from it.
    let ext = url.pathExtension
    let temporary =
      folder + "/.\(url.deletingPathExtension().lastPathComponent).\(UUID().uuidString).tmp"
      + (ext.isEmpty ? "" : ".\(ext)")
    do {
      try produce(temporary)
      guard rename(temporary, path) == 0 else {
        throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno)))
      }
    } catch {
      unlink(temporary)
      throw error
    }
  }
}

import Foundation

/// Writes files so that a failure or an interruption never leaves a half-written file behind:
/// the bytes go to a temporary file in the same folder (see ``TemporaryFiles``), which is then
/// renamed over the target.
public enum AtomicFile {
  public enum Failure: UserFacingError, Equatable {
    case folderMissing(String)
    case cannotWrite(path: String, reason: String)
    /// A system call failed with `errno` `code`; the description says what that means for the user.
    case system(path: String, code: Int32)

    public var category: ErrorCategory { .cannotCreateOutput }
    public var description: String {
      switch self {
      case .folderMissing(let path):
        "cannot write \(path): its folder does not exist; create it first"
      case .cannotWrite(let path, let reason):
        "cannot write \(path): \(reason)"
      case .system(let path, let code):
        "cannot write \(path): \(Self.explain(code))"
      }
    }

    /// What an `errno` means for someone writing a file, with what to do about it. Commands have
    /// different option names, so no hint names one.
    public static func explain(_ code: Int32) -> String {
      switch code {
      case ENOSPC, EDQUOT:
        "the disk is full (no space left on device); free some space and try again"
      case EROFS: "the filesystem is read-only; write somewhere else"
      case EACCES, EPERM: "permission denied; check the folder's permissions"
      case ENOTDIR: "part of the path is a file, not a folder"
      case EISDIR: "a folder is in the way; remove it or write somewhere else"
      case ENOENT: "its folder does not exist; create it first"
      case ENAMETOOLONG: "the name is too long"
      default: String(cString: strerror(code)).lowercased()
      }
    }

    /// The failure for a folder that is missing, is a file, or is not writable: checked up front,
    /// so that the message names the real reason rather than a later failure.
    public static func checkFolder(of path: String) -> Failure? {
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
      var info = stat()
      guard stat(folder, &info) == 0 else {
        return errno == ENOENT ? .folderMissing(path) : .system(path: path, code: errno)
      }
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        return .cannotWrite(path: path, reason: "\(folder) is a file, not a folder")
      }
      guard access(folder, W_OK) == 0 else {
        return errno == EROFS
          ? .system(path: path, code: EROFS)
          : .cannotWrite(
            path: path, reason: "the folder \(folder) is not writable; check its permissions")
      }
      return nil
    }
  }

  /// Writes `data` to `path` atomically.
  public static func write(_ data: Data, to path: String) throws {
    try write(to: path) { temporary in
      let handle = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
      guard handle >= 0 else { throw Failure.system(path: path, code: errno) }
      defer { close(handle) }
      try data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let n = Foundation.write(handle, buffer.baseAddress! + offset, buffer.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            throw Failure.system(path: path, code: errno)
          }
          offset += n
        }
      }
      guard fsync(handle) == 0 || errno == EINVAL else {
        throw Failure.system(path: path, code: errno)
      }
    }
  }

  /// Throws the error ``write(to:_:)`` would throw for a missing or read-only folder, so a long job can
  /// check where its output goes before it starts.
  public static func checkWritable(_ path: String) throws {
    if let failure = Failure.checkFolder(of: path) { throw failure }
  }

  /// Lets `produce` write a temporary path (for C libraries that open files themselves), then renames it
  /// over `path`. If `produce` throws, or the process is interrupted, the temporary file is removed
  /// and `path` is untouched.
  public static func write(to path: String, _ produce: (_ temporaryPath: String) throws -> Void)
    throws
  {
    if let failure = Failure.checkFolder(of: path) { throw failure }
    if let existing = try? FileManager.default.attributesOfItem(atPath: path),
      existing[.type] as? FileAttributeType == .typeDirectory
    {
      throw Failure.system(path: path, code: EISDIR)
    }
    TemporaryFiles.sweepStale(in: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    let temporary = TemporaryFiles.filePath(for: path)
    let tracked = try TemporaryFiles.create(temporary, for: path)
    do {
      try produce(temporary)
      try TemporaryFiles.commit(tracked) {
        guard rename(temporary, path) == 0 else { throw Failure.system(path: path, code: errno) }
      }
    } catch {
      unlink(temporary)
      TemporaryFiles.release(tracked)
      throw error
    }
  }
}

import Foundation

/// Our temporary files and folders, in one place: how they are named, which are alive, and how the
/// ones left by a killed run are swept away.
///
/// Every half-made output lives under a hidden name of our own next to its target —
/// `.<name>.<UUID>.tmp.<ext>` for a file (the extension kept, libsndfile reads it) and `.<name>-<UUID>`
/// for a staging folder — and is *tracked* while it exists: the process holds an advisory lock
/// (`flock`) on it, and ``removeOnInterrupt()`` deletes every tracked path on SIGINT, SIGTERM or SIGHUP.
/// A later run's ``sweepStale(in:)`` removes names of our form whose lock nobody holds any more
/// (the owner was killed with SIGKILL or crashed), and never anything else.
///
/// ```swift
/// let temporary = TemporaryFiles.filePath(for: "out/song.wav")      // out/.song.<UUID>.tmp.wav
/// let tracked = try TemporaryFiles.create(temporary)
/// … write it …
/// try TemporaryFiles.commit(tracked) { rename(temporary, "out/song.wav") == 0 ? nil : errno }
/// ```
public enum TemporaryFiles {
  /// What a tracked path is, which decides how an interrupt removes it.
  public enum Kind: Sendable {
    /// A temporary file: unlinked.
    case file
    /// A staging folder: removed with everything in it.
    case folder
    /// An output folder this run created: removed only if still empty.
    case createdFolder
  }

  /// A path being tracked; pass it back to ``release(_:)`` or ``commit(_:_:)``.
  public struct Tracked: Sendable, Hashable {
    let id: Int
    public let path: String
  }

  /// A hidden, unique temporary name for `target` in the target's own folder (so the final `rename`
  /// stays on one filesystem and is atomic).
  public static func filePath(for target: String) -> String {
    let url = URL(fileURLWithPath: target)
    let folder = url.deletingLastPathComponent().path
    let ext = url.pathExtension
    return folder + "/.\(url.deletingPathExtension().lastPathComponent).\(UUID().uuidString).tmp"
      + (ext.isEmpty ? "" : ".\(ext)")
  }

  /// A hidden, unique staging folder name, e.g. `.sketch-<UUID>`, inside `folder`.
  public static func folderPath(named name: String, in folder: String) -> String {
    (folder as NSString).appendingPathComponent(".\(name)-\(UUID().uuidString)")
  }

  /// Creates an empty temporary file at `path` (which must not exist) and tracks it.
  ///
  /// - Throws: `AtomicFile.Failure` naming `target` when the file cannot be created.
  public static func create(_ path: String, for target: String) throws -> Tracked {
    // Under the registry's lock, so an interrupt cannot fall between creating and tracking.
    try registry.whileHeld {
      let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw AtomicFile.Failure.system(path: target, code: errno) }
      close(fd)
      return track(path, kind: .file)
    }
  }

  /// Creates the staging folder at `path` and tracks it.
  ///
  /// - Throws: `AtomicFile.Failure` naming `target` when the folder cannot be created.
  public static func createFolder(_ path: String, for target: String) throws -> Tracked {
    try registry.whileHeld {
      guard mkdir(path, 0o755) == 0 else {
        throw AtomicFile.Failure.system(path: target, code: errno)
      }
      return track(path, kind: .folder)
    }
  }

  /// Tracks an existing path: it is locked, and removed if the process is interrupted.
  public static func track(_ path: String, kind: Kind) -> Tracked {
    registry.add(path, kind: kind)
  }

  /// Stops tracking (the path was renamed into place or removed by its owner); releases the lock.
  public static func release(_ tracked: Tracked) { registry.remove(tracked.id) }

  /// Runs `finish` — typically the `rename` into place — so that an interrupt cannot cut it in half:
  /// the interrupt handler waits until it is done. Then stops tracking.
  public static func commit<T>(_ tracked: Tracked, _ finish: () throws -> T) rethrows -> T {
    try registry.whileHeld {
      defer { registry.removeLocked(tracked.id) }
      return try finish()
    }
  }

  /// Runs `body` so that an interrupt waits until it is done (several renames that belong together).
  public static func uninterrupted<T>(_ body: () throws -> T) rethrows -> T {
    try registry.whileHeld(body)
  }

  static let registry = Registry()
}

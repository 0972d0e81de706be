import Foundation
import Theory

/// An output folder named by an option (`sketch --out`, `evaluate --write-split`): checked and
/// created before anything is written, and removed again if this run created it and then failed,
/// so a full disk or a bad path never leaves an empty folder behind.
enum OutputFolder {
  /// Makes sure `path` is a writable folder, creating it (and, with `createParents`, missing
  /// folders above it) when needed. Created folders are tracked, so an interrupt removes them
  /// while they are still empty.
  ///
  /// - Returns: the folders created, outermost first, for ``removeCreated(_:)``.
  /// - Throws: `AtomicFile.Failure` naming `path` and the real reason (a file in the way, a
  ///   read-only filesystem, a missing parent, no permission).
  static func prepare(_ path: String, createParents: Bool) throws -> [TemporaryFiles.Tracked] {
    var info = stat()
    if stat(path, &info) == 0 {
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw AtomicFile.Failure.cannotWrite(
          path: path, reason: "it is a file, not a folder; name a folder")
      }
    } else {
      var missing: [String] = []
      // Absolute first: Foundation's deletingLastPathComponent traps on a one-character relative
      // path such as "s" (seen with swift-corelibs-foundation 6.3), and "" would end the walk early.
      var current = (path as NSString).standardizingPath
      if !current.hasPrefix("/") {
        current = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(
          current)
      }
      while stat(current, &info) != 0, errno == ENOENT, current != "/", !current.isEmpty {
        missing.insert(current, at: 0)
        current = (current as NSString).deletingLastPathComponent
      }
      if missing.count > 1, !createParents {
        throw AtomicFile.Failure.cannotWrite(
          path: path, reason: "its parent folder does not exist; create it first")
      }
      var created: [TemporaryFiles.Tracked] = []
      for folder in missing {
        // Made and tracked in one step, so an interrupt in between cannot leave it behind.
        let code: Int32? = TemporaryFiles.uninterrupted {
          guard mkdir(folder, 0o755) == 0 else { return errno }
          created.append(TemporaryFiles.track(folder, kind: .createdFolder))
          return nil
        }
        if let code {
          removeCreated(created)
          throw code == ENOTDIR
            ? AtomicFile.Failure.cannotWrite(
              path: path, reason: "\(current) is a file, not a folder")
            : AtomicFile.Failure.system(path: path, code: code)
        }
      }
      if let failure = AtomicFile.Failure.checkFolder(
        of: (path as NSString).appendingPathComponent("x"))
      {
        removeCreated(created)
        throw failure
      }
      return created
    }
    if let failure = AtomicFile.Failure.checkFolder(
      of: (path as NSString).appendingPathComponent("x"))
    {
      throw failure
    }
    return []
  }

  /// Removes the folders ``prepare(_:createParents:)`` created, innermost first, if still empty.
  static func removeCreated(_ created: [TemporaryFiles.Tracked]) {
    for folder in created.reversed() {
      rmdir(folder.path)
      TemporaryFiles.release(folder)
    }
  }

  /// Keeps the created folders: the run succeeded.
  static func keep(_ created: [TemporaryFiles.Tracked]) {
    for folder in created { TemporaryFiles.release(folder) }
  }

  /// Prepares `path`, lets `write` fill it, and on failure removes what this run created there:
  /// the folder itself if it was new (with the files just written), else nothing already saved.
  static func fill(_ path: String, createParents: Bool = true, _ write: () throws -> Void) throws {
    let created = try prepare(path, createParents: createParents)
    do {
      try write()
      keep(created)
    } catch {
      if let innermost = created.last {
        try? FileManager.default.removeItem(atPath: innermost.path)
      }
      removeCreated(created)
      throw error
    }
  }
}

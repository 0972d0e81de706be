import Foundation

extension TemporaryFiles {
  /// A temporary path must be at least this old (seconds since its last change) before a sweep may
  /// remove it: it covers the instant between creating a file and locking it, and slow filesystems.
  static let staleAge: TimeInterval = 60

  /// Removes temporary files and staging folders of our own naming in `folder` that no live process
  /// owns (nobody holds their lock) and that have not changed for a minute: what a run killed with
  /// SIGKILL, a crash or a power cut left behind. Anything not named like ours is never touched.
  ///
  /// - Returns: the names removed.
  @discardableResult
  public static func sweepStale(in folder: String, now: Date = Date()) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    var removed: [String] = []
    for name in names where isOurs(name) {
      let path = (folder as NSString).appendingPathComponent(name)
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
      guard isFolder || (info.st_mode & S_IFMT) == S_IFREG else { continue }
      let changed = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
      guard now.timeIntervalSince(changed) >= staleAge else { continue }
      let descriptor = open(path, (isFolder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      defer { close(descriptor) }
      // A live owner holds the lock; only an abandoned path can be locked here.
      guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
      let gone =
        isFolder ? (try? FileManager.default.removeItem(atPath: path)) != nil : unlink(path) == 0
      if gone { removed.append(name) }
    }
    return removed.sorted()
  }

  /// Whether `name` has the form of ``filePath(for:)`` (`.<name>.<UUID>.tmp[.ext]`) or
  /// ``folderPath(named:in:)`` (`.<name>-<UUID>`).
  static func isOurs(_ name: String) -> Bool {
    guard name.hasPrefix(".") else { return false }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    if let tmp = parts.lastIndex(of: "tmp"), tmp >= 2, tmp >= parts.count - 2,
      UUID(uuidString: String(parts[tmp - 1])) != nil
    {
      return true
    }
    let uuidLength = 36
    guard name.count > uuidLength + 2 else { return false }
    let tail = name.suffix(uuidLength)
    return UUID(uuidString: String(tail)) != nil && name.dropLast(uuidLength).hasSuffix("-")
  }
}

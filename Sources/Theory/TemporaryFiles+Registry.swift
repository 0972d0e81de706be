import Foundation

extension TemporaryFiles {
  /// The live temporary paths of this process, each with an open descriptor holding its `flock`
  /// (which tells a later sweep that the owner is still alive).
  final class Registry: @unchecked Sendable {
    private struct Entry {
      var path: String
      var kind: Kind
      var descriptor: Int32
    }
    // A recursive lock: `commit` holds it while its body may release other entries.
    private let lock = NSRecursiveLock()
    private var entries: [Int: Entry] = [:]
    private var nextID = 0

    func add(_ path: String, kind: Kind) -> Tracked {
      let flags = kind == .file ? O_RDONLY : O_RDONLY | O_DIRECTORY
      let descriptor = open(path, flags | O_CLOEXEC)
      if descriptor >= 0 { flock(descriptor, LOCK_EX | LOCK_NB) }
      lock.lock()
      defer { lock.unlock() }
      nextID += 1
      entries[nextID] = Entry(path: path, kind: kind, descriptor: descriptor)
      return Tracked(id: nextID, path: path)
    }

    func remove(_ id: Int) {
      lock.lock()
      defer { lock.unlock() }
      removeLocked(id)
    }

    /// Forgets an entry; the caller holds the lock (or is inside ``whileHeld(_:)``).
    func removeLocked(_ id: Int) {
      if let entry = entries.removeValue(forKey: id), entry.descriptor >= 0 {
        close(entry.descriptor)
      }
    }

    func whileHeld<T>(_ body: () throws -> T) rethrows -> T {
      lock.lock()
      defer { lock.unlock() }
      return try body()
    }

    /// Deletes every tracked path (newest first, so staged files go before the folder that was
    /// created for them), for the interrupt handler. Keeps the lock: the process is about to end.
    func removeAllAndHold() -> Int {
      lock.lock()
      var removed = 0
      for (_, entry) in entries.sorted(by: { $0.key > $1.key }) {
        switch entry.kind {
        case .file: if unlink(entry.path) == 0 { removed += 1 }
        case .folder:
          if (try? FileManager.default.removeItem(atPath: entry.path)) != nil { removed += 1 }
        case .createdFolder: if rmdir(entry.path) == 0 { removed += 1 }
        }
      }
      return removed
    }
  }
}

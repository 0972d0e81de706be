import Foundation
import GRDB

/// How a catalog connection waits for another process's write lock: up to a timeout, saying once that it
/// waits, so a second `catalog add` on the same catalog tells its user why it pauses instead of hanging quietly.
enum BusyWait {
  /// Seconds between retries.
  static let interval = 0.02
  /// A wait shorter than this is normal interleaving of two writers and goes unmentioned.
  static let noticeAfter = 1.0

  static func mode(
    path: String, timeout: TimeInterval, onWait: (@Sendable (String) -> Void)?
  ) -> Database.BusyMode {
    guard let onWait else { return .timeout(timeout) }
    let notice = Notice()
    return .callback { tries in
      let waited = Double(tries) * interval
      if waited >= timeout { return false }
      if waited >= noticeAfter, notice.first() {
        onWait(
          "the catalog \(path) is busy with another moodsketch process; waiting up to \(Int(timeout.rounded())) s"
        )
      }
      Thread.sleep(forTimeInterval: interval)
      return true
    }
  }

  /// Lets the notice through once per opened catalog, whichever connection waits.
  private final class Notice: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false
    func first() -> Bool {
      lock.withLock {
        defer { shown = true }
        return !shown
      }
    }
  }
}

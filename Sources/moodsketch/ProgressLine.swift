import Catalog
import Foundation

/// The one progress display of the command line: a single overwritten line on stderr with a bar,
/// a count or a status message, elapsed time and an ETA when known.
///
/// Drawn only when ``Terminal/showsProgress`` (stderr is a terminal, no `--quiet`, no `--json`), from
/// 0.3 s into the work, at most ten times a second; safe to call from worker threads.
final class ProgressLine: @unchecked Sendable {
  private let lock = NSLock()
  private let label: String
  private let enabled: Bool
  private let start = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false

  init(label: String, enabled: Bool = Terminal.showsProgress) {
    self.label = label
    self.enabled = enabled
  }

  /// A bar for `done` of `total` items (files, users, seconds of audio…).
  func update(done: Int, total: Int, remaining: Double? = nil) {
    guard enabled else { return }
    let fraction = total > 0 ? Double(done) / Double(total) : 1
    let eta = remaining ?? estimatedRemaining(fraction)
    draw(force: done >= total) {
      "\(label) \(Self.bar(fraction)) \(done)/\(total) \(Self.clock(self.elapsed)) ETA \(eta.map(Self.clock) ?? "--:--")"
    }
  }

  /// A bar for a fraction (0…1) of the work, with a percentage.
  func update(fraction: Double) {
    guard enabled else { return }
    let f = min(max(fraction, 0), 1)
    draw(force: false) {
      "\(label) \(Self.bar(f)) \(Int(f * 100))% \(Self.clock(self.elapsed)) ETA \(self.estimatedRemaining(f).map(Self.clock) ?? "--:--")"
    }
  }

  /// A free-form status message for work without a known total.
  func update(status message: String) {
    guard enabled else { return }
    draw(force: false) { "[\(Self.clock(self.elapsed))] \(self.label) \(message)" }
  }

  /// Removes the line (call before printing results or errors).
  func clear() {
    lock.withLock {
      guard drawn else { return }
      Terminal.writeError("\r\u{1B}[K")
      drawn = false
    }
  }

  private var elapsed: Double { Date().timeIntervalSince(start) }

  private func estimatedRemaining(_ fraction: Double) -> Double? {
    fraction > 0.02 ? elapsed / fraction * (1 - fraction) : nil
  }

  private func draw(force: Bool, _ line: () -> String) {
    lock.withLock {
      let now = Date()
      // Work that ends within a third of a second never draws (no flash on a quick sketch).
      guard drawn || now.timeIntervalSince(start) > 0.3 else { return }
      guard force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
      lastDraw = now
      drawn = true
      Terminal.writeError("\r\u{1B}[K" + line())
    }
  }

  static func bar(_ fraction: Double, width: Int = 30) -> String {
    let filled = min(width, max(0, Int(fraction * Double(width))))
    return "[" + String(repeating: "█", count: filled)
      + String(repeating: "·", count: width - filled) + "]"
  }

  static func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return String(format: "%d:%02d", s / 60, s % 60)
  }
}

extension ProgressLine {
  /// The callback for a catalog ingest (files done of total, with the ingest's own ETA), or nil when
  /// no progress may be drawn, so the ingest skips the bookkeeping.
  static func ingest(label: String) -> (@Sendable (IngestProgress) -> Void)? {
    guard Terminal.showsProgress else { return nil }
    let line = ProgressLine(label: label)
    return { p in
      line.update(done: p.done, total: p.total, remaining: p.remaining)
      if p.done >= p.total { line.clear() }
    }
  }
}

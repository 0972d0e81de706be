import Catalog
import Foundation

/// A one-line progress bar with count and ETA on standard error, drawn only when it is a terminal.
final class CatalogProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let label: String
  private var lastDraw = Date.distantPast

  init(label: String) { self.label = label }

  /// Returns the callback to hand to the ingest, or nil when stderr is not a terminal.
  static func ifTerminal(label: String) -> (@Sendable (IngestProgress) -> Void)? {
    guard standardErrorIsTerminal else { return nil }
    let bar = CatalogProgressBar(label: label)
    return { bar.draw($0) }
  }

  func draw(_ p: IngestProgress) {
    lock.withLock {
      let now = Date()
      guard p.done == p.total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
      lastDraw = now
      let width = 30
      let filled = p.total > 0 ? width * p.done / p.total : width
      let bar =
        String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      let eta = p.remaining.map { "ETA \(Self.clock($0))" } ?? "ETA --:--"
      var line = "\r\(label) [\(bar)] \(p.done)/\(p.total) \(Self.clock(p.elapsed)) \(eta)"
      if p.done == p.total { line += "\n" }
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  static func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return String(format: "%d:%02d", s / 60, s % 60)
  }
}

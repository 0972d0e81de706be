import Foundation

/// One overwritten status line on standard error for long runs, only when it is a terminal.
final class ListenProgressLine: @unchecked Sendable {
  private let enabled = standardErrorIsTerminal
  private let start = Date()

  func show(_ message: String) {
    guard enabled else { return }
    let seconds = Int(Date().timeIntervalSince(start))
    FileHandle.standardError.write(
      Data("\r\u{1B}[K[\(seconds / 60):\(String(format: "%02d", seconds % 60))] \(message)".utf8))
  }

  func clear() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}

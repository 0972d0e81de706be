import Catalog
import Foundation
import Theory

/// Reads and writes listening-event files: one event per line, `user item weight [timestamp]`.
///
/// Fields are separated by tabs, commas or spaces (the first line decides). A first line whose weight field is
/// not a number is a header and skipped; blank lines and lines starting with `#` are skipped. Text is UTF-8 or
/// Latin-1. Weights must be positive finite numbers (play counts or ratings): zero or negative weights are
/// rejected with their line number, because a zero play is not a listen and a negative one has no meaning for
/// implicit feedback. The optional timestamp is whole seconds since 1970. Duplicate `(user, item)` lines are kept
/// here and summed when the matrix is built.
public enum EventFile {
  /// Reads events from `path`.
  ///
  /// - Throws: ``RecommendError/missingFile(path:hint:)``, ``RecommendError/malformedLine(path:line:reason:)``
  ///   naming the line, or ``RecommendError/emptyEvents(_:)`` when no event is found.
  public static func read(_ path: String) throws -> [ListeningEvent] {
    let text = try TextDecoding.read(path, hint: "pass a file of `user item weight` lines")
    return try parse(text, path: path)
  }

  /// Parses file text; `path` names the source in errors.
  public static func parse(_ text: String, path: String) throws -> [ListeningEvent] {
    var events: [ListeningEvent] = []
    var separator: Character?
    var sawData = false
    for (n, raw) in TextDecoding.lines(text).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      if separator == nil {
        separator = line.contains("\t") ? "\t" : line.contains(",") ? "," : " "
      }
      let fields = split(line, by: separator!)
      if fields.count < 3 || fields.count > 4 {
        throw RecommendError.malformedLine(
          path: path, line: n + 1,
          reason:
            "expected `user item weight [timestamp]`, found \(fields.count) field\(fields.count == 1 ? "" : "s")"
        )
      }
      guard let weight = Double(fields[2]) else {
        if !sawData && events.isEmpty {
          sawData = true  // a header line such as `userID\tartistID\tweight`
          continue
        }
        throw RecommendError.malformedLine(
          path: path, line: n + 1,
          reason: "weight \"\(fields[2])\" is not a number; use a play count or rating")
      }
      sawData = true
      guard weight.isFinite, weight > 0 else {
        throw RecommendError.malformedLine(
          path: path, line: n + 1,
          reason: "weight \(fields[2]) must be a positive number; remove the line or fix the count")
      }
      var timestamp: Int64?
      if fields.count == 4 {
        guard let t = Int64(fields[3]) else {
          throw RecommendError.malformedLine(
            path: path, line: n + 1,
            reason: "timestamp \"\(fields[3])\" is not whole seconds since 1970")
        }
        timestamp = t
      }
      events.append(
        ListeningEvent(user: fields[0], item: fields[1], weight: weight, timestamp: timestamp))
    }
    if events.isEmpty { throw RecommendError.emptyEvents(path) }
    return events
  }

  private static func split(_ line: String, by separator: Character) -> [String] {
    if separator == " " {
      return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
    return line.split(separator: separator, omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  /// Writes events as tab-separated `user item weight [timestamp]` lines with a header, atomically.
  public static func write(_ events: [ListeningEvent], to path: String) throws {
    var text = "user\titem\tweight\n"
    text.reserveCapacity(events.count * 24)
    for e in events {
      text += "\(e.user)\t\(e.item)\t\(formatWeight(e.weight))"
      if let t = e.timestamp { text += "\t\(t)" }
      text += "\n"
    }
    try AtomicFile.write(Data(text.utf8), to: path)
  }

  static func formatWeight(_ w: Double) -> String {
    w == w.rounded() && abs(w) < 1e15 ? String(Int64(w)) : String(w)
  }
}

import Foundation
import Theory

/// Top-k lists as text, so any tool can score the very same lists: tab-separated `user item rank model` lines
/// with a header, rank starting at 1.
public enum RecommendationFile {
  /// Writes lists atomically.
  public static func write(_ lists: Evaluation.Lists, to path: String) throws {
    var text = "user\titem\trank\tmodel\n"
    for (model, byUser) in lists {
      for (user, items) in byUser {
        for (r, item) in items.enumerated() { text += "\(user)\t\(item)\t\(r + 1)\t\(model)\n" }
      }
    }
    try AtomicFile.write(Data(text.utf8), to: path)
  }

  /// Reads lists; a line without a model column belongs to model `defaultModel`.
  ///
  /// - Throws: ``RecommendError/malformedLine(path:line:reason:)`` naming the line.
  public static func read(_ path: String, defaultModel: String = "external") throws
    -> Evaluation.Lists
  {
    let text = try TextDecoding.read(path, hint: "pass a file of `user item rank [model]` lines")
    var byModel: [String: [String: [(Int, String)]]] = [:]
    var order: [String] = []
    for (n, raw) in TextDecoding.lines(text).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let f = line.split(whereSeparator: { $0 == "\t" || $0 == "," || $0 == " " }).map(String.init)
      guard f.count == 3 || f.count == 4 else {
        throw RecommendError.malformedLine(
          path: path, line: n + 1,
          reason: "expected `user item rank [model]`, found \(f.count) fields")
      }
      guard let rank = Int(f[2]), rank >= 1 else {
        if n == 0 { continue }  // header
        throw RecommendError.malformedLine(
          path: path, line: n + 1, reason: "rank \"\(f[2])\" is not a whole number ≥ 1")
      }
      let model = f.count == 4 ? f[3] : defaultModel
      if byModel[model] == nil { order.append(model) }
      byModel[model, default: [:]][f[0], default: []].append((rank, f[1]))
    }
    return order.map { model in
      (
        model,
        byModel[model]!.sorted { $0.key < $1.key }.map { user, ranked in
          (user, ranked.sorted { $0.0 < $1.0 }.map(\.1))
        }
      )
    }
  }
}

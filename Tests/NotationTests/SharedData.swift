import Foundation

/// The real data sets in `../shared/data`, found from this file's location so tests run from any folder.
enum SharedData {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/data").standardized

  static var available: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("pop909/POP909").path)
  }

  /// `pop909/POP909/NNN/NNN.mid` for song number `n` (1–909).
  static func pop909(_ n: Int) -> String {
    let id = String(format: "%03d", n)
    return root.appendingPathComponent("pop909/POP909/\(id)/\(id).mid").path
  }

  /// The first `count` `.mid` files of a folder in name order (a fixed, reproducible sample).
  static func midiFiles(in relative: String, count: Int) -> [String] {
    let folder = root.appendingPathComponent(relative)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.lowercased().hasSuffix(".mid") }.sorted().prefix(count).map {
      folder.appendingPathComponent($0).path
    }
  }
}

import Catalog
import Foundation

/// The shared real data, found from this file's path (`<package>/../shared/data`).
enum RecommendSharedData {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
  static var lastFM: String { folder.appendingPathComponent("lastfm_hetrec2011").path }
  static var available: Bool {
    FileManager.default.fileExists(atPath: lastFM + "/user_artists.dat")
  }
}

/// Small histories written by hand.
enum RecommendFixture {
  static func events(_ rows: [(String, String, Double)]) -> [ListeningEvent] {
    rows.map { ListeningEvent(user: $0.0, item: $0.1, weight: $0.2) }
  }

  /// Every folder these tests make lives under this one, removed when the test process exits.
  static let scratchRoot: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "recommend-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: RecommendFixture.scratchRoot) }
    return url
  }()

  /// A fresh folder under ``scratchRoot``.
  static func temporaryFolder(_ prefix: String) -> URL {
    scratchRoot.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  }

  static func temporaryFile(_ text: String, name: String = "events.tsv") throws -> String {
    let folder = temporaryFolder("recommend")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }
}

import Foundation

/// The project's shared real data sets, at `../shared/data` relative to the package root.
enum SharedData {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data")
  static var available: Bool { FileManager.default.fileExists(atPath: root.path) }
  static var billboardSpotify: String {
    root.appendingPathComponent("mcgill_billboard/derived/billboard_spotify_audio_features.csv")
      .path
  }
}

/// Every folder these tests make lives under this one, removed when the test process exits.
let scratchRoot: URL = {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "catalog-tests-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  atexit { try? FileManager.default.removeItem(at: scratchRoot) }
  return url
}()

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
  let url = scratchRoot.appendingPathComponent("test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

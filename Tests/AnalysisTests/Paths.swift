import Foundation

/// Where test inputs live, found from this file's path so tests run from any working folder.
enum Paths {
  /// The package root (two folders above Tests/AnalysisTests).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  /// ../shared/data next to the package (real data sets; absent on some machines).
  static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/data")
  static let librosaReference = packageRoot.appendingPathComponent(
    "Scripts/librosa-reference/reference.json")
}

enum SharedData {
  static var available: Bool { FileManager.default.fileExists(atPath: Paths.sharedData.path) }
  static var fixtures: URL { Paths.sharedData.appendingPathComponent("audio_tempo_key_fixtures") }
  static var fixturesAvailable: Bool { FileManager.default.fileExists(atPath: fixtures.path) }
  static var vgmidi: URL { Paths.sharedData.appendingPathComponent("vgmidi") }
  static var vgmidiAvailable: Bool { FileManager.default.fileExists(atPath: vgmidi.path) }
}

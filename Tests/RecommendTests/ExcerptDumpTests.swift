import Analysis
import Catalog
import Foundation
import Testing

@testable import Recommend

/// Writes whole-track and excerpt features of the default catalog to $MOODSKETCH_EXCERPT_DUMP, to study
/// which descriptors an excerpt keeps (not run otherwise).
@Suite struct ExcerptDumpTests {
  struct Row: Codable {
    var path: String
    var seconds: Double
    var start: Double
    var variant: String
    var features: Features
  }

  @Test(
    .enabled(
      if: ProcessInfo.processInfo.environment["MOODSKETCH_EXCERPT_DUMP"] != nil,
      "set MOODSKETCH_EXCERPT_DUMP=FILE to write excerpt features"))
  func dump() throws {
    let output = ProcessInfo.processInfo.environment["MOODSKETCH_EXCERPT_DUMP"]!
    let files = try MediaFiles.list(DefaultCatalog.installedFolders).files
    let analyzer = Analyzer()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dump-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let rows = RowBox()
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let path = files[i]
      guard let whole = try? analyzer.analyzeAudio(path: path).features else { return }
      rows.add(Row(path: path, seconds: 0, start: 0, variant: "whole", features: whole))
      for seconds in [30.0, 15.0] where whole.durationSeconds >= 2 * seconds {
        for fraction in [0.25, 0.5, 0.75] {
          let start = fraction * whole.durationSeconds - seconds / 2
          for variant in ExcerptVariant.allCases where fraction == 0.5 || variant == .native {
            let out = folder.appendingPathComponent(
              "\(i)-\(seconds)-\(fraction)-\(variant).\(variant.fileExtension)"
            ).path
            guard
              (try? Excerpts.cut(path, start: start, seconds: seconds, variant: variant, to: out))
                != nil,
              let f = try? analyzer.analyzeAudio(path: out).features
            else { continue }
            rows.add(
              Row(
                path: path, seconds: seconds, start: start, variant: variant.rawValue, features: f))
          }
        }
      }
    }
    let data = try JSONEncoder().encode(rows.all())
    try data.write(to: URL(fileURLWithPath: output))
  }
}

private final class RowBox: @unchecked Sendable {
  private var rows: [ExcerptDumpTests.Row] = []
  private let lock = NSLock()
  func add(_ row: ExcerptDumpTests.Row) { lock.withLock { rows.append(row) } }
  func all() -> [ExcerptDumpTests.Row] { lock.withLock { rows } }
}

import Analysis
import Catalog
import Foundation
import Sound
import Testing

@testable import Recommend

/// Real recorded music from the Debian packages asc-music and singularity-music (the default catalog).
enum DebianMusic {
  static let candidates = [
    "/usr/share/games/singularity/music/Apex Aleph.ogg",
    "/usr/share/games/singularity/music/win/Apex Aleph.ogg",
    "/usr/share/games/singularity/music/Awakening.ogg",
    "/usr/share/games/asc/music/machine_wars.mp3",
    "/usr/share/games/asc/music/time_to_strike.mp3",
    "/usr/share/games/singularity/music/Orbital Elevator.ogg",
  ]
  static var tracks: [String] { candidates.filter { FileManager.default.fileExists(atPath: $0) } }
  static var available: Bool { tracks.count >= 3 }
}

@Suite(.serialized) struct ReferencesExcerptTests {
  /// Writes `seconds` of audio from the middle of `path` to a WAV file, through libsndfile.
  func cutMiddle(of path: String, seconds: Double, to output: String) throws {
    let reader = try AudioFileReader(path: path)
    let total = Double(reader.frameCount)
    let length = Int(seconds * reader.sampleRate)
    var skip = max(0, Int(total / 2) - length / 2)
    while skip > 0 {
      let block = try reader.readInterleaved(maxFrames: min(skip, 65536))
      if block.isEmpty { break }
      skip -= block.count / reader.channels
    }
    let writer = try AudioFileWriter(
      path: output, sampleRate: reader.sampleRate, channels: reader.channels)
    var left = length
    while left > 0 {
      let block = try reader.readInterleaved(maxFrames: min(left, 65536))
      if block.isEmpty { break }
      try writer.write(block)
      left -= block.count / reader.channels
    }
    try writer.finish()
  }

  @Test(
    .enabled(if: DebianMusic.available, "needs the Debian packages asc-music and singularity-music")
  )
  func aThirtySecondExcerptFindsItsOwnTrackFirst() throws {
    let tracks = DebianMusic.tracks
    let store = try CatalogStore.inMemory()
    let analyzer = Analyzer()
    let report = try CatalogIngest.add(paths: tracks, to: store) { path, _ in
      AnalysedFile(features: try analyzer.analyzeAudio(path: path).features)
    }
    #expect(report.added == tracks.count)
    let finder = try ReferenceFinder(store: store)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "excerpts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for track in tracks {
      let excerpt = folder.appendingPathComponent((track as NSString).lastPathComponent + ".wav")
        .path
      try cutMiddle(of: track, seconds: 30, to: excerpt)
      let features = try DraftFeatures.load(path: excerpt, analyzer: analyzer)
      let results = try finder.references(for: features)
      #expect(
        results.first?.path == track,
        "excerpt of \(track) (tempo \(features.tempoBPM ?? 0), key \(features.key?.shortName ?? "-")) matched \(results.map { "\($0.title) \($0.contributions.mapValues { ($0 * 100).rounded() / 100 })" })"
      )
      #expect(results.first.map { !$0.reason.isEmpty } == true)
    }
  }
}

@Suite struct DraftFeaturesTests {
  static let midi = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "shared/data/pop909/POP909/001/001.mid"
    )
    .path

  @Test(.enabled(if: FileManager.default.fileExists(atPath: midi), "needs ../shared/data"))
  func aSketchFolderIsReadThroughItsMIDIFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sketch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: RecommendError.self) { try DraftFeatures.load(path: folder.path) }
    try FileManager.default.copyItem(
      atPath: Self.midi, toPath: folder.appendingPathComponent("sketch.mid").path)
    let features = try DraftFeatures.load(path: folder.path)
    #expect(features.source == .midi)
    #expect(features.key != nil)
    #expect(features.tempoBPM != nil)
  }
}

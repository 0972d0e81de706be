import Foundation
import Testing

@testable import Analysis

/// Real recorded music from Debian's `asc-music` (MP3) and `singularity-music` (Ogg/Vorbis): every
/// track must decode and analyse. The first 30 s of each keep the run short; the benchmark
/// (Benchmarks/analysis/run.sh) analyses them whole and compares with Essentia.
@Suite(
  .enabled(if: !DebianMusic.tracks.isEmpty, "needs Debian packages asc-music and singularity-music")
)
struct RealMusicTests {
  @Test func everyTrackDecodesAndAnalyses() throws {
    let tracks = DebianMusic.tracks
    let analyzer = Analyzer(configuration: .init(maxDurationSeconds: 30))
    let results = analyzer.analyzeFiles(tracks)
    for (path, result) in zip(tracks, results) {
      let analysis = try result.get()
      let f = analysis.features
      #expect(f.durationSeconds > 20, "\(path) decoded only \(f.durationSeconds) s")
      #expect(f.tempoBPM != nil, "\(path): no tempo")
      #expect(f.key != nil, "\(path): no key")
      #expect(
        f.loudnessLUFS.map { (-40.0)...0 ~= $0 } ?? false,
        "\(path): loudness \(String(describing: f.loudnessLUFS))")
      #expect(
        f.vector.count == Features.vectorLayout.count && f.vector.allSatisfy { $0.isFinite },
        "\(path): vector")
      #expect((-1...1).contains(f.valence) && (-1...1).contains(f.arousal))
      print(
        "\(URL(fileURLWithPath: path).lastPathComponent): \(f.key.map(String.init(describing:)) ?? "-") "
          + "\(f.tempoBPM.map { String(format: "%.1f BPM", $0) } ?? "-") "
          + "\(f.loudnessLUFS.map { String(format: "%.1f LUFS", $0) } ?? "-")")
    }
  }
}

/// The tracks the Debian music packages install.
enum DebianMusic {
  static let folders = ["/usr/share/games/asc/music", "/usr/share/games/singularity/music"]

  static var tracks: [String] {
    folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter {
          ["mp3", "ogg", "flac", "wav"].contains(
            URL(fileURLWithPath: $0).pathExtension.lowercased())
        }
        .sorted().map { "\(folder)/\($0)" }
    }
  }
}

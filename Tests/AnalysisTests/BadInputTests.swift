import Foundation
import Sound
import Testing

@testable import Analysis

/// What a user sees when a file cannot be analysed: one error naming the file, the other files still done.
@Suite struct BadInputTests {
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "analysis-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func writeAudio(
    _ samples: [Float], to path: String, rate: Double = 44100, channels: Int = 1
  ) throws {
    let writer = try AudioFileWriter(path: path, sampleRate: rate, channels: channels)
    if !samples.isEmpty { try writer.write(samples) }
    try writer.finish()
  }

  @Test func everyBadFileIsNamedAndTheGoodOnesAreStillAnalysed() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appendingPathComponent("good.wav").path
    // Stereo at 44.1 kHz: exercises the downmix and the resampler.
    let tone = Signals.cadence(tonic: 2, minor: false)
    try Self.writeAudio(tone.flatMap { [$0, $0] }, to: good, rate: 22050, channels: 2)
    let missing = folder.appendingPathComponent("missing.wav").path
    let empty = folder.appendingPathComponent("empty.wav").path
    FileManager.default.createFile(atPath: empty, contents: Data())
    let text = folder.appendingPathComponent("notes.wav").path
    try Data("these are my lyrics, not audio\n".utf8).write(to: URL(fileURLWithPath: text))
    let zeroLength = folder.appendingPathComponent("zero.wav").path
    try Self.writeAudio([], to: zeroLength)
    let flac = folder.appendingPathComponent("whole.flac").path
    try Self.writeAudio(Signals.whiteNoise(seconds: 20, seed: 1, rate: 44100), to: flac)
    let truncated = folder.appendingPathComponent("truncated.flac").path
    let bytes = try Data(contentsOf: URL(fileURLWithPath: flac))
    try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: truncated))
    let silent = folder.appendingPathComponent("silence.wav").path
    try Self.writeAudio([Float](repeating: 0, count: 44100 * 3), to: silent)

    let paths = [missing, good, empty, text, zeroLength, truncated, silent]
    let results = Analyzer().analyzeFiles(paths, jobs: 2)
    #expect(results.count == paths.count)
    for (path, result) in zip(paths, results) {
      switch result {
      case .success(let analysis):
        #expect([good, silent].contains(path), "\(path) should have failed")
        #expect(analysis.path == path)
      case .failure(let error):
        #expect(![good, silent].contains(path), "\(path) failed: \(error)")
        #expect(error.description.contains(path), "message must name the file: \(error)")
        #expect(!error.description.contains("\n"))
      }
    }
    let goodAnalysis = try results[1].get()
    #expect(goodAnalysis.features.key?.tonic.pitchClass == 2)
    #expect(goodAnalysis.channels == 2)
    let silence = try results[6].get()
    #expect(silence.features.tempoBPM == nil && silence.features.key == nil && silence.isSilent)
    if case .failure(let error) = results[0] { #expect(error.category == .missingInput) }
    if case .failure(let error) = results[5] { #expect(error.description.contains("truncated")) }
  }

  @Test func aTruncatedFlacIsReportedNotAnalysedHalfway() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let flac = folder.appendingPathComponent("a.flac").path
    try Self.writeAudio(Signals.whiteNoise(seconds: 10, seed: 2, rate: 44100), to: flac)
    let data = try Data(contentsOf: URL(fileURLWithPath: flac))
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: flac))
    #expect(throws: AnalysisError.self) { try Analyzer().analyzeAudio(path: flac) }
  }

  @Test func badParametersNameTheValue() {
    let analyzer = Analyzer(configuration: .init(nFFT: 1000, hopLength: 4000))
    #expect(
      throws: AnalysisError.invalidParameter(
        name: "--hop-length", value: "4000", allowed: "1…n_fft samples")
    ) {
      try analyzer.analyzeAudio(path: "/nonexistent.wav")
    }
  }
}

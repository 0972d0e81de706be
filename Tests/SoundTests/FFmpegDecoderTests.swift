import Foundation
import Testing
import Theory

@testable import Sound

/// The `ffmpeg` command (Debian's ffmpeg package) encodes the M4A, WMA and WebM files these tests read
/// back through libavformat: an independent encoder, as the files in a user's library come from.
private let ffmpegCommand = "/usr/bin/ffmpeg"
private let ffmpegInstalled = FileManager.default.isExecutableFile(atPath: ffmpegCommand)

@Suite(
  .enabled(if: ffmpegInstalled, "needs the ffmpeg command (Debian ffmpeg) to encode M4A/WMA/WebM"))
struct FFmpegDecoderTests {
  /// 3 s of stereo at 44.1 kHz, 16-bit: 440 Hz on the left, 660 Hz on the right.
  func stereoWAV(in folder: URL) throws -> (path: String, interleaved: [Float]) {
    let left = sine(frequency: 440, seconds: 3, sampleRate: 44100, amplitude: 0.4)
    let right = sine(frequency: 660, seconds: 3, sampleRate: 44100, amplitude: 0.3)
    let interleaved = zip(left, right).flatMap { [$0, $1] }
    let path = folder.appendingPathComponent("tones.wav").path
    let writer = try AudioFileWriter(path: path, sampleRate: 44100, channels: 2, bitDepth: .pcm16)
    try writer.write(interleaved)
    try writer.finish()
    return (path, interleaved)
  }

  func encode(_ input: String, to output: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ffmpegCommand)
    process.arguments = ["-loglevel", "error", "-y", "-i", input] + arguments + [output]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "ffmpeg \(arguments) failed")
  }

  /// Calls `body` with the tones WAV and its encoding as `name` by ffmpeg with `codec`, in a fresh folder.
  func withEncodedTones(
    _ name: String, _ codec: [String], _ body: (_ wav: String, _ encoded: String) throws -> Void
  ) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (wav, _) = try stereoWAV(in: folder)
    let encoded = folder.appendingPathComponent(name).path
    try encode(wav, to: encoded, codec)
    try body(wav, encoded)
  }

  func readAll(_ reader: AudioFileReader) throws -> [Float] {
    var all: [Float] = []
    while case let block = try reader.readInterleaved(maxFrames: 4096), !block.isEmpty {
      all += block
    }
    return all
  }

  /// ALAC is lossless: the M4A decodes to the WAV's samples exactly, with its rate, channels and tags.
  @Test func alacInM4ADecodesToTheSamplesOfTheWAV() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (wav, _) = try stereoWAV(in: folder)
    let m4a = folder.appendingPathComponent("tones.m4a").path
    try encode(
      wav, to: m4a,
      [
        "-c:a", "alac", "-metadata", "title=Tones", "-metadata", "artist=Me", "-metadata",
        "genre=Synthpop",
      ])
    let reader = try AudioFileReader(path: m4a)
    #expect(reader.sampleRate == 44100 && reader.channels == 2)
    #expect(reader.metadata["title"] == "Tones" && reader.metadata["artist"] == "Me")
    #expect(reader.metadata["genre"] == "Synthpop")
    #expect(reader.formatName.contains("ALAC"), "\(reader.formatName)")
    let decoded = try readAll(reader)
    let original = try readAll(AudioFileReader(path: wav))
    #expect(decoded.count == original.count)
    #expect(decoded == original)
  }

  /// Lossy AAC, WMA and Opus-in-WebM keep the length (within the codec's padding) and each channel's pitch.
  @Test(arguments: [
    ("tones.m4a", ["-c:a", "aac", "-b:a", "128k"]), ("tones.wma", ["-c:a", "wmav2"]),
    ("tones.webm", ["-c:a", "libopus"]),
  ])
  func lossyFilesKeepLengthAndPitch(_ name: String, _ codec: [String]) throws {
    try withEncodedTones(name, codec) { _, path in
      let reader = try AudioFileReader(path: path)
      #expect(reader.channels == 2)
      let decoded = try readAll(reader)
      let seconds = Double(decoded.count / 2) / reader.sampleRate
      #expect(abs(seconds - 3) < 0.06, "\(name): \(seconds) s")
      // The middle second: codecs smear the first and last frames, which adds stray zero crossings.
      let frames = decoded.count / 2
      let middle = (frames / 3)..<(2 * frames / 3)
      let left = middle.map { decoded[2 * $0] }
      let right = middle.map { decoded[2 * $0 + 1] }
      #expect(abs(zeroCrossingFrequency(left, sampleRate: reader.sampleRate) - 440) < 1, "\(name)")
      #expect(abs(zeroCrossingFrequency(right, sampleRate: reader.sampleRate) - 660) < 1, "\(name)")
    }
  }

  /// The mono blocks analysis reads are the same for the WAV and its lossless M4A.
  @Test func monoBlocksMatchTheWAV() throws {
    try withEncodedTones("tones.m4a", ["-c:a", "alac"]) { wav, m4a in
      var fromWAV: [Float] = []
      var fromM4A: [Float] = []
      try AudioDecoder.forEachMonoBlock(path: wav, sampleRate: 22050) { fromWAV += $0 }
      let info = try AudioDecoder.forEachMonoBlock(path: m4a, sampleRate: 22050) { fromM4A += $0 }
      #expect(fromWAV == fromM4A)
      #expect(abs(info.durationSeconds - 3) < 0.001)
    }
  }

  /// A few damaged bytes in the audio of an M4A (its index at the end, untouched) cost a frame or two,
  /// as in a player, not the file.
  @Test func aFewDamagedBytesInTheAudioDoNotLoseTheFile() throws {
    try withEncodedTones("scratched.m4a", ["-c:a", "aac"]) { _, path in
      var data = try Data(contentsOf: URL(fileURLWithPath: path))
      for fraction in [0.3, 0.37, 0.45, 0.52] {
        let at = Int(Double(data.count) * fraction)
        data[at] ^= 0xFF
      }
      try data.write(to: URL(fileURLWithPath: path))
      let reader = try AudioFileReader(path: path)
      let seconds = Double(try readAll(reader).count / 2) / reader.sampleRate
      #expect(abs(seconds - 3) < 0.1, "\(seconds) s")
    }
  }

  /// Text named .m4a, an M4A cut in half with its index at the front (so the cut is found), and one
  /// cut before its index: one line each, naming the file, as bad data.
  @Test func damagedFilesAreReportedInOneLine() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (wav, _) = try stereoWAV(in: folder)
    let text = folder.appendingPathComponent("lyrics.m4a")
    try Data("these are my lyrics, not audio\n".utf8).write(to: text)
    let front = folder.appendingPathComponent("front.m4a").path
    try encode(wav, to: front, ["-c:a", "aac", "-movflags", "+faststart"])
    let back = folder.appendingPathComponent("back.m4a").path
    try encode(wav, to: back, ["-c:a", "aac"])
    for path in [front, back] {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
    }
    for (path, says) in [
      (text.path, "FFmpeg cannot open it"), (front, "truncated"),
      (back, "FFmpeg cannot open it"),
    ] {
      do {
        _ = try readAll(AudioFileReader(path: path))
        Issue.record("\(path) was read")
      } catch let error as UserFacingError {
        #expect(error.description.hasPrefix(path), "\(error.description)")
        #expect(error.description.contains(says), "\(error.description)")
        #expect(!error.description.contains("\n"))
        #expect(error.category == .badData)
      }
    }
  }
}

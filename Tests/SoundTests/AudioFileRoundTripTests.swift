import Foundation
import Testing
import Theory

@testable import Sound

@Suite struct AudioFileRoundTripTests {
  /// A stereo test signal: 440 Hz left, 660 Hz right.
  func stereoSignal(seconds: Double, sampleRate: Double) -> [Float] {
    let left = sine(frequency: 440, seconds: seconds, sampleRate: sampleRate)
    let right = sine(frequency: 660, seconds: seconds, sampleRate: sampleRate, amplitude: 0.25)
    var interleaved: [Float] = []
    interleaved.reserveCapacity(left.count * 2)
    for i in 0..<left.count { interleaved += [left[i], right[i]] }
    return interleaved
  }

  @Test(arguments: [
    ("wav", BitDepth.pcm16, Float(1e-4)), ("wav", .pcm24, 1e-6), ("wav", .float32, 0),
    ("flac", .pcm16, 1e-4), ("flac", .pcm24, 1e-6), ("aiff", .pcm24, 1e-6),
  ])
  func writtenSamplesReadBackWithinTheBitDepthsPrecision(
    ext: String, depth: BitDepth, tolerance: Float
  ) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tone.\(ext)").path
    let signal = stereoSignal(seconds: 0.5, sampleRate: 48000)
    let writer = try AudioFileWriter(path: path, sampleRate: 48000, channels: 2, bitDepth: depth)
    // Two writes, to check streaming appends.
    try writer.write(Array(signal[0..<24000]))
    try writer.write(Array(signal[24000...]))
    try writer.finish()

    let reader = try AudioFileReader(path: path)
    #expect(reader.sampleRate == 48000)
    #expect(reader.channels == 2)
    #expect(reader.frameCount == 24000)
    var back: [Float] = []
    while case let block = try reader.readInterleaved(maxFrames: 5000), !block.isEmpty {
      back += block
    }
    #expect(back.count == signal.count)
    let worst = zip(back, signal).map { abs($0 - $1) }.max() ?? 1
    #expect(worst <= tolerance + Float(1) / 32768)
    #expect(filesIn(folder) == ["tone.\(ext)"], "no temporary file is left beside the output")
  }

  /// A whole song handed over in one call (as a normalised render is) used to overflow the stack
  /// inside libvorbis; it is now written in blocks.
  @Test func aLongOggWrittenInOneCallIsWhole() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("song.ogg").path
    let writer = try AudioFileWriter(path: path, sampleRate: 44100, channels: 2)
    let seconds = 150.0
    let tone = sine(frequency: 220, seconds: seconds, sampleRate: 44100)
    try writer.write(tone.flatMap { [$0, $0] })
    try writer.finish()
    let reader = try AudioFileReader(path: path)
    #expect(abs(reader.durationSeconds - seconds) < 0.1)
  }

  @Test func oggVorbisKeepsTheTone() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tone.ogg").path
    let writer = try AudioFileWriter(path: path, sampleRate: 44100, channels: 1)
    try writer.write(sine(frequency: 440, seconds: 1, sampleRate: 44100))
    try writer.finish()
    let mono = try readAllMono(path)
    #expect(abs(Double(mono.count) - 44100) < 2048)
    #expect(abs(zeroCrossingFrequency(mono, sampleRate: 44100) - 440) < 1)
  }

  @Test func monoDownmixAveragesTheChannels() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lr.wav").path
    let writer = try AudioFileWriter(path: path, sampleRate: 8000, channels: 2, bitDepth: .float32)
    try writer.write(
      [Float](repeating: 0, count: 1000).enumerated().map { $0.offset % 2 == 0 ? 0.5 : 0.1 })
    try writer.finish()
    let mono = try readAllMono(path)
    #expect(mono.count == 500)
    #expect(mono.allSatisfy { abs($0 - 0.3) < 1e-6 })
  }

  @Test func aSixChannelFileDownmixesToTheMeanOfItsChannels() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("surround.flac").path
    let writer = try AudioFileWriter(path: path, sampleRate: 48000, channels: 6, bitDepth: .pcm24)
    let levels: [Float] = [0.6, -0.2, 0.3, 0.0, 0.1, 0.4]
    try writer.write((0..<48000).flatMap { _ in levels })
    try writer.finish()
    var decoded: [Float] = []
    let info = try AudioDecoder.forEachMonoBlock(path: path, sampleRate: 48000, blockFrames: 7000) {
      decoded += $0
    }
    #expect(info.channels == 6)
    #expect(decoded.count == 48000)
    #expect(decoded.allSatisfy { abs($0 - 0.2) < 1e-5 })
  }

  @Test func metadataIsWrittenAndReadBack() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for ext in ["wav", "flac"] {
      let path = folder.appendingPathComponent("tagged.\(ext)").path
      let tags = [
        "title": "Late Drive", "artist": "moodsketch", "album": "Sketches", "genre": "Lo-fi",
        "date": "2026",
        "comment": "seed 7",
      ]
      let writer = try AudioFileWriter(path: path, sampleRate: 22050, channels: 1, metadata: tags)
      try writer.write(sine(frequency: 220, seconds: 0.1, sampleRate: 22050))
      try writer.finish()
      let reader = try AudioFileReader(path: path)
      for (key, value) in tags where !(ext == "wav" && key == "genre") {
        #expect(reader.metadata[key] == value, "\(ext) \(key)")
      }
    }
  }

  @Test func flacRefuses32BitFloatWithAClearMessage() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("x.flac").path
    #expect {
      try AudioFileWriter(path: path, sampleRate: 44100, channels: 2, bitDepth: .float32)
    } throws: { error in
      let text = "\(error)"
      return text.contains(path) && text.contains("16- or 24-bit") && !text.contains("\n")
    }
    #expect(filesIn(folder).isEmpty)
  }

  @Test func unknownExtensionAndMissingFolderAreRefused() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: SoundError.self) {
      try AudioFileWriter(
        path: folder.appendingPathComponent("x.mp4").path, sampleRate: 44100, channels: 2)
    }
    #expect(throws: AtomicFile.Failure.self) {
      try AudioFileWriter(
        path: folder.appendingPathComponent("no/such/x.wav").path, sampleRate: 44100, channels: 2)
    }
  }

  @Test func anUnfinishedWriterLeavesNoFileBehind() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("half.wav").path
    do {
      let writer = try AudioFileWriter(path: path, sampleRate: 44100, channels: 1)
      try writer.write(sine(frequency: 440, seconds: 0.1, sampleRate: 44100))
      #expect(filesIn(folder).count == 1, "the temporary file exists while writing")
      #expect(!FileManager.default.fileExists(atPath: path), "the target appears only on finish")
    }
    #expect(filesIn(folder).isEmpty)
  }

  @Test func finishingReplacesAnOlderFileOnlyAtTheEnd() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("take.wav").path
    try Data("old take".utf8).write(to: URL(fileURLWithPath: path))
    let writer = try AudioFileWriter(path: path, sampleRate: 44100, channels: 1)
    try writer.write(sine(frequency: 440, seconds: 0.1, sampleRate: 44100))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old take".utf8))
    try writer.finish()
    #expect(try AudioFileReader(path: path).frameCount == 4410)
  }
}

@Suite struct LossyFormatTests {
  /// Analysis reads drafts in these formats; each must decode whole, at the right pitch, without
  /// being mistaken for a truncated file.
  @Test(arguments: [("mp3", 44100.0), ("opus", 48000.0), ("ogg", 22050.0)])
  func lossyFilesDecodeWholeAtTheRightPitch(ext: String, rate: Double) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tone.\(ext)").path
    let writer = try AudioFileWriter(
      path: path, sampleRate: rate, channels: 2, metadata: ["title": "Tone"])
    let tone = sine(frequency: 440, seconds: 3, sampleRate: rate)
    try writer.write(tone.flatMap { [$0, $0] })
    try writer.finish()

    var decoded: [Float] = []
    let info = try AudioDecoder.forEachMonoBlock(path: path, sampleRate: 22050) { decoded += $0 }
    #expect(info.originalSampleRate == rate)
    #expect(abs(info.durationSeconds - 3) < 0.1, "\(info.durationSeconds)")
    #expect(abs(zeroCrossingFrequency(decoded, sampleRate: 22050) - 440) < 1)
    #expect(abs(rms(decoded) - 0.5 / 2.squareRoot()) < 0.05)
  }

  @Test func opusAt44100IsRefusedWithTheReason() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("x.opus").path
    #expect {
      try AudioFileWriter(path: path, sampleRate: 44100, channels: 2)
    } throws: { error in
      "\(error)".contains(path) && "\(error)".contains("48000")
    }
    #expect(filesIn(folder).isEmpty)
  }
}

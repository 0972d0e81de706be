import CSndFile
import Foundation
import Testing
import Theory

@testable import Sound

/// A WAV never passes the 4 GiB a RIFF header can describe: long renders are RF64, and a RIFF
/// writer refuses to grow past the limit instead of writing a file no reader can trust (issue 13, item 1).
@Suite struct AudioFileWriterLimitTests {
  @Test func aWAVExpectedPastFourGiBIsWrittenAsRF64AndReadsBack() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("long.wav").path
    // 7 hours of stereo 16-bit at 44.1 kHz is 4.4 GB: more than RIFF can hold.
    let writer = try AudioFileWriter(
      path: path, sampleRate: 44100, channels: 2, expectedFrames: 44100 * 3600 * 7)
    #expect(writer.isRF64)
    try writer.write([Float](repeating: 0.25, count: 2 * 4410))
    try writer.finish()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(String(decoding: bytes.prefix(4), as: UTF8.self) == "RF64")
    let reader = try AudioFileReader(path: path)
    #expect(reader.frameCount == 4410)
    #expect(reader.channels == 2)
  }

  @Test func aShortWAVStaysPlainRIFF() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("short.wav").path
    let writer = try AudioFileWriter(
      path: path, sampleRate: 44100, channels: 2, expectedFrames: 44100 * 60)
    #expect(!writer.isRF64)
    try writer.write([Float](repeating: 0.25, count: 200))
    try writer.finish()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(String(decoding: bytes.prefix(4), as: UTF8.self) == "RIFF")
  }

  @Test func aRIFFWriterRefusesToPassItsLimitAndLeavesNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("grow.wav").path
    let writer = try AudioFileWriter(path: path, sampleRate: 44100, channels: 2)
    // The real limit is 4 GiB; a lowered one shows the same refusal with 4 KB of samples.
    writer.riffByteLimit = 4000
    try writer.write([Float](repeating: 0.1, count: 1800))  // 3,600 bytes: fits
    #expect {
      try writer.write([Float](repeating: 0.1, count: 400))  // would pass 4,000 bytes
    } throws: { error in
      "\(error)".contains("4 GiB") && "\(error)".contains(path)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func floatFilesWithNaNAreRefusedWhenRead() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("nan.wav").path
    let writer = try AudioFileWriter(path: path, sampleRate: 8000, channels: 1, bitDepth: .float32)
    var samples = [Float](repeating: 0.1, count: 8000)
    samples[4000] = .nan
    try writer.write(samples)
    try writer.finish()
    let reader = try AudioFileReader(path: path)
    #expect {
      while try !reader.readMono(maxFrames: 1024).isEmpty {}
    } throws: { error in
      "\(error)".contains("NaN") && "\(error)".contains("0.500 s")
    }
  }
}

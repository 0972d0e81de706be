import Foundation
import Testing

@testable import Sound

@Suite struct ResamplerTests {
  @Test(arguments: [(44100.0, 22050.0), (48000.0, 22050.0), (22050.0, 44100.0), (44100.0, 16000.0)])
  func aSineKeepsItsFrequencyAndTheLengthScales(from: Double, to: Double) throws {
    let input = sine(frequency: 440, seconds: 2, sampleRate: from)
    let resampler = try SoxrResampler(from: from, to: to)
    var output: [Float] = []
    // Uneven block sizes, as a streaming caller would feed.
    var start = 0
    for size in [1000, 7777, 30000, 123] where start < input.count {
      let end = min(input.count, start + size)
      output += resampler.process(Array(input[start..<end]), endOfInput: false)
      start = end
    }
    output += resampler.process(Array(input[start...]), endOfInput: true)
    let expected = Double(input.count) * to / from
    #expect(abs(Double(output.count) - expected) <= 2)
    #expect(abs(zeroCrossingFrequency(output, sampleRate: to) - 440) < 0.5)
    // Amplitude survives (the middle, away from the filter's edges).
    let middle = Array(output[output.count / 4..<(output.count * 3 / 4)])
    #expect(abs(rms(middle) - 0.5 / 2.squareRoot()) < 0.01)
  }

  @Test func anImpossibleRateIsRefused() {
    #expect(throws: SoundError.self) { try SoxrResampler(from: 0, to: 22050) }
    #expect(throws: SoundError.self) { try SoxrResampler(from: 44100, to: -1) }
    #expect(throws: SoundError.self) { try SoxrResampler(from: .infinity, to: 22050) }
  }

  @Test func theDecoderDeliversExactBlocksAtTheRequestedRate() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("stereo.flac").path
    let writer = try AudioFileWriter(
      path: path, sampleRate: 44100, channels: 2, bitDepth: .pcm24,
      metadata: ["title": "Tone", "artist": "Test"])
    let tone = sine(frequency: 1000, seconds: 3, sampleRate: 44100)
    try writer.write(tone.flatMap { [$0, $0] })
    try writer.finish()

    var sizes: [Int] = []
    var all: [Float] = []
    let info = try AudioDecoder.forEachMonoBlock(path: path, sampleRate: 22050, blockFrames: 10000)
    { block in
      sizes.append(block.count)
      all += block
    }
    #expect(sizes.dropLast().allSatisfy { $0 == 10000 })
    #expect(abs(all.count - 66150) <= 2)
    #expect(info.decodedFrames == all.count)
    #expect(info.originalSampleRate == 44100)
    #expect(info.channels == 2)
    #expect(abs(info.durationSeconds - 3) < 1e-9)
    #expect(info.metadata["title"] == "Tone")
    #expect(abs(zeroCrossingFrequency(all, sampleRate: 22050) - 1000) < 1)
  }

  @Test func theDecoderPassesThroughWhenTheRateMatches() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("mono.wav").path
    let writer = try AudioFileWriter(path: path, sampleRate: 22050, channels: 1, bitDepth: .float32)
    let tone = sine(frequency: 300, seconds: 1, sampleRate: 22050)
    try writer.write(tone)
    try writer.finish()
    var all: [Float] = []
    try AudioDecoder.forEachMonoBlock(path: path, sampleRate: 22050) { all += $0 }
    #expect(all == tone)
  }
}

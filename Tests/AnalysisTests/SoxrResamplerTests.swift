import Foundation
import Sound
import Testing

/// The resampler every analysis runs through: a wrong length or pitch would move every tempo and key.
@Suite struct SoxrResamplerTests {
  /// Stereo 1 kHz sine in the left channel, silence in the right, fed in uneven blocks.
  @Test(arguments: [(44100.0, 22050.0), (48000.0, 22050.0), (8000.0, 22050.0)])
  func keepsPitchLengthAndChannels(from: Double, to: Double) throws {
    let soxr = try SoxrResampler(from: from, to: to, channels: 2)
    let seconds = 2.0
    let frames = Int(from * seconds)
    var input = [Float](repeating: 0, count: frames * 2)
    for i in 0..<frames { input[2 * i] = Float(0.5 * sin(2 * Double.pi * 1000 * Double(i) / from)) }
    var output: [Float] = []
    var start = 0
    for size in [1000, 7, 33333] where start < frames {
      let end = min(frames, start + size)
      output += soxr.process(Array(input[(2 * start)..<(2 * end)]), endOfInput: false)
      start = end
    }
    output += soxr.process(Array(input[(2 * start)...]), endOfInput: true)
    #expect(soxr.process([], endOfInput: true).isEmpty, "nothing more after the end")
    let outFrames = output.count / 2
    #expect(abs(outFrames - Int(to * seconds)) <= 1, "\(outFrames) frames")
    let left = stride(from: 0, to: output.count, by: 2).map { output[$0] }
    let right = stride(from: 1, to: output.count, by: 2).map { output[$0] }
    #expect(right.allSatisfy { abs($0) < 1e-4 }, "the silent channel stays silent")
    // Upward zero crossings in the steady middle second give the frequency.
    let middle = Array(left[Int(to * 0.5)..<Int(to * 1.5)])
    let crossings = zip(middle, middle.dropFirst()).filter { $0 < 0 && $1 >= 0 }.count
    #expect(abs(crossings - 1000) <= 1, "\(crossings) Hz")
    let peak = middle.map(abs).max() ?? 0
    #expect(abs(peak - 0.5) < 0.01, "level kept: \(peak)")
  }

  @Test func nonsenseRatesAreRefused() {
    #expect(throws: SoundError.self) { try SoxrResampler(from: 0, to: 22050) }
    #expect(throws: SoundError.self) { try SoxrResampler(from: 44100, to: .infinity) }
  }
}

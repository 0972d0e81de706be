/// Interleaved stereo through two ``Resampler``s, for output rates above what FluidSynth renders.
final class StereoResampler {
  private let left: Resampler
  private let right: Resampler

  /// Medium quality: this is audio people listen to, not analysis input.
  init(from inputRate: Double, to outputRate: Double) throws {
    left = try Resampler(from: inputRate, to: outputRate, quality: .sincMedium)
    right = try Resampler(from: inputRate, to: outputRate, quality: .sincMedium)
  }

  /// Converts interleaved left/right frames; see ``Resampler/process(_:endOfInput:)``.
  func process(_ interleaved: [Float], endOfInput: Bool) -> [Float] {
    let frames = interleaved.count / 2
    var l = [Float](repeating: 0, count: frames)
    var r = [Float](repeating: 0, count: frames)
    for i in 0..<frames {
      l[i] = interleaved[2 * i]
      r[i] = interleaved[2 * i + 1]
    }
    let outL = left.process(l, endOfInput: endOfInput)
    let outR = right.process(r, endOfInput: endOfInput)
    // Both channels run the same filter on the same number of samples, so they stay the same length.
    let count = min(outL.count, outR.count)
    var out = [Float](repeating: 0, count: count * 2)
    for i in 0..<count {
      out[2 * i] = outL[i]
      out[2 * i + 1] = outR[i]
    }
    return out
  }
}

import CSampleRate

/// Streaming mono sample-rate conversion through libsamplerate (Secret Rabbit Code).
///
/// Feed blocks in order; each call returns what is ready so far. Pass `endOfInput: true` with the
/// last block (it may be empty) to flush the filter's delay. The output length is `input × ratio`
/// within a few samples.
///
/// ```swift
/// let resampler = try Resampler(from: 44100, to: 22050)
/// let out = resampler.process(block, endOfInput: false)
/// ```
public final class Resampler {
  /// How hard libsamplerate works. `.sincFastest` (the default) keeps 97 dB SNR and 80 % bandwidth,
  /// plenty for analysis; `.sincMedium` keeps 97 dB and 90 %, at about twice the cost.
  public enum Quality: Sendable {
    case sincFastest, sincMedium, sincBest

    var converter: Int32 {
      switch self {
      case .sincFastest: Int32(SRC_SINC_FASTEST)
      case .sincMedium: Int32(SRC_SINC_MEDIUM_QUALITY)
      case .sincBest: Int32(SRC_SINC_BEST_QUALITY)
      }
    }
  }

  /// Output rate divided by input rate.
  public let ratio: Double
  private let state: OpaquePointer
  private var output: [Float] = []
  private var finished = false

  /// - Parameters:
  ///   - inputRate: rate of the samples you feed in, in Hz.
  ///   - outputRate: rate you want out, in Hz. The ratio must lie within libsamplerate's 1/256…256.
  ///   - quality: converter; default `.sincFastest`.
  /// - Throws: ``SoundError/unsupportedSampleRate(_:)`` when the ratio is beyond 1/256…256.
  public init(from inputRate: Double, to outputRate: Double, quality: Quality = .sincFastest) throws
  {
    precondition(inputRate > 0 && outputRate > 0, "sample rates must be positive")
    ratio = outputRate / inputRate
    guard src_is_valid_ratio(ratio) != 0 else {
      // libsamplerate converts by at most a factor of 256 either way.
      throw SoundError.unsupportedSampleRate(outputRate)
    }
    var error: Int32 = 0
    guard let state = src_new(quality.converter, 1, &error) else {
      // src_new fails only for an unknown converter or when out of memory.
      fatalError("libsamplerate: \(String(cString: src_strerror(error)))")
    }
    self.state = state
  }

  deinit { src_delete(state) }

  /// Converts the next block; returns the samples ready so far (all of them once `endOfInput` is true).
  /// After end of input, further calls return nothing.
  public func process(_ input: [Float], endOfInput: Bool) -> [Float] {
    guard !finished else { return [] }
    // Room for this block's share plus the filter's delay line on the final flush.
    let capacity = Int((Double(input.count) * ratio).rounded(.up)) + 512
    if output.count < capacity { output = [Float](repeating: 0, count: capacity) }
    var result: [Float] = []
    result.reserveCapacity(capacity)
    var consumed = 0
    while true {
      var data = SRC_DATA()
      let produced: Int = input.withUnsafeBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
          data.data_in = inBuffer.baseAddress.map { $0 + consumed }
          data.input_frames = inBuffer.count - consumed
          data.data_out = outBuffer.baseAddress
          data.output_frames = outBuffer.count
          data.src_ratio = ratio
          data.end_of_input = endOfInput ? 1 : 0
          let status = src_process(state, &data)
          // src_process only fails for programming errors (bad ratio or pointers), which the init rules out.
          precondition(status == 0, "libsamplerate: \(String(cString: src_strerror(status)))")
          return data.output_frames_gen
        }
      }
      consumed += data.input_frames_used
      result.append(contentsOf: output[0..<produced])
      let inputLeft = input.count - consumed
      if inputLeft > 0 { continue }
      // With all input consumed, keep flushing at the end until the filter has nothing left.
      if endOfInput && produced > 0 { continue }
      break
    }
    if endOfInput { finished = true }
    return result
  }
}

import CSoxr

/// Streaming sample-rate conversion of interleaved Float frames (any channel count) through libsoxr.
///
/// Quality is libsoxr's "HQ" recipe (20-bit precision, 91 % bandwidth, linear phase), which is what
/// librosa's `load(sr=…)` uses by default (`res_type='soxr_hq'`), so analyses resampled here match
/// librosa's input closely. The renderer uses it too, for output rates above FluidSynth's 96 kHz.
///
/// Feed blocks in order; each call returns the frames ready so far. Pass `endOfInput: true` with the
/// last block (it may be empty) to flush the filter's delay; the total output is `input × ratio`
/// frames within one frame.
///
/// ```swift
/// let soxr = try SoxrResampler(from: 44100, to: 22050, channels: 2)
/// let out = soxr.process(block, endOfInput: false)
/// ```
public final class SoxrResampler {
  /// Output rate divided by input rate.
  public let ratio: Double
  /// Channels per interleaved frame.
  public let channels: Int
  private let state: soxr_t
  private var finished = false

  /// - Parameters:
  ///   - inputRate: rate of the frames you feed in, in Hz.
  ///   - outputRate: rate you want out, in Hz.
  ///   - channels: channels per interleaved frame; default 1.
  /// - Throws: ``SoundError/unsupportedSampleRate(_:)`` when libsoxr refuses the pair of rates.
  public init(from inputRate: Double, to outputRate: Double, channels: Int = 1) throws(SoundError) {
    precondition(channels >= 1, "channels must be at least 1")
    guard inputRate > 0, outputRate > 0, inputRate.isFinite, outputRate.isFinite else {
      throw .unsupportedSampleRate(outputRate)
    }
    var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
    var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
    // One thread: the caller parallelises over files, and soxr's OpenMP threads would fight it.
    var runtime = soxr_runtime_spec(1)
    var error: soxr_error_t?
    let state = soxr_create(
      inputRate, outputRate, UInt32(channels), &error, &io, &quality, &runtime)
    guard let state, error == nil else {
      if let state { soxr_delete(state) }
      throw .unsupportedSampleRate(outputRate)
    }
    self.state = state
    self.channels = channels
    ratio = outputRate / inputRate
  }

  deinit { soxr_delete(state) }

  /// Converts the next block of interleaved frames and returns the frames ready so far (all of them
  /// once `endOfInput` is true). After end of input, further calls return nothing.
  public func process(_ input: [Float], endOfInput: Bool) -> [Float] {
    input.withUnsafeBufferPointer { process($0, endOfInput: endOfInput) }
  }

  /// The same as the array version, reading the frames in place (no copy of the input).
  public func process(_ input: UnsafeBufferPointer<Float>, endOfInput: Bool) -> [Float] {
    guard !finished else { return [] }
    finished = endOfInput
    let frames = input.count / channels
    // soxr may hold back up to a filter's length; a little headroom avoids a second pass most times.
    var result: [Float] = []
    result.reserveCapacity((Int(Double(frames) * ratio) + 64) * channels)
    var consumed = 0
    while consumed < frames {
      var used = 0
      let produced = append(to: &result, room: Int(Double(frames - consumed) * ratio) + 64) {
        out, room, produced in
        soxr_process(
          state, input.baseAddress! + consumed * channels, frames - consumed, &used, out, room,
          &produced)
      }
      consumed += used
      if used == 0, produced == 0 { break }
    }
    if endOfInput {
      // A nil input tells soxr the stream has ended, so it flushes what its filter still holds.
      while true {
        let produced = append(to: &result, room: 4096) { out, room, produced in
          soxr_process(state, nil, 0, nil, out, room, &produced)
        }
        if produced == 0 { break }
      }
    }
    return result
  }

  /// Grows `result` by up to `room` frames written in place by `body`; returns the frames written.
  private func append(
    to result: inout [Float], room: Int,
    _ body: (UnsafeMutableRawPointer, Int, inout Int) -> soxr_error_t?
  ) -> Int {
    let start = result.count
    var produced = 0
    result.append(contentsOf: repeatElement(0, count: room * channels))
    result.withUnsafeMutableBufferPointer { buffer in
      _ = body(UnsafeMutableRawPointer(buffer.baseAddress! + start), room, &produced)
    }
    result.removeLast((room - produced) * channels)
    return produced
  }
}

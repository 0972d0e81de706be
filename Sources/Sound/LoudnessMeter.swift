import CEBUR128

/// EBU R128 / ITU-R BS.1770 loudness through libebur128 (K-weighting, 400 ms blocks, absolute gate at
/// −70 LUFS, relative gate at −10 LU), the one wrapper of that library in moodsketch: the renderer
/// normalises with it and `analyze` measures with it, so a normalised render reads back at its target.
/// Owns one `ebur128_state`; `deinit` frees it.
public final class LoudnessMeter {
  private let state: UnsafeMutablePointer<ebur128_state>
  public let channels: Int

  /// A meter for interleaved Float frames of `channels` channels at `sampleRate` Hz; nil if libebur128
  /// refuses the format (it takes 1–64 channels at 1 Hz–2.8 MHz, so in practice never).
  ///
  /// - Parameter measuresRange: also keep the short-term history that loudness range (LRA) needs.
  public init?(channels: Int, sampleRate: Double, measuresRange: Bool = false) {
    var mode = EBUR128_MODE_I.rawValue
    if measuresRange { mode |= EBUR128_MODE_LRA.rawValue }
    guard let state = ebur128_init(UInt32(channels), UInt(sampleRate.rounded()), Int32(mode)) else {
      return nil
    }
    self.state = state
    self.channels = channels
  }

  deinit {
    var pointer: UnsafeMutablePointer<ebur128_state>? = state
    ebur128_destroy(&pointer)
  }

  /// Adds interleaved frames (`channels` values per frame).
  public func add(_ samples: UnsafeBufferPointer<Float>) {
    let frames = samples.count / channels
    guard frames > 0, let base = samples.baseAddress else { return }
    _ = ebur128_add_frames_float(state, base, frames)
  }

  /// Adds interleaved frames (`channels` values per frame).
  public func add(_ interleaved: [Float]) {
    interleaved.withUnsafeBufferPointer { add($0) }
  }

  /// Integrated loudness in LUFS; nil for silence or anything entirely below the −70 LUFS gate.
  public var integratedLUFS: Double? {
    var value = 0.0
    guard ebur128_loudness_global(state, &value) == Int32(EBUR128_SUCCESS.rawValue), value.isFinite
    else { return nil }
    return value
  }

  /// Loudness range in LU; nil unless created with `measuresRange` or when it cannot be measured.
  public var rangeLU: Double? {
    var value = 0.0
    guard ebur128_loudness_range(state, &value) == Int32(EBUR128_SUCCESS.rawValue), value.isFinite
    else { return nil }
    return value
  }
}

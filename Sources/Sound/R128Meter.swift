import CEBUR128

/// EBU R128 / ITU-R BS.1770 integrated loudness through libebur128 (K-weighting, 400 ms blocks,
/// absolute gate at −70 LUFS and relative gate at −10 LU), the same library `moodsketch analyze` measures
/// with, so a normalised render reads back at its target. Owns one `ebur128_state`; `deinit` frees it.
final class R128Meter {
  private let state: UnsafeMutablePointer<ebur128_state>
  let channels: Int

  /// A meter for interleaved Float frames of `channels` channels at `sampleRate` Hz; nil if libebur128
  /// refuses the format (it takes 1–64 channels at 1 Hz–2.8 MHz, so in practice never).
  init?(channels: Int, sampleRate: Double) {
    guard
      let state = ebur128_init(
        UInt32(channels), UInt(sampleRate.rounded()), Int32(EBUR128_MODE_I.rawValue))
    else { return nil }
    self.state = state
    self.channels = channels
  }

  deinit {
    var pointer: UnsafeMutablePointer<ebur128_state>? = state
    ebur128_destroy(&pointer)
  }

  /// Adds interleaved frames (`channels` values per frame).
  func add(_ interleaved: [Float]) {
    let frames = interleaved.count / channels
    guard frames > 0 else { return }
    interleaved.withUnsafeBufferPointer { buffer in
      _ = ebur128_add_frames_float(state, buffer.baseAddress, frames)
    }
  }

  /// Integrated loudness in LUFS; nil for silence or anything entirely below the −70 LUFS gate.
  var integratedLUFS: Double? {
    var value = 0.0
    guard ebur128_loudness_global(state, &value) == Int32(EBUR128_SUCCESS.rawValue),
      value.isFinite
    else { return nil }
    return value
  }
}

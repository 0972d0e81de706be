import CEBUR128
import Foundation

/// EBU R128 integrated loudness and loudness range through libebur128. Owns one `ebur128_state`.
final class LoudnessMeter {
  private let state: UnsafeMutablePointer<ebur128_state>
  let channels: Int

  /// A meter for interleaved Float samples with `channels` channels at `sampleRate` Hz.
  init?(channels: Int, sampleRate: Int) {
    let mode = Int32(EBUR128_MODE_I.rawValue | EBUR128_MODE_LRA.rawValue)
    guard let state = ebur128_init(UInt32(channels), UInt(sampleRate), mode) else { return nil }
    self.state = state
    self.channels = channels
  }

  deinit {
    var pointer: UnsafeMutablePointer<ebur128_state>? = state
    ebur128_destroy(&pointer)
  }

  /// Adds interleaved frames.
  func add(_ samples: UnsafeBufferPointer<Float>) {
    guard let base = samples.baseAddress, samples.count >= channels else { return }
    ebur128_add_frames_float(state, base, samples.count / channels)
  }

  /// Integrated loudness in LUFS; nil when everything was below the absolute gate (-70 LUFS) or silent.
  var integratedLUFS: Double? {
    var value = 0.0
    guard ebur128_loudness_global(state, &value) == Int32(EBUR128_SUCCESS.rawValue), value.isFinite
    else { return nil }
    return value
  }

  /// Loudness range in LU; nil when it cannot be measured.
  var rangeLU: Double? {
    var value = 0.0
    guard ebur128_loudness_range(state, &value) == Int32(EBUR128_SUCCESS.rawValue), value.isFinite
    else { return nil }
    return value
  }
}

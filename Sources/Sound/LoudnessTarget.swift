import Foundation

/// Where ``Renderer`` puts a render's level: an integrated loudness to aim for and a peak it never crosses.
///
/// The render is scaled by one constant gain (no compression or limiting, so the dynamics stay as
/// FluidSynth played them): the gain that brings its integrated loudness (EBU R128, measured with
/// ``LoudnessMeter``) to ``targetLUFS``, lowered if needed so that the highest sample lands at or below
/// ``peakCeilingDBFS``. Very dynamic material therefore ends up quieter than the target rather than
/// clipped; the ``RenderReport`` says where it landed.
///
/// The ceiling applies to sample peaks, not oversampled true peaks: between samples a waveform can
/// overshoot by a fraction of a dB, which the default 1 dB of headroom absorbs.
///
/// ```swift
/// let report = try renderer.render(score, to: "sketch.wav", loudness: .demo)
/// print(report.loudnessLUFS ?? -70)   // ≈ −16
/// ```
public struct LoudnessTarget: Sendable, Hashable, Codable {
  /// Integrated loudness to reach, in LUFS; default −16 (a demo level a little under streaming's −14).
  public var targetLUFS: Double
  /// Highest sample allowed after scaling, in dBFS; default −1.
  public var peakCeilingDBFS: Double

  /// Loudness targets ``Renderer`` accepts, in LUFS.
  public static let targetRange: ClosedRange<Double> = -60 ... -5
  /// Peak ceilings ``Renderer`` accepts, in dBFS.
  public static let ceilingRange: ClosedRange<Double> = -30...0

  public init(targetLUFS: Double = -16, peakCeilingDBFS: Double = -1) {
    self.targetLUFS = targetLUFS
    self.peakCeilingDBFS = peakCeilingDBFS
  }

  /// −16 LUFS with peaks at most −1 dBFS: what `moodsketch sketch` renders at.
  public static let demo = LoudnessTarget()

  /// The linear factor to multiply a render by, given what it measured.
  ///
  /// - Parameters:
  ///   - measuredLUFS: the render's integrated loudness; nil when it is silent or below the −70 LUFS
  ///     gate, and then the render is left as it is (scaling up FluidSynth's reverb noise floor helps nobody).
  ///   - peak: the render's highest absolute sample (linear, 1 = full scale).
  func scale(measuredLUFS: Double?, peak: Float) -> Double {
    guard peak > 0, let measuredLUFS else { return 1 }
    let toTarget = pow(10, (targetLUFS - measuredLUFS) / 20)
    // A hair under the ceiling, so rounding to 16-bit integers cannot lift a peak onto it.
    let toCeiling = pow(10, peakCeilingDBFS / 20) * 0.9995 / Double(peak)
    let factor = min(toTarget, toCeiling)
    return factor.isFinite ? factor : 1
  }
}

import Foundation

/// Estimates how far a recording's tuning sits from A4 = 440 Hz, in fractions of a semitone in
/// [-0.5, 0.5), as `librosa.estimate_tuning(S=power, sr, n_fft)` does (the estimate behind librosa's
/// default `chroma_stft(tuning=None)`), but in one streaming pass with flat memory.
///
/// librosa picks spectral peaks per frame (`piptrack`: local maxima between 150 and 4000 Hz above a
/// tenth of the frame's maximum, refined by parabolic interpolation), keeps the peaks at least as
/// strong as the median peak of the whole track, and returns the most common deviation of their
/// frequencies from the equal-tempered grid in 0.01-semitone bins. The median of the whole track is
/// not known until the end, so each peak is counted in a two-dimensional histogram of (peak strength
/// in 1/16-octave steps of power, deviation bin); at the end the median's strength bin is found from
/// the marginal counts and the deviations of the peaks at or above it are summed. The only difference
/// from librosa is that peaks within 1/16 octave (0.19 dB) below the exact median also count.
///
/// A recording tuned 45 cents sharp otherwise reads as a mixture of two neighbouring keys, which is
/// exactly where key finders flip between, say, C# major and D minor.
final class TuningEstimator {
  /// Deviation bins of 0.01 semitone from -0.5 (librosa's `resolution=0.01`).
  static let deviationBins = 100
  /// Strength bins per octave of power, and the range of log2(power) covered.
  static let strengthStepsPerOctave = 16.0
  static let minimumLog2Power = -110.0
  static let strengthBins = 2600

  private let sampleRate: Double
  private let nFFT: Int
  private let lowBin: Int
  private let highBin: Int
  /// strengthBins × deviationBins peak counts, row = strength bin.
  private var counts: [UInt32]
  private(set) var peakCount = 0

  init(sampleRate: Int, nFFT: Int, minimumHz: Double = 150, maximumHz: Double = 4000) {
    self.sampleRate = Double(sampleRate)
    self.nFFT = nFFT
    let binHz = Double(sampleRate) / Double(nFFT)
    let nBins = nFFT / 2 + 1
    // librosa's mask: fmin <= f < fmax (fmax capped at Nyquist); the last bin has no right neighbour.
    lowBin = max(1, Int((minimumHz / binHz).rounded(.up)))
    let top = min(maximumHz, Double(sampleRate) / 2)
    var high = Int((top / binHz).rounded(.up))
    if Double(high) * binHz < top { high += 1 }
    highBin = min(nBins - 1, high)
    counts = [UInt32](repeating: 0, count: Self.strengthBins * Self.deviationBins)
  }

  /// Counts the peaks of one frame's power spectrum (`nFFT / 2 + 1` bins, |X|² as librosa's chroma uses).
  func add(power: UnsafeBufferPointer<Float>) {
    let s = power.baseAddress!
    let top = VectorMath.maximum(s, power.count)
    let reference = 0.1 * top
    guard reference > 0 else { return }
    let binHz = sampleRate / Double(nFFT)
    counts.withUnsafeMutableBufferPointer { table in
      for k in lowBin..<highBin {
        let centre = s[k]
        // librosa.util.localmax on S·(S > ref): above the threshold, above the left neighbour (masked)
        // and not below the right one (masked).
        guard centre > reference else { continue }
        let left = s[k - 1]
        let right = s[k + 1]
        guard centre > (left > reference ? left : 0), centre >= (right > reference ? right : 0)
        else { continue }
        // Parabolic interpolation (librosa's _pi_stencil) and the magnitude correction dskew.
        let a = Double(right) + Double(left) - 2 * Double(centre)
        let b = (Double(right) - Double(left)) / 2
        let shift = abs(b) >= abs(a) ? 0 : -b / a
        let strength = Double(centre) + 0.5 * b * shift
        let frequency = (Double(k) + shift) * binHz
        guard frequency > 0, strength > 0 else { continue }
        var deviation = (12 * log2(frequency / (440.0 / 16))).truncatingRemainder(dividingBy: 1)
        if deviation < 0 { deviation += 1 }
        if deviation >= 0.5 { deviation -= 1 }
        let column = min(
          Self.deviationBins - 1, max(0, Int(((deviation + 0.5) * 100).rounded(.down))))
        let row = min(
          Self.strengthBins - 1,
          max(
            0,
            Int(
              ((log2(strength) - Self.minimumLog2Power) * Self.strengthStepsPerOctave).rounded(
                .down))))
        table[row * Self.deviationBins + column] += 1
        peakCount += 1
      }
    }
  }

  /// The tuning in semitones (a multiple of 0.01 in [-0.5, 0.5)); 0 when no peaks were seen.
  func estimate() -> Double {
    guard peakCount > 0 else { return 0 }
    // The strength bin holding the median peak.
    let half = (peakCount + 1) / 2
    var seen = 0
    var medianRow = 0
    for row in 0..<Self.strengthBins {
      for column in 0..<Self.deviationBins {
        seen += Int(counts[row * Self.deviationBins + column])
      }
      if seen >= half {
        medianRow = row
        break
      }
    }
    var histogram = [Int](repeating: 0, count: Self.deviationBins)
    for row in medianRow..<Self.strengthBins {
      for column in 0..<Self.deviationBins {
        histogram[column] += Int(counts[row * Self.deviationBins + column])
      }
    }
    // np.argmax: the first of equal maxima; the estimate is that bin's left edge.
    var best = 0
    for column in 1..<Self.deviationBins where histogram[column] > histogram[best] { best = column }
    return (Double(best) - 50) / 100
  }
}

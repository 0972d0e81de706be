import Foundation

/// Weighs spectral peaks by how far they stand below the frame's smoothed spectral envelope rather than
/// by their raw magnitude, in the manner of Gómez's HPCP front end (Gómez 2006, "Tonal description of
/// music audio signals", §3.2; Essentia's `SpectralWhitening`, after Röbel & Rodet 2005).
///
/// Why: with raw magnitudes the loud low register rules the pitch-class profile. A bass line and the
/// low partials of a distorted guitar put most of a rock mix's peak energy on the fifth of the chord
/// being played, so B minor (i–VI–VII–III, melody on B) measured F♯ as its strongest class and was
/// named D major. Whitened, every peak that reaches the envelope counts alike, whatever its register;
/// a falling tilt of 5 dB per kHz keeps upper partials from outvoting the notes. Planned key heard in
/// the renders of 88 dark, intense sketches (Benchmarks/mood/sketch_renders.sh with their prompts):
/// 57 → 67; on the 16 Debian tracks of Benchmarks/analysis three mode calls changed, each to the one
/// librosa makes and away from Essentia's (the two disagree on all three).
struct SpectralWhitening {
  /// Envelope points every 100 Hz, as in Gómez's implementation.
  static let stepHz = 100.0
  /// Peaks more than this far below the envelope are not tones of their own (side lobes, noise).
  static let depthDB = 30.0
  /// The tilt that favours fundamentals over upper partials (dB per Hz).
  static let tiltDBPerHz = 20.0 / 4000.0

  /// Envelope in power dB at 0, 100, 200 … Hz, for the frame being weighed; NaN until needed.
  private var envelopeDB: [Double]
  /// Per envelope point, the first bin of its band and where its taper starts in `tapers`, computed
  /// once (the taper does not change).
  private let bandFirstBin: [Int]
  private let taperStart: [Int]
  /// Every point's taper, one after the other (`taperStart[p]` … `taperStart[p + 1]`).
  private let tapers: [Float]

  init(binHz: Double, highestHz: Double, binCount: Int) {
    let points = Int(highestHz / Self.stepHz) + 2
    envelopeDB = [Double](repeating: .nan, count: points)
    var firstBins: [Int] = []
    var starts: [Int] = []
    var all: [Float] = []
    for p in 0..<points {
      let hz = Double(p) * Self.stepHz
      let low = max(0, Int(((hz - max(50, hz * 0.34)) / binHz).rounded()))
      let high = min(binCount, max(low + 1, Int(((hz + max(50, hz * 0.58)) / binHz).rounded())))
      let centre = Double(low + high) / 2
      let half = max(Double(high) - centre, 0.5)
      firstBins.append(low)
      starts.append(all.count)
      for k in low..<high {
        let w = max(0, 1 - abs(Double(k) - centre) / half)
        all.append(Float(w * w * w * w))
      }
    }
    starts.append(all.count)
    bandFirstBin = firstBins
    taperStart = starts
    tapers = all
  }

  /// Weighs the peaks of one frame against its magnitude spectrum `x` (`count` bins, as at init):
  /// `body` gets a function from a peak's frequency and magnitude to its weight, 0 … 1.
  ///
  /// The envelope at a step is the power-weighted mean power over a band from a third below to 58 %
  /// above it (at least 50 Hz either side), tapered to its edges, so that it rides on the peaks rather
  /// than between them. Steps are computed only where a peak needs them: the wide upper bands are most
  /// of the cost (without this, the envelope took 15 % of `analyze`), and few peaks sit there.
  mutating func weighing<Result>(
    magnitude x: UnsafePointer<Float>, count: Int,
    _ body: (_ weight: (_ hz: Double, _ magnitude: Double) -> Double) -> Result
  ) -> Result {
    for p in envelopeDB.indices { envelopeDB[p] = .nan }
    return tapers.withUnsafeBufferPointer { taper in
      envelopeDB.withUnsafeMutableBufferPointer { envelope in
        func point(_ p: Int) -> Double {
          if !envelope[p].isNaN { return envelope[p] }
          let first = bandFirstBin[p]
          let start = taperStart[p]
          let length = min(taperStart[p + 1] - start, count - first)
          let (weighted, total) = VectorMath.weightedPowerSums(
            magnitude: x + first, weights: taper.baseAddress! + start, max(0, length))
          let mean = total > 0 ? Double(weighted) / Double(total) : 0
          envelope[p] = 10 * log10(max(mean, 1e-20))
          return envelope[p]
        }
        return body { hz, magnitude in
          let position = min(hz / Self.stepHz, Double(envelope.count - 1))
          let i = min(Int(position), envelope.count - 2)
          let t = position - Double(i)
          let level = point(i) * (1 - t) + point(i + 1) * t
          let belowDB = 20 * log10(max(magnitude, 1e-20)) - level
          guard belowDB > -Self.depthDB else { return 0 }
          return pow(10, (min(0, belowDB) - Self.tiltDBPerHz * hz) / 20)
        }
      }
    }
  }
}

import Foundation

/// Filter matrices with librosa's exact definitions, so our mel, MFCC and chroma agree with librosa's.
enum Filterbanks {
  /// Slaney's mel scale (librosa `hz_to_mel(htk=False)`): linear below 1 kHz, logarithmic above.
  static func hzToMel(_ hz: Double) -> Double {
    let fSp = 200.0 / 3
    let minLogHz = 1000.0
    let minLogMel = minLogHz / fSp
    let logStep = log(6.4) / 27
    return hz >= minLogHz ? minLogMel + log(hz / minLogHz) / logStep : hz / fSp
  }

  static func melToHz(_ mel: Double) -> Double {
    let fSp = 200.0 / 3
    let minLogHz = 1000.0
    let minLogMel = minLogHz / fSp
    let logStep = log(6.4) / 27
    return mel >= minLogMel ? minLogHz * exp(logStep * (mel - minLogMel)) : fSp * mel
  }

  /// One triangular band: weights for consecutive FFT bins starting at `start`.
  struct Band {
    var start: Int
    var weights: [Float]
  }

  /// librosa.filters.mel(sr, n_fft, n_mels, fmin=0, fmax=sr/2, htk=False, norm='slaney'), stored sparsely.
  static func mel(sampleRate: Int, nFFT: Int, nMels: Int) -> [Band] {
    let nBins = nFFT / 2 + 1
    let fftFreqs = (0..<nBins).map { Double($0) * Double(sampleRate) / Double(nFFT) }
    let minMel = hzToMel(0)
    let maxMel = hzToMel(Double(sampleRate) / 2)
    let melF = (0..<(nMels + 2)).map {
      melToHz(minMel + (maxMel - minMel) * Double($0) / Double(nMels + 1))
    }
    var bands: [Band] = []
    for i in 0..<nMels {
      let enorm = 2 / (melF[i + 2] - melF[i])
      var weights = [Float](repeating: 0, count: nBins)
      for k in 0..<nBins {
        let lower = (fftFreqs[k] - melF[i]) / (melF[i + 1] - melF[i])
        let upper = (melF[i + 2] - fftFreqs[k]) / (melF[i + 2] - melF[i + 1])
        weights[k] = Float(max(0, min(lower, upper)) * enorm)
      }
      let first = weights.firstIndex(where: { $0 > 0 }) ?? 0
      let last = weights.lastIndex(where: { $0 > 0 }) ?? -1
      bands.append(Band(start: first, weights: last >= first ? Array(weights[first...last]) : []))
    }
    return bands
  }

  /// librosa.filters.chroma(sr, n_fft, tuning=0, n_chroma=12, ctroct=5, octwidth=2, norm=2, base_c=True):
  /// rows are pitch classes C…B, columns FFT bins; Gaussian bumps per semitone, weighted towards C5.
  static func chroma(sampleRate: Int, nFFT: Int, tuning: Double = 0) -> [[Float]] {
    let nChroma = 12.0
    let a440 = 440.0 * pow(2.0, tuning / nChroma)
    var frqBins = (1..<nFFT).map {
      nChroma * log2(Double($0) * Double(sampleRate) / Double(nFFT) / (a440 / 16))
    }
    // librosa makes up the 0 Hz bin as 1.5 octaves below bin 1.
    frqBins.insert(frqBins[0] - 1.5 * nChroma, at: 0)
    var binWidths = (0..<nFFT).map { k in k + 1 < nFFT ? max(frqBins[k + 1] - frqBins[k], 1) : 1 }
    binWidths[nFFT - 1] = 1
    var weights = [[Double]](repeating: [Double](repeating: 0, count: nFFT), count: 12)
    let half = (nChroma / 2).rounded()
    for k in 0..<nFFT {
      var column = [Double](repeating: 0, count: 12)
      for c in 0..<12 {
        var d = frqBins[k] - Double(c)
        d = (d + half + 10 * nChroma).truncatingRemainder(dividingBy: nChroma)
        if d < 0 { d += nChroma }
        d -= half
        column[c] = exp(-0.5 * pow(2 * d / binWidths[k], 2))
      }
      let norm = column.map { $0 * $0 }.reduce(0, +).squareRoot()
      let octaveWeight = exp(-0.5 * pow((frqBins[k] / nChroma - 5) / 2, 2))
      for c in 0..<12 { weights[c][k] = (norm > 0 ? column[c] / norm : column[c]) * octaveWeight }
    }
    // base_c: roll so that row 0 is C rather than A.
    let rolled = (0..<12).map { weights[($0 + 3) % 12] }
    return rolled.map { row in row[0...(nFFT / 2)].map { Float($0) } }
  }

  /// Orthonormal DCT-II matrix (scipy `dct(type=2, norm='ortho')`), `nOut` × `nIn`.
  static func dct(nOut: Int, nIn: Int) -> [[Float]] {
    (0..<nOut).map { k in
      let scale = k == 0 ? (1 / Double(nIn)).squareRoot() : (2 / Double(nIn)).squareRoot()
      return (0..<nIn).map { n in
        Float(scale * cos(Double.pi * Double(k) * (2 * Double(n) + 1) / (2 * Double(nIn))))
      }
    }
  }

  /// Periodic Hann window (scipy `get_window('hann', n, fftbins=True)`, librosa's default).
  static func hann(_ n: Int) -> [Float] {
    (0..<n).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(n))) }
  }
}

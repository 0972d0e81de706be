import Foundation

/// Pitch-class energy from the spectral *peaks* of one frame, in the manner of Gómez's harmonic pitch
/// class profile (HPCP; Gómez 2006, "Tonal description of music audio signals", as in Essentia's
/// `SpectralPeaks` + `HPCP`).
///
/// Why not the chroma filterbank alone: librosa's `chroma_stft` folds every bin of the power spectrum
/// into a pitch class, so drums, distorted guitars and noise spread energy over all twelve and the
/// profile flattens (a rock sketch in A minor measured 0.26–0.58 on every class, and key-finding named
/// D major). Only local maxima that stand out from their neighbourhood are tones; each adds its depth
/// against the frame's spectral envelope (``SpectralWhitening``: not its raw magnitude, so that the loud
/// low register does not rule) to the pitch class it is nearest, with a squared-cosine weight one
/// semitone wide.
///
/// The profile is kept on a 36-bin grid (thirds of a semitone, bin 0 centred on C at A440), so that the
/// track's tuning, known only at the end, can be applied afterwards by ``folded(_:tuning:)``.
final class PeakPitchClasses {
  static let bins = 36
  /// Tones outside this band carry little pitch information at a 2048-sample frame: below, the bins are
  /// wider than a semitone; above, mostly upper partials and cymbals.
  static let lowestHz = 80.0
  static let highestHz = 5000.0
  /// A peak must exceed the mean magnitude of the bins around it by this factor (broadband noise and
  /// drum hits lift the mean with the peak and do not pass); what it then adds is weighed by
  /// ``SpectralWhitening``. On the 44 sketch renders of Benchmarks/mood/sketch_renders.sh (before
  /// whitening), 1.5 named the planned key for 31 (the MIDI itself: 30), 2 for 29, 3 for 25, 5 for 17.
  static let prominence: Float = 1.5
  /// Neighbourhood of that mean, in bins on either side.
  static let neighbourhood = 12
  /// Peaks more than this far below the frame's loudest peak are left out (dB).
  static let floorDB: Float = 60

  /// Register counts tones up to C7: above, spectral peaks are mostly partials and cymbals.
  static let registerHighestHz = 2000.0
  /// Partials that fold onto another pitch class than their fundamental's.
  static let partials = [3, 5, 6, 7]

  /// Salience-weighted pitch height of the tonal peaks: each peak weighs its magnitude relative to its
  /// frame's loudest, so every audible tone counts, as every note does in a score.
  struct Register {
    var pitchSum = 0.0
    var weight = 0.0
    /// Mean pitch as a MIDI note number; nil without tonal peaks.
    var meanPitch: Double? { weight > 0 ? pitchSum / weight : nil }
  }

  /// Answers "is there a peak within 3 % (half a semitone) of `hz / h`?" for the peaks of one frame,
  /// sorted by frequency, asked in rising order of `hz` for each divisor `h` (2…8): one cursor per
  /// divisor only moves forward, so a frame's questions cost about one step per peak and divisor
  /// instead of a binary search each. The peak found is always below `hz` itself.
  private struct SubharmonicCursor {
    /// Cursor per divisor, indexed by the divisor (0 and 1 unused).
    var next: [Int] = Array(repeating: 0, count: 9)

    mutating func hasPeak(
      near hz: Double, divisor h: Int,
      in peaks: UnsafeBufferPointer<(hz: Double, magnitude: Double)>
    ) -> Bool {
      let target = hz / Double(h)
      let low = target * 0.97
      var i = next[h]
      while i < peaks.count, peaks[i].hz < low { i += 1 }
      next[h] = i
      return i < peaks.count && peaks[i].hz <= target * 1.03
    }
  }

  private let firstBin: Int
  private let lastBin: Int
  private let binHz: Double
  /// What each tone adds to the profile: its depth against the frame's envelope, not its magnitude.
  private var whitening: SpectralWhitening
  /// Scratch kept between frames (taken out and put back, so no frame allocates).
  private var peakScratch: [(hz: Double, magnitude: Double)] = []
  private var frameScratch = [Double](repeating: 0, count: PeakPitchClasses.bins)
  private var prefixScratch: [Double] = []

  init(sampleRate: Int, nFFT: Int) {
    binHz = Double(sampleRate) / Double(nFFT)
    firstBin = max(2, Int((Self.lowestHz / binHz).rounded(.down)))
    lastBin = min(nFFT / 2 - 2, Int((Self.highestHz / binHz).rounded(.up)))
    whitening = SpectralWhitening(binHz: binHz, highestHz: Self.highestHz, binCount: nFFT / 2 + 1)
  }

  /// Adds this frame's peaks to `profile` (36 values), scaled so the frame's loudest bin gets `weight`.
  /// Returns false when the frame has no tonal peak.
  @discardableResult
  func accumulate(
    magnitude: UnsafeBufferPointer<Float>, weight: Double, into profile: inout [Double],
    register: inout Register
  ) -> Bool {
    guard lastBin > firstBin + 2, magnitude.count > lastBin + 1 else { return false }
    var frame = frameScratch
    var peaks = peakScratch
    frameScratch = []
    peakScratch = []
    defer {
      frame.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
      peaks.removeAll(keepingCapacity: true)
      frameScratch = frame
      peakScratch = peaks
    }
    // Raw pointer reads: this loop visits ~460 bins per frame, 43 frames a second.
    guard let x = magnitude.baseAddress else { return false }
    let loudest = VectorMath.maximum(x + firstBin, lastBin - firstBin + 1)
    guard loudest > 0 else { return false }
    let floor = loudest * pow(10, -Self.floorDB / 20)
    // Local means from prefix sums over the neighbourhood's reach, then candidates (local maxima above
    // the floor) found eight bins at a time: most bins are not maxima, and a vector compare rejects
    // them without a branch each.
    let n = Self.neighbourhood
    let start = max(0, firstBin - n)
    let end = min(magnitude.count - 1, lastBin + n)
    var prefix = prefixScratch
    prefixScratch = []
    defer { prefixScratch = prefix }
    if prefix.count < end - start + 2 {
      prefix = [Double](repeating: 0, count: end - start + 2)
    }
    prefix.withUnsafeMutableBufferPointer { sums in
      var running = 0.0
      sums[0] = 0
      for i in 0...(end - start) {
        running += Double(x[start + i])
        sums[i + 1] = running
      }
    }
    func consider(_ k: Int) {
      let m = x[k]
      let low = max(start, k - n)
      let high = min(end, k + n)
      let localMean = (prefix[high - start + 1] - prefix[low - start]) / Double(high - low + 1)
      guard Double(m) > Double(Self.prominence) * localMean else { return }
      addPeak(k)
    }
    func addPeak(_ k: Int) {
      let m = x[k]
      // Parabolic interpolation on the log magnitudes gives the peak's frequency between bins.
      let a = logf(max(x[k - 1], 1e-12))
      let b = logf(m)
      let c = logf(max(x[k + 1], 1e-12))
      let denominator = a - 2 * b + c
      let offset = denominator == 0 ? 0 : max(-0.5, min(0.5, 0.5 * (a - c) / denominator))
      peaks.append((hz: (Double(k) + Double(offset)) * binHz, magnitude: Double(m)))
    }
    let floors = SIMD8<Float>(repeating: floor)
    let raw = UnsafeRawPointer(x)
    // The prominence test eight bins at a time where every lane's neighbourhood is whole: the same
    // operations in the same order as `consider`, so the same peaks pass.
    let prominence = SIMD8<Double>(repeating: Double(Self.prominence))
    let width = SIMD8<Double>(repeating: Double(2 * n + 1))
    var k = firstBin
    while k + 8 <= lastBin + 1 {
      // Three unaligned loads (firstBin ≥ 2 and lastBin + 2 < count keep them inside the spectrum).
      let centre = raw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
      let left = raw.loadUnaligned(fromByteOffset: (k - 1) * 4, as: SIMD8<Float>.self)
      let right = raw.loadUnaligned(fromByteOffset: (k + 1) * 4, as: SIMD8<Float>.self)
      let candidates = (centre .> floors) .& (centre .> left) .& (centre .>= right)
      if any(candidates) {
        var mask = VectorMath.bits(candidates)
        let whole = k - n >= start && k + 7 + n <= end
        if whole {
          let sums = prefix.withUnsafeBufferPointer { p -> SIMD8<Double> in
            let base = UnsafeRawPointer(p.baseAddress!)
            let upper = base.loadUnaligned(
              fromByteOffset: (k + n + 1 - start) * 8, as: SIMD8<Double>.self)
            let lower = base.loadUnaligned(
              fromByteOffset: (k - n - start) * 8, as: SIMD8<Double>.self)
            return upper - lower
          }
          let prominent = SIMD8<Double>(centre) .> prominence * (sums / width)
          mask &= VectorMath.bits(prominent)
        }
        while mask != 0 {
          let lane = Int(mask.trailingZeroBitCount)
          if whole { addPeak(k + lane) } else { consider(k + lane) }
          mask &= mask - 1
        }
      }
      k += 8
    }
    while k <= lastBin {
      if x[k] > floor, x[k] > x[k - 1], x[k] >= x[k + 1] { consider(k) }
      k += 1
    }
    // A peak at 3, 5, 6 or 7 times the frequency of another peak is most likely that tone's partial,
    // not a note of its own: folded to pitch classes, the 3rd partial adds a fifth and the 5th a major
    // third, so a minor chord on a bright or distorted instrument would read as major. Octave partials
    // (2, 4, 8) fold onto the fundamental's own class and may stay.
    var cursor = SubharmonicCursor()
    whitening.weighing(magnitude: x, count: magnitude.count) { weight in
      peaks.withUnsafeBufferPointer { sorted in
        for peak in sorted {
          var isPartial = false
          for h in Self.partials where cursor.hasPeak(near: peak.hz, divisor: h, in: sorted) {
            isPartial = true
            break
          }
          guard !isPartial else { continue }
          let pitch = 69 + 12 * log2(peak.hz / 440)
          add(
            pitch: pitch, magnitude: weight(peak.hz, peak.magnitude), to: &frame)
          // Pitch height counts fundamentals only: octave partials would lift it by an octave or two.
          guard peak.hz <= Self.registerHighestHz else { continue }
          var isOvertone = false
          for h in 2...8 where cursor.hasPeak(near: peak.hz, divisor: h, in: sorted) {
            isOvertone = true
            break
          }
          guard !isOvertone else { continue }
          let relative = peak.magnitude / Double(loudest)
          register.weight += relative
          register.pitchSum += relative * pitch
        }
      }
    }
    let top = frame.max() ?? 0
    guard top > 0 else { return false }
    let scale = weight / top
    for i in 0..<Self.bins { profile[i] += frame[i] * scale }
    return true
  }

  /// Spreads one peak over the 36-bin grid with a squared-cosine window one semitone (3 bins) wide.
  private func add(pitch: Double, magnitude: Double, to frame: inout [Double]) {
    let semitonesFromC = pitch - 60  // MIDI 60 is a C
    let position = semitonesFromC * 3  // in thirds of a semitone
    let centre = Int(position.rounded())
    for bin in (centre - 1)...(centre + 1) {
      let distance = abs(Double(bin) - position) / 3  // in semitones
      guard distance < 0.5 else { continue }
      let w = cos(Double.pi * distance)
      let index = ((bin % Self.bins) + Self.bins) % Self.bins
      frame[index] += magnitude * w * w
    }
  }

  /// The 36-bin profile folded to 12 pitch classes (C = 0) at the track's tuning (semitones from A440,
  /// [-0.5, 0.5)): each pitch class takes the bins within half a semitone of its tuned centre.
  static func folded(_ profile: [Double], tuning: Double) -> [Double] {
    var out = [Double](repeating: 0, count: 12)
    for bin in 0..<bins {
      var semitone = Double(bin) / 3 - tuning
      semitone = semitone.truncatingRemainder(dividingBy: 12)
      if semitone < -0.5 { semitone += 12 }
      let pitchClass = Int(semitone.rounded()) % 12
      out[(pitchClass + 12) % 12] += profile[bin]
    }
    return out
  }
}

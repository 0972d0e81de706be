import Foundation

/// Computes every frame descriptor of one STFT frame, with librosa's definitions.
///
/// One instance per thread (it owns an ``FFTWorkspace`` and scratch buffers, so nothing is allocated per
/// frame). After ``process(_:)`` the accessors hold that frame's values. Magnitude-based descriptors
/// (centroid, bandwidth, rolloff, contrast, flux) use |X|, power-based ones (mel, chroma, flatness) |X|²,
/// as librosa's defaults do. Buffers are raw pointers because this is the inner loop of every analysis:
/// array properties of a class pay for exclusivity checks and copy-on-write on every access.
final class FrameProcessor {
  let configuration: AnalysisConfiguration
  let nBins: Int
  let nMels: Int
  let nMFCC: Int
  private let plan: FFTPlan
  private let workspace: FFTWorkspace
  private let window: UnsafeMutablePointer<Float>
  private let melStarts: [Int]
  private let melLengths: [Int]
  /// All mel band weights back to back, band i at melOffsets[i].
  private let melWeights: UnsafeMutablePointer<Float>
  private let melOffsets: [Int]
  /// 12 × nBins, row-major.
  private let chromaWeights: UnsafeMutablePointer<Float>
  /// nMFCC × nMels, row-major.
  private let dctMatrix: UnsafeMutablePointer<Float>
  private let frequencies: UnsafeMutablePointer<Float>
  /// librosa spectral_contrast bands (fmin 200 Hz, 6 octave bands + the rest): bin range and quantile count.
  private let contrastBands: [(range: Range<Int>, quantile: Int)]

  private let powerBuffer: UnsafeMutablePointer<Float>
  private let magnitudeBuffer: UnsafeMutablePointer<Float>
  private let previousMagnitude: UnsafeMutablePointer<Float>
  private let scratch: UnsafeMutablePointer<Float>
  private let melBuffer: UnsafeMutablePointer<Float>
  private var logMelBuffer: UnsafeMutablePointer<Float>
  private var previousLogMelBuffer: UnsafeMutablePointer<Float>
  private var hasPrevious = false
  private let chromaBuffer: UnsafeMutablePointer<Float>
  private let chromaEnergyBuffer: UnsafeMutablePointer<Float>
  private let contrastBuffer: UnsafeMutablePointer<Float>
  private let mfccBuffer: UnsafeMutablePointer<Float>

  private(set) var rms: Float = 0
  private(set) var zeroCrossingRate: Float = 0
  private(set) var centroid: Float = 0
  private(set) var bandwidth: Float = 0
  private(set) var rolloff: Float = 0
  private(set) var flatness: Float = 0
  private(set) var flux: Float = 0
  /// Loudest decibel mel bin of this frame.
  private(set) var maxLogMel: Float = -100

  /// Mel power spectrum (librosa.feature.melspectrogram, power 2).
  var mel: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: melBuffer, count: nMels) }
  /// 10·log10(max(1e-10, mel)), before the top_db floor.
  var logMel: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: logMelBuffer, count: nMels) }
  /// Chroma (librosa.feature.chroma_stft, tuning 0), max-normalised to 1 per frame, C first.
  var chroma: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: chromaBuffer, count: 12) }
  /// Magnitude spectrum |X| of the frame (nBins values).
  var magnitude: UnsafeBufferPointer<Float> {
    UnsafeBufferPointer(start: magnitudeBuffer, count: nBins)
  }
  /// Power spectrum |X|² of the frame (nBins values).
  var power: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: powerBuffer, count: nBins) }
  /// 1 / (largest A440 chroma energy of the frame): the factor of librosa's per-frame max normalisation.
  private(set) var chromaNormalisation: Float = 1
  /// Spectral contrast in dB for the 7 bands.
  var contrast: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: contrastBuffer, count: 7) }
  /// MFCCs from the last ``computeMFCCAndOnset(floorDB:)``.
  var mfcc: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: mfccBuffer, count: nMFCC) }

  init(configuration: AnalysisConfiguration) {
    self.configuration = configuration
    let n = configuration.nFFT
    nBins = n / 2 + 1
    nMels = configuration.nMels
    nMFCC = configuration.nMFCC
    plan = FFTPlan.forSize(n)
    workspace = FFTWorkspace(size: n)
    window = FrameProcessor.copy(Filterbanks.hann(n))
    let bands = Filterbanks.mel(
      sampleRate: configuration.sampleRate, nFFT: n, nMels: configuration.nMels)
    melStarts = bands.map(\.start)
    melLengths = bands.map(\.weights.count)
    var offsets: [Int] = []
    var total = 0
    for band in bands {
      offsets.append(total)
      total += band.weights.count
    }
    melOffsets = offsets
    melWeights = FrameProcessor.copy(bands.flatMap(\.weights) + [0])
    chromaWeights = FrameProcessor.copy(
      Filterbanks.chroma(sampleRate: configuration.sampleRate, nFFT: n).flatMap { $0 })
    dctMatrix = FrameProcessor.copy(
      Filterbanks.dct(nOut: configuration.nMFCC, nIn: configuration.nMels).flatMap { $0 })
    let freqs = (0..<(n / 2 + 1)).map {
      Float(Double($0) * Double(configuration.sampleRate) / Double(n))
    }
    frequencies = FrameProcessor.copy(freqs)
    contrastBands = FrameProcessor.contrastBands(frequencies: freqs.map(Double.init))
    func zeros(_ count: Int) -> UnsafeMutablePointer<Float> {
      let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
      p.initialize(repeating: 0, count: count)
      return p
    }
    powerBuffer = zeros(nBins)
    magnitudeBuffer = zeros(nBins)
    previousMagnitude = zeros(nBins)
    scratch = zeros(nBins)
    melBuffer = zeros(nMels)
    logMelBuffer = zeros(nMels)
    previousLogMelBuffer = zeros(nMels)
    chromaBuffer = zeros(12)
    chromaEnergyBuffer = zeros(12)
    contrastBuffer = zeros(7)
    mfccBuffer = zeros(nMFCC)
  }

  /// A heap copy of `values`, freed in deinit.
  private static func copy(_ values: [Float]) -> UnsafeMutablePointer<Float> {
    let p = UnsafeMutablePointer<Float>.allocate(capacity: max(1, values.count))
    p.initialize(from: values, count: values.count)
    return p
  }

  deinit {
    for p in [
      window, melWeights, chromaWeights, dctMatrix, frequencies, powerBuffer, magnitudeBuffer,
      previousMagnitude, scratch,
      melBuffer, logMelBuffer, previousLogMelBuffer, chromaBuffer, chromaEnergyBuffer,
      contrastBuffer, mfccBuffer,
    ] {
      p.deallocate()
    }
  }

  /// librosa.feature.spectral_contrast's band edges (n_bands 6, fmin 200 Hz, quantile 0.02).
  private static func contrastBands(frequencies: [Double]) -> [(range: Range<Int>, quantile: Int)] {
    let nBands = 6
    var octaves = [0.0]
    for i in 0...nBands { octaves.append(200 * pow(2, Double(i))) }
    var bands: [(Range<Int>, Int)] = []
    for k in 0...nBands {
      let low = octaves[k]
      let high = octaves[k + 1]
      let inBand = frequencies.indices.filter { frequencies[$0] >= low && frequencies[$0] <= high }
      guard var first = inBand.first, var last = inBand.last else {
        bands.append((0..<1, 1))
        continue
      }
      if k > 0 { first -= 1 }
      if k == nBands { last = frequencies.count - 1 }
      let count = last - first + 1
      let quantile = max(1, Int((0.02 * Double(count)).rounded(.toNearestOrEven)))
      // librosa drops the top bin of every band but the last, after counting it for the quantile.
      let upper = k < nBands ? last : last + 1
      bands.append((first..<max(first + 1, upper), quantile))
    }
    return bands
  }

  /// Analyses one frame of `nFFT` samples (unwindowed; the Hann window is applied here).
  func process(_ frame: UnsafeBufferPointer<Float>) {
    let n = configuration.nFFT
    precondition(frame.count == n)
    let x = frame.baseAddress!
    // Time-domain descriptors on the raw frame (librosa.feature.rms, zero_crossing_rate: a crossing
    // wherever the sign bit changes after values within ±1e-10 count as 0), eight samples at a time.
    let raw = UnsafeRawPointer(x)
    let belowZero = SIMD8<Float>(repeating: -1e-10)
    var squares = SIMD8<Float>()
    var changes = SIMD8<Int32>()
    var i = 1
    while i + 8 <= n {
      let here = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      let before = raw.loadUnaligned(fromByteOffset: (i - 1) * 4, as: SIMD8<Float>.self)
      squares += here * here
      changes.replace(with: changes &+ 1, where: (here .< belowZero) .^ (before .< belowZero))
      i += 8
    }
    var sumSquares = squares.sum() + x[0] * x[0]
    var crossings = Int(changes.wrappedSum())
    while i < n {
      sumSquares += x[i] * x[i]
      if (x[i] < -1e-10) != (x[i - 1] < -1e-10) { crossings += 1 }
      i += 1
    }
    rms = (sumSquares / Float(n)).squareRoot()
    zeroCrossingRate = Float(crossings) / Float(n)

    let input = workspace.input
    for i in 0..<n { input[i] = x[i] * window[i] }
    plan.forward(workspace)
    spectralShape()
    melAndChroma()
    spectralContrast()
  }

  /// Power, magnitude, centroid, bandwidth, roll-off, flatness and flux from the FFT output, four
  /// bins at a time (the complex output is read as interleaved re, im pairs).
  private func spectralShape() {
    let power = powerBuffer
    let magnitude = magnitudeBuffer
    let previous = previousMagnitude
    let output = UnsafeRawPointer(workspace.output)
    var magnitudeSums = SIMD4<Float>()
    var weightedSums = SIMD4<Float>()
    var fluxSums = SIMD4<Float>()
    var powerSums = SIMD4<Double>()
    var logPowerSums = SIMD4<Double>()
    // Flatness needs the mean log power; one log per 16 bins of each lane (of a Double product) is exact
    // enough and far cheaper than one per bin. Bins are clamped to 1e-10 and a power spectrum of samples
    // in [-1, 1] stays below 2^20, so 16 factors stay well within Double's range.
    var products = SIMD4<Double>(repeating: 1)
    let floor = SIMD4<Float>(repeating: 1e-10)
    var k = 0
    var factors = 0
    while k + 4 <= nBins {
      let pairs = output.loadUnaligned(fromByteOffset: k * 8, as: SIMD8<Float>.self)
      let re = pairs.evenHalf
      let im = pairs.oddHalf
      let p = re * re + im * im
      let m = p.squareRoot()
      UnsafeMutableRawPointer(power + k).storeBytes(of: p, as: SIMD4<Float>.self)
      UnsafeMutableRawPointer(magnitude + k).storeBytes(of: m, as: SIMD4<Float>.self)
      magnitudeSums += m
      weightedSums += m * UnsafeRawPointer(frequencies + k).loadUnaligned(as: SIMD4<Float>.self)
      let d = m - UnsafeRawPointer(previous + k).loadUnaligned(as: SIMD4<Float>.self)
      fluxSums += d * d
      UnsafeMutableRawPointer(previous + k).storeBytes(of: m, as: SIMD4<Float>.self)
      let clamped = SIMD4<Double>(p.replacing(with: floor, where: p .< floor))
      powerSums += clamped
      products *= clamped
      factors += 1
      if factors == 16 {
        for lane in 0..<4 { logPowerSums[lane] += log(products[lane]) }
        products = SIMD4<Double>(repeating: 1)
        factors = 0
      }
      k += 4
    }
    for lane in 0..<4 { logPowerSums[lane] += log(products[lane]) }
    var magnitudeSum = magnitudeSums.sum()
    var weightedFrequency = weightedSums.sum()
    var fluxSum = fluxSums.sum()
    var powerSum = powerSums.sum()
    var logPowerSum = logPowerSums.sum()
    while k < nBins {
      let (re, im) = workspace.output[k]
      let p = re * re + im * im
      let m = p.squareRoot()
      power[k] = p
      magnitude[k] = m
      magnitudeSum += m
      weightedFrequency += m * frequencies[k]
      let d = m - previous[k]
      fluxSum += d * d
      previous[k] = m
      let clamped = max(1e-10, Double(p))
      powerSum += clamped
      logPowerSum += log(clamped)
      k += 1
    }
    flux = fluxSum.squareRoot()
    flatness = Float(exp(logPowerSum / Double(nBins)) / (powerSum / Double(nBins)))
    guard magnitudeSum > 0 else {
      centroid = 0
      bandwidth = 0
      rolloff = 0
      return
    }
    let c = weightedFrequency / magnitudeSum
    centroid = c
    var spreads = SIMD4<Float>()
    let centre = SIMD4<Float>(repeating: c)
    k = 0
    while k + 4 <= nBins {
      let d = UnsafeRawPointer(frequencies + k).loadUnaligned(as: SIMD4<Float>.self) - centre
      spreads += UnsafeRawPointer(magnitude + k).loadUnaligned(as: SIMD4<Float>.self) * d * d
      k += 4
    }
    var spread = spreads.sum()
    while k < nBins {
      let d = frequencies[k] - c
      spread += magnitude[k] * d * d
      k += 1
    }
    bandwidth = (spread / magnitudeSum).squareRoot()
    // Roll-off: the first bin where the running magnitude sum reaches the threshold.
    let threshold = Float(configuration.rollPercent) * magnitudeSum
    var cumulative: Float = 0
    var rolloffBin = nBins - 1
    for k in 0..<nBins {
      cumulative += magnitude[k]
      if cumulative >= threshold {
        rolloffBin = k
        break
      }
    }
    rolloff = frequencies[rolloffBin]
  }

  private func melAndChroma() {
    let power = powerBuffer
    var top: Float = -Float.infinity
    for i in 0..<nMels {
      let weights = melWeights + melOffsets[i]
      let bins = power + melStarts[i]
      let sum = VectorMath.dot(weights, bins, melLengths[i])
      melBuffer[i] = sum
      let db = 10 * log10(max(1e-10, sum))
      logMelBuffer[i] = db
      top = max(top, db)
    }
    maxLogMel = top
    // Chroma: dense 12 × nBins product, then librosa's per-frame max normalisation.
    var chromaMax: Float = 0
    for c in 0..<12 {
      let sum = VectorMath.dot(chromaWeights + c * nBins, power, nBins)
      chromaEnergyBuffer[c] = sum
      chromaMax = max(chromaMax, sum)
    }
    let scale: Float = chromaMax > Float.leastNormalMagnitude ? 1 / chromaMax : 1
    chromaNormalisation = scale
    for c in 0..<12 { chromaBuffer[c] = chromaEnergyBuffer[c] * scale }
  }

  /// Spectral contrast: mean of the top and bottom 2 % of each octave band's magnitudes, in dB.
  /// Only a few values from each end are needed (at most 9 at the defaults), which
  /// ``extremes(_:_:_:low:high:)`` finds in two vector passes (ContrastExtremes.swift). Larger quantiles
  /// (huge FFTs) fall back to quickselect.
  private func spectralContrast() {
    for (b, band) in contrastBands.enumerated() {
      let count = band.range.count
      let q = min(band.quantile, count)
      let values = magnitudeBuffer + band.range.lowerBound
      var valley: Float = 0
      var peak: Float = 0
      if q <= FrameProcessor.maxTrackedQuantile {
        FrameProcessor.extremes(values, count, q, low: scratch, high: scratch + q)
        for j in 0..<q {
          valley += scratch[j]
          peak += scratch[q + j]
        }
      } else {
        for j in 0..<count { scratch[j] = values[j] }
        FrameProcessor.select(scratch, 0, count - 1, q - 1)
        for j in 0..<q { valley += scratch[j] }
        // The q smallest now sit at the front; the q largest lie beyond them unless the band is tiny.
        FrameProcessor.select(scratch, count - q >= q ? q : 0, count - 1, count - q)
        for j in (count - q)..<count { peak += scratch[j] }
      }
      contrastBuffer[b] =
        10 * log10(max(1e-10, peak / Float(q))) - 10 * log10(max(1e-10, valley / Float(q)))
    }
  }

  /// MFCCs (orthonormal DCT-II of the decibel mel spectrum floored at `floorDB`) and onset strength
  /// (librosa.onset.onset_strength: mean over bands of the rise in floored dB since the previous frame).
  /// Returns the onset strength; call once per frame, after ``process(_:)``.
  func computeMFCCAndOnset(floorDB: Float) -> Float {
    let logMel = logMelBuffer
    for j in 0..<nMels { scratch[j] = max(logMel[j], floorDB) }
    for i in 0..<nMFCC { mfccBuffer[i] = VectorMath.dot(dctMatrix + i * nMels, scratch, nMels) }
    var onset: Float = 0
    if hasPrevious {
      let previous = previousLogMelBuffer
      for j in 0..<nMels {
        let d = max(logMel[j], floorDB) - max(previous[j], floorDB)
        if d > 0 { onset += d }
      }
      onset /= Float(nMels)
    }
    // The current frame becomes the previous one: swap the buffers instead of copying.
    swap(&logMelBuffer, &previousLogMelBuffer)
    hasPrevious = true
    return onset
  }

  /// MFCCs of any decibel mel frame (for batch computation with librosa's whole-signal floor).
  func mfcc(ofLogMel logMelFrame: [Float], floorDB: Float) -> [Float] {
    (0..<nMFCC).map { i in
      var sum: Float = 0
      for j in 0..<nMels { sum += dctMatrix[i * nMels + j] * max(logMelFrame[j], floorDB) }
      return sum
    }
  }
}

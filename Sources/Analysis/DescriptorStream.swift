import Foundation

/// Streams audio through the frame descriptors and keeps only what the track descriptors need:
/// running mean/std of every descriptor, the onset-strength envelope (43 values per second), the
/// tuning histogram, a weighted sum of the power spectrum, the spectral-peak pitch classes that key
/// finding reads, and the peak level. The spectrogram itself
/// is never stored, so memory stays flat for a three-hour file: the onset envelope of three hours is
/// about 1.9 MB, and `analyze` peaks at 52 MB on 3 hours against 35 MB on 10 minutes
/// (Benchmarks/analysis/run.sh).
///
/// Chroma follows librosa's default `chroma_stft(tuning=None)`: the tuning is estimated from the whole
/// track, which is known only at the end. The chroma filterbank is linear in the power spectrum, so the
/// stream sums the per-frame power spectra (each divided by that frame's chroma maximum, the per-frame
/// normalisation, taken at A440) and applies the tuned filterbank once at the end: the tuned chroma means
/// and the key profile come out without a second pass. Their shape matches librosa's (r > 0.99); their
/// scale can differ on detuned audio (up to 18 % at 37 cents), because the per-frame maximum is the
/// A440 one. Chroma standard deviations are those of the A440 frames (a variance is not linear in the
/// spectrum).
final class DescriptorStream {
  let configuration: AnalysisConfiguration
  private var framer: StreamingFramer
  private let processor: FrameProcessor
  private var rmsStats = RunningStats()
  private var zcrStats = RunningStats()
  private var centroidStats = RunningStats()
  private var bandwidthStats = RunningStats()
  private var rolloffStats = RunningStats()
  private var flatnessStats = RunningStats()
  private var fluxStats = RunningStats()
  private var onsetStats = RunningStats()
  private var mfccStats: [RunningStats]
  private var chromaStats = [RunningStats](repeating: RunningStats(), count: 12)
  private var contrastStats = [RunningStats](repeating: RunningStats(), count: 7)
  /// Loudest decibel mel bin so far: librosa floors at (global max - top_db); streaming can only know
  /// the max so far, which differs only for bins that were quieter than top_db below a later peak.
  private var runningMaxDB: Float = -Float.infinity
  /// librosa.onset.onset_strength per frame (mean over mel bands of the positive dB difference).
  private(set) var onsetEnvelope: [Float] = []
  /// Σ over frames of power / (frame's chroma maximum): the tuned filterbank turns it into the
  /// chroma means.
  private var normalisedPowerSum: [Double]
  private let tuningEstimator: TuningEstimator
  /// Spectral-peak pitch classes for key finding (``PeakPitchClasses``), 36 bins, each frame weighted
  /// by its RMS so that near-silent frames (whose normalised profile is noise) count for little.
  private let peakPitchClasses: PeakPitchClasses
  private var peakProfileSum = [Double](repeating: 0, count: PeakPitchClasses.bins)
  /// This frame's peaks, before they join the sum and the recent blocks.
  private var framePeaks = [Double](repeating: 0, count: PeakPitchClasses.bins)
  private var recentPeaks: RecentProfiles
  /// Pitch height of the tonal peaks (``PeakPitchClasses/Register``).
  private(set) var register = PeakPitchClasses.Register()
  private(set) var peak: Float = 0
  private var local: LocalDescriptorAccumulator

  init(configuration: AnalysisConfiguration) {
    self.configuration = configuration
    framer = StreamingFramer(nFFT: configuration.nFFT, hopLength: configuration.hopLength)
    processor = FrameProcessor(configuration: configuration)
    mfccStats = [RunningStats](repeating: RunningStats(), count: configuration.nMFCC)
    normalisedPowerSum = [Double](repeating: 0, count: processor.nBins)
    local = LocalDescriptorAccumulator(frameRate: configuration.frameRate)
    recentPeaks = RecentProfiles(bins: PeakPitchClasses.bins, frameRate: configuration.frameRate)
    tuningEstimator = TuningEstimator(
      sampleRate: configuration.sampleRate, nFFT: configuration.nFFT)
    peakPitchClasses = PeakPitchClasses(
      sampleRate: configuration.sampleRate, nFFT: configuration.nFFT)
  }

  var sampleCount: Int { framer.sampleCount }
  var frameCount: Int { framer.frameCount }

  /// Feeds the next block of mono samples at ``AnalysisConfiguration/sampleRate``.
  func feed(_ samples: UnsafeBufferPointer<Float>) {
    // The sample peak, eight at a time (a per-sample max does not vectorise).
    var lanes = SIMD8<Float>(repeating: peak)
    var i = 0
    if let base = samples.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 8 <= samples.count {
        let x = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        let magnitude = x.replacing(with: -x, where: x .< 0)
        lanes = lanes.replacing(with: magnitude, where: magnitude .> lanes)
        i += 8
      }
    }
    var top = lanes.max()
    while i < samples.count {
      top = max(top, abs(samples[i]))
      i += 1
    }
    peak = top
    framer.append(samples) { frame in self.processFrame(frame) }
  }

  func feed(_ samples: [Float]) {
    samples.withUnsafeBufferPointer { feed($0) }
  }

  /// Flushes the last frames; call once, after the last ``feed(_:)``.
  func finish() {
    framer.finish { frame in self.processFrame(frame) }
  }

  private func processFrame(_ frame: UnsafeBufferPointer<Float>) {
    let p = processor
    p.process(frame)
    rmsStats.add(Double(p.rms))
    zcrStats.add(Double(p.zeroCrossingRate))
    centroidStats.add(Double(p.centroid))
    bandwidthStats.add(Double(p.bandwidth))
    rolloffStats.add(Double(p.rolloff))
    flatnessStats.add(Double(p.flatness))
    fluxStats.add(Double(p.flux))
    let contrast = p.contrast
    for i in 0..<7 { contrastStats[i].add(Double(contrast[i])) }
    let chroma = p.chroma
    for c in 0..<12 { chromaStats[c].add(Double(chroma[c])) }
    let power = p.power
    tuningEstimator.add(power: power)
    let inverseMaximum = Double(p.chromaNormalisation)
    normalisedPowerSum.withUnsafeMutableBufferPointer { sums in
      for k in 0..<power.count { sums[k] += Double(power[k]) * inverseMaximum }
    }
    if peakPitchClasses.accumulate(
      magnitude: p.magnitude, weight: Double(p.rms), into: &framePeaks, register: &register)
    {
      for i in 0..<framePeaks.count {
        peakProfileSum[i] += framePeaks[i]
      }
      framePeaks.withUnsafeBufferPointer { recentPeaks.add($0, rms: Double(p.rms)) }
      for i in 0..<framePeaks.count { framePeaks[i] = 0 }
    } else {
      recentPeaks.addWithoutPeaks(rms: Double(p.rms))
    }
    runningMaxDB = max(runningMaxDB, p.maxLogMel)
    let onset = p.computeMFCCAndOnset(floorDB: runningMaxDB - Float(configuration.topDB))
    let mfcc = p.mfcc
    for i in 0..<mfcc.count { mfccStats[i].add(Double(mfcc[i])) }
    local.add(mfcc: mfcc, centroid: p.centroid, rms: p.rms)
    onsetEnvelope.append(onset)
    onsetStats.add(Double(onset))
  }

  /// Block-by-block timbre, brightness and level (nil before the first frame).
  var localDescriptors: LocalDescriptors? { local.result() }

  /// The track's tuning in semitones from A440, [-0.5, 0.5) (``TuningEstimator``).
  private(set) lazy var tuning: Double = tuningEstimator.estimate()

  /// librosa's chroma filterbank at the track's tuning, 12 × nBins.
  private lazy var tunedChroma: [[Float]] = Filterbanks.chroma(
    sampleRate: configuration.sampleRate, nFFT: configuration.nFFT, tuning: tuning)

  private func applyTunedChroma(_ sums: [Double]) -> [Double] {
    tunedChroma.map { row in
      var total = 0.0
      for k in 0..<sums.count { total += Double(row[k]) * sums[k] }
      return total
    }
  }

  /// Pitch-class profile from spectral peaks (C = 0), at the track's tuning: what key-finding reads.
  var peakProfile: [Double] {
    PeakPitchClasses.folded(peakProfileSum, tuning: tuning)
  }

  /// The frame after the last audible one (``RecentProfiles/audibleEnd()``).
  var audibleEndFrame: Int { recentPeaks.audibleEnd() }

  /// The same for the last two seconds of music: the final sonority that settles near-ties between keys.
  var endingPeakProfile: [Double] {
    PeakPitchClasses.folded(recentPeaks.ending(), tuning: tuning)
  }

  /// Summary statistics under `<name>_mean` / `<name>_std` (the names ``Features/vectorLayout`` uses),
  /// and `tuning_semitones`.
  func summary() -> [String: Double] {
    var out: [String: Double] = [:]
    let named = [
      ("rms", rmsStats), ("zero_crossing_rate", zcrStats), ("spectral_centroid_hz", centroidStats),
      ("spectral_bandwidth_hz", bandwidthStats), ("spectral_rolloff_hz", rolloffStats),
      ("spectral_flatness", flatnessStats), ("spectral_flux", fluxStats),
      ("onset_strength", onsetStats),
    ]
    for (name, s) in named {
      out["\(name)_mean"] = s.mean
      out["\(name)_std"] = s.std
    }
    for (i, s) in mfccStats.enumerated() {
      out["mfcc_\(i)_mean"] = s.mean
      out["mfcc_\(i)_std"] = s.std
    }
    let frames = Double(max(1, frameCount))
    for (i, mean) in applyTunedChroma(normalisedPowerSum).enumerated() {
      out["chroma_\(i)_mean"] = mean / frames
      out["chroma_\(i)_std"] = chromaStats[i].std
    }
    out["tuning_semitones"] = tuning
    for (i, s) in contrastStats.enumerated() {
      out["spectral_contrast_\(i)_mean"] = s.mean
      out["spectral_contrast_\(i)_std"] = s.std
    }
    return out
  }
}

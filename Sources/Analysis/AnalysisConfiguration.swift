/// Parameters of the analysis, named and defaulted like librosa's.
///
/// The defaults match librosa: `sampleRate` 22050 Hz, `nFFT` 2048 samples (93 ms at 22050 Hz),
/// `hopLength` 512 samples (23 ms, 43 frames per second), `nMels` 128 Slaney-scaled bands
/// (`htk=False`, `norm='slaney'`), `nMFCC` 20, `topDB` 80 dB, `rollPercent` 0.85. Chroma follows
/// `chroma_stft(tuning=None)`: the tuning is estimated from the track (``TuningEstimator``).
public struct AnalysisConfiguration: Sendable, Hashable, Codable {
  /// Rate in Hz that audio is resampled to before analysis; default 22050.
  public var sampleRate: Int
  /// FFT frame length in samples (a power of two is fastest); default 2048.
  public var nFFT: Int
  /// Samples between frame starts; default 512.
  public var hopLength: Int
  /// Mel bands; default 128.
  public var nMels: Int
  /// MFCC coefficients kept (including the 0th); default 20.
  public var nMFCC: Int
  /// Dynamic range kept below the loudest mel bin when taking decibels; default 80 dB.
  public var topDB: Double
  /// Fraction of spectral energy below the roll-off frequency; default 0.85.
  public var rollPercent: Double
  /// Key profile used for key and mode; default `krumhansl`.
  public var profile: KeyProfile
  /// Analyse at most this many seconds from the start (nil: the whole file).
  public var maxDurationSeconds: Double?

  public init(
    sampleRate: Int = 22050, nFFT: Int = 2048, hopLength: Int = 512, nMels: Int = 128,
    nMFCC: Int = 20,
    topDB: Double = 80, rollPercent: Double = 0.85, profile: KeyProfile = .krumhansl,
    maxDurationSeconds: Double? = nil
  ) {
    self.sampleRate = sampleRate
    self.nFFT = nFFT
    self.hopLength = hopLength
    self.nMels = nMels
    self.nMFCC = nMFCC
    self.topDB = topDB
    self.rollPercent = rollPercent
    self.profile = profile
    self.maxDurationSeconds = maxDurationSeconds
  }

  /// Frames per second of the descriptor streams (sampleRate / hopLength).
  public var frameRate: Double { Double(sampleRate) / Double(hopLength) }

  /// Checks ranges, naming the bad value.
  public func validate() throws(AnalysisError) {
    guard (4000...192_000).contains(sampleRate) else {
      throw .invalidParameter(
        name: "--sample-rate", value: "\(sampleRate)", allowed: "4000…192000 Hz")
    }
    guard nFFT >= 64, nFFT <= 65536, nFFT % 2 == 0 else {
      throw .invalidParameter(
        name: "--n-fft", value: "\(nFFT)", allowed: "an even number of samples from 64 to 65536")
    }
    guard hopLength >= 1, hopLength <= nFFT else {
      throw .invalidParameter(
        name: "--hop-length", value: "\(hopLength)", allowed: "1…n_fft samples")
    }
    guard nMels >= 12, nMels <= nFFT / 2 else {
      throw .invalidParameter(name: "--n-mels", value: "\(nMels)", allowed: "12…n_fft/2 bands")
    }
    guard nMFCC >= 1, nMFCC <= nMels else {
      throw .invalidParameter(name: "--n-mfcc", value: "\(nMFCC)", allowed: "1…n_mels coefficients")
    }
  }
}

import Theory

/// The fixed-length description of one piece of music (audio or MIDI) that the catalog stores
/// and the recommender compares. Versioned: when the layout of ``vector`` changes, ``Features/version``
/// goes up and stored rows with an older version are re-analysed.
public struct Features: Sendable, Hashable, Codable {
  /// Layout version of ``vector``.
  public static let currentVersion = 1

  public var version: Int
  /// Where the features came from.
  public var source: Source
  public var durationSeconds: Double
  /// Beats per minute; nil when no tempo could be found (silence, free time).
  public var tempoBPM: Double?
  public var tempoConfidence: Double
  /// Key estimate; nil when there is no tonal content (silence, drums only).
  public var key: Key?
  public var keyStrength: Double
  /// Integrated loudness (EBU R128) in LUFS; nil for MIDI or digital silence.
  public var loudnessLUFS: Double?
  /// Loudness range (EBU R128 LRA) in LU.
  public var loudnessRangeLU: Double?
  /// Estimated mood from the descriptors.
  public var valence: Double
  public var arousal: Double
  /// Named summary statistics (e.g. "spectral_centroid_mean", "mfcc_3_std"), in a documented order.
  public var summary: [String: Double]

  public enum Source: String, Sendable, Hashable, Codable {
    case audio, midi, csv
  }

  public init(
    version: Int = Features.currentVersion, source: Source, durationSeconds: Double, tempoBPM: Double?,
    tempoConfidence: Double, key: Key?, keyStrength: Double, loudnessLUFS: Double?, loudnessRangeLU: Double?,
    valence: Double, arousal: Double, summary: [String: Double]
  ) {
    self.version = version
    self.source = source
    self.durationSeconds = durationSeconds
    self.tempoBPM = tempoBPM
    self.tempoConfidence = tempoConfidence
    self.key = key
    self.keyStrength = keyStrength
    self.loudnessLUFS = loudnessLUFS
    self.loudnessRangeLU = loudnessRangeLU
    self.valence = valence
    self.arousal = arousal
    self.summary = summary
  }
}

/// Everything ``Analyzer`` learns about one file: the ``Features`` the catalog stores, plus details that
/// are not part of the fixed vector. Also used for MIDI files, where ``beats`` come from the tempo map.
public struct AudioAnalysis: Sendable, Codable {
  /// The path as given.
  public var path: String
  public var features: Features
  /// Beat times in seconds (empty when no tempo was found).
  public var beats: [Double]
  /// The file's own sample rate in Hz (nil for MIDI).
  public var originalSampleRate: Double?
  /// The file's channel count (nil for MIDI).
  public var channels: Int?
  /// Whether the audio is digital silence (every sample below -120 dBFS): then tempo, key and loudness are nil.
  public var isSilent: Bool
  /// Plain-language remarks for the report, e.g. "digital silence: no tempo, no key".
  public var remarks: [String]
  /// Each cue's share of the mood (``MoodModel/terms(_:)``): what made the file sound as valence and
  /// arousal say. Empty for silence.
  public var moodTerms: [MoodModel.Term]

  public init(
    path: String, features: Features, beats: [Double], originalSampleRate: Double?, channels: Int?,
    isSilent: Bool,
    remarks: [String], moodTerms: [MoodModel.Term] = []
  ) {
    self.path = path
    self.features = features
    self.beats = beats
    self.originalSampleRate = originalSampleRate
    self.channels = channels
    self.isSilent = isSilent
    self.remarks = remarks
    self.moodTerms = moodTerms
  }
}

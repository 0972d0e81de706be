import Theory

/// What the composer should write: the musical decisions derived from a ``Mood`` (or overridden by flags).
///
/// Every field is a plain value so the plan can be printed, saved in `sketch.json` and changed by the user.
public struct Plan: Sendable, Hashable, Codable {
  public var key: Key
  public var tempoBPM: Double
  public var meter: Meter
  public var bars: Int
  public var style: Style
  public var instruments: Instruments
  /// Chords per bar: 0.5 (one chord per two bars) to 2 (two per bar).
  public var chordsPerBar: Double
  /// Probability that a chord takes its seventh (or richer colour), 0–1.
  public var seventhProbability: Double
  /// Probability of borrowing from the parallel mode (e.g. iv or bVI in major), 0–1.
  public var borrowedChordProbability: Double
  /// Melody notes per beat on average (0.5 sparse … 4 busy).
  public var melodyDensity: Double
  /// Melody register: lowest and highest MIDI pitch.
  public var melodyRange: ClosedRange<Int>
  /// Base MIDI velocity 1–127 (loudness).
  public var velocity: Int
  /// Fraction of the written length each note sounds: 1 legato … 0.5 staccato.
  public var articulation: Double
  /// Swing ratio for off-beat eighths: 0.5 straight … 0.67 triplet swing.
  public var swing: Double
  /// The mood's arousal, −1 calm … 1 intense: drives texture and activity (drum busyness, doubling,
  /// how many parts play) so intensity does not rest on loudness alone.
  public var arousal: Double
  /// Why each choice was made, for `--json` and the printed explanation.
  public var reasons: [String]

  public struct Instruments: Sendable, Hashable, Codable {
    /// General MIDI programs (0-based).
    public var chords: Int
    public var melody: Int
    public var bass: Int
    /// Whether the style has a drum kit part.
    public var drums: Bool
    public init(chords: Int, melody: Int, bass: Int, drums: Bool) {
      self.chords = chords
      self.melody = melody
      self.bass = bass
      self.drums = drums
    }
  }

  public init(
    key: Key, tempoBPM: Double, meter: Meter, bars: Int, style: Style, instruments: Instruments,
    chordsPerBar: Double, seventhProbability: Double, borrowedChordProbability: Double,
    melodyDensity: Double, melodyRange: ClosedRange<Int>, velocity: Int, articulation: Double,
    swing: Double, arousal: Double = 0, reasons: [String] = []
  ) {
    self.key = key
    self.tempoBPM = tempoBPM
    self.meter = meter
    self.bars = bars
    self.style = style
    self.instruments = instruments
    self.chordsPerBar = chordsPerBar
    self.seventhProbability = seventhProbability
    self.borrowedChordProbability = borrowedChordProbability
    self.melodyDensity = melodyDensity
    self.melodyRange = melodyRange
    self.velocity = velocity
    self.articulation = articulation
    self.swing = swing
    self.arousal = arousal
    self.reasons = reasons
  }
}

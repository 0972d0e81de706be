import Theory

/// What a style brings to a plan regardless of mood: tempo range, metre, band, groove and harmonic habits.
///
/// The figures are the project's summary of common practice in each style (tempo ranges as producers
/// quote them, the band a listener expects, how often the style's chords carry sevenths). The mood then
/// moves within these bounds: arousal picks the tempo inside the range, valence the mode.
public struct StyleProfile: Sendable, Hashable {
  /// The style this profile describes.
  public var style: Style
  /// Typical tempo range in BPM (quarter notes per minute).
  public var tempoRange: ClosedRange<Double>
  /// Default time signature.
  public var meter: Meter
  /// General MIDI programs (0-based) for chords, melody and bass, and whether there is a drum part.
  public var instruments: Plan.Instruments
  /// Swing ratio for off-beat eighths: 0.5 straight … 0.67 triplet swing.
  public var swing: Double
  /// Base probability of sevenths (and richer colours) before mood adjustments.
  public var seventhProbability: Double
  /// Base probability of chords borrowed from the parallel mode.
  public var borrowedChordProbability: Double
  /// Usual harmonic rhythm, chords per bar (0.5, 1 or 2).
  public var chordsPerBar: Double
  /// Scales the melody's notes-per-beat (sparse ambient 0.5 … busy bluegrass 1.3).
  public var densityFactor: Double
  /// Semitones added to the melody's register (metal sits lower, ambient higher).
  public var registerShift: Int
  /// The mode used for mildly positive valence (mixolydian for rock and blues, else major).
  public var brightMode: Mode
  /// The mode used for mildly negative valence (dorian for funk, jazz, lofi, soul; phrygian for metal).
  public var darkMode: Mode
  /// Common tonics for major-third modes, most common first (guitar keys for guitar styles).
  public var majorTonics: [String]
  /// Common tonics for minor-third modes.
  public var minorTonics: [String]
  /// A short name for the band, for the plan's explanation.
  public var bandDescription: String

  /// The profile of a style. Exhaustive by construction: a new `Style` case does not compile without one.
  public static func of(_ style: Style) -> StyleProfile {
    switch style {
    case .pop:
      p(
        style, 90...128, chords: 0, melody: 80, bass: 33, drums: true, sevenths: 0.15,
        borrowed: 0.1,
        major: ["C", "G", "D", "A", "F", "E", "Bb", "Eb"],
        minor: ["A", "E", "B", "D", "C", "F#", "G"],
        band: "piano, synth lead, bass and drums")
    case .rock:
      p(
        style, 100...150, chords: 29, melody: 30, bass: 34, drums: true, sevenths: 0.05,
        borrowed: 0.2,
        bright: .mixolydian, major: ["E", "A", "D", "G", "C"], minor: ["E", "A", "B", "D"],
        band: "overdriven guitars, picked bass and drums")
    case .metal:
      p(
        style, 120...185, chords: 30, melody: 30, bass: 34, drums: true, sevenths: 0,
        borrowed: 0.15,
        register: -3, dark: .phrygian, major: ["E", "D", "A", "G"],
        minor: ["E", "D", "C", "B", "A"],
        band: "distorted guitars, picked bass and drums")
    case .punk:
      p(
        style, 150...200, chords: 29, melody: 29, bass: 34, drums: true, sevenths: 0, borrowed: 0.1,
        density: 1.1, major: ["E", "A", "D", "G", "C"], minor: ["E", "A", "B", "D"],
        band: "overdriven guitars, picked bass and fast drums")
    case .edm:
      p(
        style, 122...132, chords: 90, melody: 81, bass: 38, drums: true, sevenths: 0.2,
        borrowed: 0.1,
        major: ["F", "G", "C", "D", "A"], minor: ["A", "F", "C", "G", "D", "E"],
        band: "polysynth chords, saw lead, synth bass and a four-on-the-floor kit")
    case .house:
      p(
        style, 118...127, chords: 4, melody: 81, bass: 38, drums: true, swing: 0.54, sevenths: 0.55,
        borrowed: 0.1, dark: .dorian, major: ["F", "C", "G", "Bb", "Eb"],
        minor: ["A", "F", "C", "G", "D"],
        band: "electric piano, saw lead, synth bass and a four-on-the-floor kit")
    case .trap:
      p(
        style, 130...160, chords: 0, melody: 10, bass: 38, drums: true, sevenths: 0.1,
        borrowed: 0.1,
        perBar: 0.5, density: 0.8, major: ["C", "F", "G", "D"],
        minor: ["C", "F", "G", "A", "E", "C#"],
        // Piano rather than a warm pad: with a pad the beat read as ambient to a genre tagger.
        band: "dark piano, music-box bells, a gliding 808 synth bass and trap drums")
    case .hiphop:
      p(
        style, 80...100, chords: 4, melody: 73, bass: 33, drums: true, swing: 0.56, sevenths: 0.5,
        borrowed: 0.15, perBar: 0.5, density: 0.9, dark: .dorian,
        major: ["C", "F", "Bb", "Eb", "G"],
        minor: ["C", "D", "A", "F", "G", "E"],
        band: "electric piano, flute, finger bass and boom-bap drums")
    case .rnb:
      p(
        style, 65...100, chords: 4, melody: 53, bass: 33, drums: true, swing: 0.54, sevenths: 0.75,
        borrowed: 0.2, dark: .dorian, major: ["Eb", "Ab", "Db", "Bb", "F", "C"],
        minor: ["C", "F", "G", "Bb", "D"],
        band: "electric piano, voice pad, finger bass and drums")
    case .funk:
      p(
        style, 95...120, chords: 28, melody: 61, bass: 36, drums: true, swing: 0.53, sevenths: 0.7,
        borrowed: 0.1, perBar: 0.5, density: 1.15, bright: .mixolydian, dark: .dorian,
        major: ["E", "A", "D", "G", "C", "F", "Bb"], minor: ["E", "A", "D", "G", "C"],
        band: "muted guitar, brass, slap bass and drums")
    case .blues:
      p(
        style, 70...125, chords: 0, melody: 27, bass: 33, drums: true, swing: 0.64, sevenths: 0.9,
        borrowed: 0.15, bright: .mixolydian, major: ["E", "A", "G", "C", "D", "Bb"],
        minor: ["A", "E", "D", "G", "C"],
        band: "piano, clean electric guitar, finger bass and a shuffle kit")
    case .country:
      p(
        style, 90...130, chords: 25, melody: 110, bass: 33, drums: true, sevenths: 0.1,
        borrowed: 0.1,
        major: ["G", "D", "A", "C", "E"], minor: ["E", "A", "B", "D"],
        band: "steel-string guitar, fiddle, bass and drums")
    case .bluegrass:
      p(
        style, 110...165, chords: 25, melody: 105, bass: 32, drums: false, sevenths: 0.05,
        borrowed: 0.05,
        density: 1.3, major: ["G", "A", "D", "C", "E", "B"], minor: ["A", "E", "B", "D"],
        band: "steel-string guitar, banjo and upright bass, no drums")
    case .folk:
      p(
        style, 80...120, chords: 25, melody: 73, bass: 32, drums: false, sevenths: 0.1,
        borrowed: 0.1,
        dark: .dorian, major: ["G", "D", "A", "C", "E"], minor: ["A", "E", "D", "B"],
        band: "steel-string guitar, flute and upright bass, no drums")
    case .classical:
      p(
        style, 60...132, chords: 48, melody: 40, bass: 42, drums: false, sevenths: 0.2,
        borrowed: 0.15,
        density: 1.1, major: ["C", "G", "D", "F", "Bb", "Eb", "A"],
        minor: ["A", "D", "G", "C", "E", "B", "F"],
        band: "string ensemble, violin and cello, no drums")
    case .cinematic:
      p(
        style, 60...110, chords: 48, melody: 0, bass: 42, drums: false, sevenths: 0.1,
        borrowed: 0.3,
        perBar: 0.5, density: 0.8, major: ["D", "C", "F", "G", "Eb", "Bb"],
        minor: ["D", "C", "E", "A", "B", "F"],
        band: "strings, piano and cello, no drums")
    case .ambient:
      p(
        style, 60...90, chords: 89, melody: 11, bass: 89, drums: false, sevenths: 0.5,
        borrowed: 0.15,
        perBar: 0.5, density: 0.5, register: 3, bright: .lydian,
        major: ["D", "E", "F", "C", "G", "A"],
        minor: ["D", "E", "A", "C", "F#"], band: "warm pads and vibraphone, no drums")
    case .lofi:
      p(
        style, 70...90, chords: 4, melody: 0, bass: 33, drums: true, swing: 0.58, sevenths: 0.85,
        borrowed: 0.2,
        density: 0.8, dark: .dorian, major: ["C", "F", "Eb", "Ab", "Bb", "D"],
        minor: ["A", "D", "E", "C", "F", "G"],
        band: "electric piano, piano, finger bass and lazy drums")
    case .jazz:
      p(
        style, 70...190, chords: 0, melody: 66, bass: 32, drums: true, swing: 0.64, sevenths: 0.9,
        borrowed: 0.2, perBar: 2, density: 1.2, dark: .dorian,
        major: ["F", "Bb", "Eb", "C", "G", "Ab"],
        minor: ["C", "D", "G", "F", "A"], band: "piano, tenor sax, upright bass and swing drums")
    case .bossaNova:
      p(
        style, 110...145, chords: 24, melody: 73, bass: 32, drums: true, sevenths: 0.85,
        borrowed: 0.15,
        major: ["F", "C", "D", "G", "A", "Bb"], minor: ["D", "A", "E", "C"],
        band: "nylon-string guitar, flute, upright bass and brushes")
    case .reggae:
      p(
        style, 65...95, chords: 27, melody: 16, bass: 33, drums: true, swing: 0.55, sevenths: 0.2,
        borrowed: 0.1, major: ["A", "G", "C", "D", "F", "E"], minor: ["A", "C", "G", "D", "E"],
        band: "clean guitar skank, organ, bass and one-drop drums")
    case .synthwave:
      p(
        style, 80...118, chords: 95, melody: 81, bass: 38, drums: true, sevenths: 0.15,
        borrowed: 0.2,
        major: ["A", "E", "D", "F", "C"], minor: ["A", "E", "F#", "D", "C", "B"],
        // A swept synth pad: the polysynth pad read as strings (prog rock) to a genre tagger.
        band: "sweep-pad chords, saw lead, sequenced synth bass and gated drums")
    case .gospel:
      p(
        style, 70...130, chords: 16, melody: 52, bass: 33, drums: true, swing: 0.58, sevenths: 0.6,
        borrowed: 0.25, major: ["Ab", "Eb", "Db", "Bb", "F", "C"], minor: ["F", "C", "G", "Bb"],
        band: "organ, choir, bass and drums")
    case .soul:
      p(
        style, 70...110, chords: 16, melody: 61, bass: 33, drums: true, swing: 0.54, sevenths: 0.6,
        borrowed: 0.15, dark: .dorian, major: ["C", "F", "G", "Bb", "Eb"],
        minor: ["C", "G", "D", "A", "E"],
        band: "organ, brass, finger bass and drums")
    }
  }

  private static func p(
    _ style: Style, _ tempo: ClosedRange<Double>, meter: Meter = .commonTime, chords: Int,
    melody: Int, bass: Int,
    drums: Bool, swing: Double = 0.5, sevenths: Double, borrowed: Double, perBar: Double = 1,
    density: Double = 1,
    register: Int = 0, bright: Mode = .major, dark: Mode = .minor, major: [String], minor: [String],
    band: String
  ) -> StyleProfile {
    StyleProfile(
      style: style, tempoRange: tempo, meter: meter,
      instruments: Plan.Instruments(chords: chords, melody: melody, bass: bass, drums: drums),
      swing: swing,
      seventhProbability: sevenths, borrowedChordProbability: borrowed, chordsPerBar: perBar,
      densityFactor: density, registerShift: register, brightMode: bright, darkMode: dark,
      majorTonics: major,
      minorTonics: minor, bandDescription: band)
  }
}

import Theory

/// Which of the trained chord tokens a mode may use, and which give it its colour.
///
/// The chord model is trained on major and minor keys only, so a church mode draws from the table of
/// its parallel major or minor (lydian and mixolydian from major; dorian, phrygian and harmonic minor
/// from minor). Left alone that table writes plain major or minor (D major in A lydian, whose scale has
/// D♯). Here every token is realised in the parallel key and kept only when all its notes lie in the
/// mode's scale; the mode's characteristic chords are then favoured, and kept even where the corpus
/// hardly uses them (lydian's vii, harmonic minor's ♯vii°).
///
/// Characteristic chords (as tokens of the parallel major/minor table; in the printed chart they are
/// named in the mode itself by ``RomanNumeral/init(chord:in:)``, so lydian's `II` is B major in A lydian):
/// - lydian: `II` (the major II, with the ♯4) and `vii`;
/// - mixolydian: `bVII` and `v`;
/// - dorian: `IV` (the major IV, with the natural 6) and `ii`;
/// - phrygian: `bII` and `vii` (the minor chord on ♭7);
/// - harmonic minor: `V` and `#vii°` (with the raised 7).
/// Major and minor keep the whole table: their borrowed chords are governed by the plan's
/// `borrowedChordProbability` instead.
struct ModalHarmony: Sendable {
  let mode: Mode
  /// Multipliers on the model's probabilities for the colour chords.
  let colour: [String: Double]
  /// Whether each outcome of the table may be played in this mode.
  let allowed: [Bool]

  init(mode: Mode, table: BackoffTable, tonic: NoteClass = NoteClass(.C)) {
    self.mode = mode
    colour = Self.characteristic(mode)
    guard mode != .major, mode != .minor else {
      allowed = table.outcomes.map { _ in true }
      return
    }
    let parallel = Key(tonic, mode.hasMinorThird ? .minor : .major)
    let scale = Set(Key(tonic, mode).scalePitchClasses)
    allowed = table.outcomes.map { token in
      guard let roman = ChordToken.numeral(token) else { return false }
      return roman.chord(in: parallel).pitchClasses.allSatisfy { scale.contains($0) }
    }
  }

  /// Whether a church mode (or harmonic minor) restricts the table.
  var isModal: Bool { mode != .major && mode != .minor }

  /// The colour chords of a mode and how much more often than the corpus to play them.
  static func characteristic(_ mode: Mode) -> [String: Double] {
    switch mode {
    case .lydian: ["II": 12, "vii": 3]
    case .mixolydian: ["bVII": 4, "v": 3]
    case .dorian: ["IV": 3, "ii": 3]
    case .phrygian: ["bII": 25, "vii": 3]
    case .harmonicMinor: ["V": 3, "#vii°": 6]
    case .locrian: ["bII": 2]
    default: [:]
    }
  }

  /// The chords that lead home in a mode, most idiomatic first: the dominant where the mode has one,
  /// otherwise its own cadence (lydian II–I, mixolydian ♭VII–I, dorian IV–i, phrygian ♭II–i).
  static func cadenceChords(_ mode: Mode) -> [String] {
    switch mode {
    case .major: ["V", "IV", "bVII"]
    case .minor: ["V", "iv", "VII", "v"]
    case .lydian: ["V", "II", "vii"]
    case .mixolydian: ["bVII", "IV", "v"]
    case .dorian: ["IV", "v", "VII"]
    case .phrygian: ["bII", "vii", "iv"]
    case .harmonicMinor: ["V", "iv", "#vii°"]
    case .locrian: ["bII", "iv"]
    }
  }
}

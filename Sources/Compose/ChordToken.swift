import Theory

/// The key-relative chord symbols the chord model works on.
///
/// The n-gram runs over Roman numerals reduced to their triad (`V7` → `V`, `IVmaj7` → `IV`,
/// `V7/ii` → `V/ii`): the corpus then gives dense statistics about harmonic *function*, and a
/// separate colour table says how each function is usually coloured (`V` → `V7` 38 % of the time).
/// Mood conditioning acts on that colour table (``ChordColour``), not on the function model.
public enum ChordToken {
  /// The token and the colour (full quality) of a chord in a major or minor key; nil when the
  /// numeral would not read back as the same chord (exotic spellings are left out of training).
  public static func token(for chord: Chord, in key: Key) -> (token: String, colour: ChordQuality)?
  {
    let roman = RomanNumeral(chord: chord, in: key)
    let colour = simplified(roman.quality)
    let triad = RomanNumeral(
      degree: roman.degree, accidental: roman.accidental,
      quality: functionalTriad(of: chord, colour: colour, in: key),
      secondaryOf: roman.secondaryOf)
    let text = triad.description
    guard abs(roman.accidental) <= 1, let back = RomanNumeral(parsing: text), back == triad else {
      return nil
    }
    return (text, colour)
  }

  /// The triad whose function a chord has. A suspended chord has no third, so it stands for the
  /// triad the key gives its root (`Gsus4` in C is a coloured `V`, `Asus2` in A minor a coloured `i`).
  static func functionalTriad(of chord: Chord, colour: ChordQuality, in key: Key) -> ChordQuality {
    switch colour {
    case .sus2, .sus4, .sus4dominant7:
      let scale = Set(key.scalePitchClasses)
      let root = chord.root.pitchClass
      if scale.contains((root + 4) % 12) { return .major }
      if scale.contains((root + 3) % 12) {
        return scale.contains((root + 7) % 12) ? .minor : .diminished
      }
      return .major
    default: return colour.triad
    }
  }

  /// The numeral a token names, with a chosen colour.
  public static func numeral(_ token: String, colour: ChordQuality? = nil) -> RomanNumeral? {
    guard var roman = RomanNumeral(parsing: token) else { return nil }
    if let colour { roman.quality = colour }
    return roman
  }

  /// Folds colours the generator does not voice differently into their nearest kin
  /// (`add9`, `6` → triad; `9` → `7`), so the colour table stays small and readable.
  public static func simplified(_ quality: ChordQuality) -> ChordQuality {
    switch quality {
    case .add9, .major6: .major
    case .minor6: .minor
    case .dominant9: .dominant7
    case .major9: .major7
    case .minor9: .minor7
    default: quality
    }
  }

  /// Whether a colour adds a seventh to its triad.
  public static func isSeventh(_ quality: ChordQuality) -> Bool {
    switch quality {
    case .dominant7, .major7, .minor7, .halfDiminished7, .diminished7, .minorMajor7, .sus4dominant7,
      .dominant9, .major9, .minor9:
      true
    default: false
    }
  }

  /// Tokens that come from the parallel mode: the "borrowed chords" a plan may ask for more or less of.
  /// In major: ii°, bIII, iv, v, bVI, bVII (the parallel minor's chords); in minor: ii and IV (the
  /// parallel major's, heard as dorian colour). The parallel tonic itself is not a colour but a change
  /// of key, so the generator never uses it (``isParallelTonic(_:mode:)``).
  public static func isBorrowed(_ token: String, mode: Mode) -> Bool {
    if mode.hasMinorThird { return ["ii", "IV"].contains(token) }
    return ["ii°", "bIII", "iv", "v", "bVI", "bVII"].contains(token)
  }

  /// The tonic chord's token in a mode: `I` with a major third, `i` with a minor one, and `i°` in
  /// locrian, whose tonic triad has the diminished fifth (its `i` would need the natural fifth the mode
  /// lacks, so it was never allowed and a locrian sketch had no home chord).
  public static func tonic(for mode: Mode) -> String {
    mode == .locrian ? "i°" : mode.hasMinorThird ? "i" : "I"
  }

  /// `i` in a major key or `I` in a minor one: in the corpus mostly a sign of a misread mode, and in a
  /// sketch it blurs the key the mood asked for.
  public static func isParallelTonic(_ token: String, mode: Mode) -> Bool {
    token == (mode.hasMinorThird ? "I" : "i")
  }

  /// Semitones from the tonic to the token's root (0–11), nil for a token that does not parse.
  public static func rootOffset(_ token: String, mode: Mode) -> Int? {
    numeral(token)?.rootOffset(in: Key(NoteClass(.C), mode.hasMinorThird ? .minor : .major))
  }
}

import Theory

/// A progression read in its key: numerals, functions, borrowed and applied chords, and cadences.
public struct ProgressionAnalysis: Sendable, Hashable, Codable {
  public struct Entry: Sendable, Hashable, Codable {
    public var symbol: String
    /// The numeral with its colour, music21 style (`V7`, `bVII`, `V7/ii`).
    public var roman: String
    public var function: HarmonicFunction
    /// Taken from the parallel mode (iv or bVI in major, IV in minor…).
    public var borrowed: Bool
    /// An applied dominant: names the chord it tonicises (`V/vi`), nil otherwise.
    public var secondaryOf: String?
  }

  public enum CadenceKind: String, Sendable, Hashable, Codable {
    /// Dominant to tonic (V–I, vii°–I).
    case authentic
    /// Subdominant to tonic (IV–I, iv–I).
    case plagal
    /// Ends on the dominant.
    case half
    /// Dominant to a tonic substitute (V–vi in major, V–VI in minor).
    case deceptive
  }

  public struct Cadence: Sendable, Hashable, Codable {
    public var kind: CadenceKind
    /// 1-based positions of the two chords (for a half cadence both name the dominant's slot
    /// and the one before it).
    public var from: Int
    public var to: Int
    public var chords: String
  }

  public var key: Key
  /// Why this key (inferred or given).
  public var keyReason: String
  public var chords: [Entry]
  public var cadences: [Cadence]
}

/// Reads a progression the way a harmony teacher would: finds the key (unless given), names each
/// chord's numeral and function, marks borrowed and applied chords, and lists the cadences.
public struct ProgressionAnalyzer: Sendable {
  public let model: CompositionModel

  public init(model: CompositionModel) { self.model = model }

  /// - Parameters:
  ///   - chords: at least one chord.
  ///   - key: the key to read them in; nil infers it (``ChordKeyFinder``).
  ///   - phraseEnds: 0-based indices of chords that end a phrase or bar group (the last chord always
  ///     does); a half cadence is only heard there.
  public func analyze(_ chords: [Chord], key: Key? = nil, phraseEnds: Set<Int> = [])
    -> ProgressionAnalysis
  {
    let inference: KeyInference? = key == nil ? ChordKeyFinder(model: model).infer(chords) : nil
    let key = key ?? inference?.key ?? Key(NoteClass(.C))
    let reason = inference?.reason ?? "key \(key): given"
    let mode: Mode = key.mode.hasMinorThird ? .minor : .major
    let table = model.chords(for: mode)
    let tokens = UserChordTokens.tokens(chords, in: key, table: table)
    let entries = zip(chords, tokens).map { chord, token in
      entry(chord, token: token, key: key, mode: mode)
    }
    var cadences: [ProgressionAnalysis.Cadence] = []
    let tonic = mode == .minor ? "i" : "I"
    let substitute = mode == .minor ? "VI" : "vi"
    let ends = phraseEnds.union([chords.count - 1])
    for i in 1..<max(1, chords.count) {
      let (a, b) = (tokens[i - 1], tokens[i])
      let fa = entries[i - 1].function
      let pair = "\(chords[i - 1].symbol)–\(chords[i].symbol)"
      var kind: ProgressionAnalysis.CadenceKind?
      if b == tonic, fa == .dominant, a == "V" || a?.hasPrefix("vii") == true {
        kind = .authentic
      } else if b == tonic, a == "IV" || a == "iv" {
        kind = .plagal
      } else if a == "V", b == substitute {
        kind = .deceptive
      } else if b == "V", ends.contains(i), a != "V" {
        kind = .half
      }
      if let kind { cadences.append(.init(kind: kind, from: i, to: i + 1, chords: pair)) }
    }
    return ProgressionAnalysis(key: key, keyReason: reason, chords: entries, cadences: cadences)
  }

  func entry(_ chord: Chord, token: String?, key: Key, mode: Mode) -> ProgressionAnalysis.Entry {
    var roman = RomanNumeral(chord: chord, in: key)
    let harmonyKey = Key(key.tonic, mode)
    // A major triad a fifth above a diatonic degree that is not itself diatonic is an applied
    // dominant too (D in C is V/V), not only the dominant seventh RomanNumeral already names so.
    let scale = Set(harmonyKey.scalePitchClasses)
    let diatonic = chord.pitchClasses.allSatisfy { scale.contains($0) }
    if roman.secondaryOf == nil, !diatonic, chord.quality.triad == .major {
      let offset = (chord.root.pitchClass - key.tonic.pitchClass + 12) % 12
      let target = (offset + 5) % 12
      if let degree = harmonyKey.mode.intervals.firstIndex(of: target), degree != 0 {
        roman = RomanNumeral(degree: 5, quality: chord.quality, secondaryOf: degree + 1)
      }
    }
    let function: HarmonicFunction =
      roman.secondaryOf != nil
      ? .secondaryDominant : token.map { HarmonicFunction.of(token: $0, mode: mode) } ?? .other
    let text = roman.description
    let secondary = roman.secondaryOf.map { _ in String(text.split(separator: "/").last ?? "") }
    return .init(
      symbol: chord.symbol, roman: text, function: function,
      borrowed: token.map { ChordToken.isBorrowed($0, mode: mode) } ?? false,
      secondaryOf: secondary)
  }
}

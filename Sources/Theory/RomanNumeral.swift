import Foundation

/// A chord named by its function in a key, in the vocabulary of music21:
/// `I`, `vi`, `bVII`, `iv`, `V7`, `viiø7`, `V7/V`.
///
/// Degrees are counted in the key's own scale (in C minor, `VI` is A♭ and `VII` is B♭);
/// `accidental` raises or lowers the root against that scale (`bVII` in a major key, `#vii°` in minor).
public struct RomanNumeral: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Scale degree of the root, 1–7.
  public var degree: Int
  /// -1 = ♭, +1 = ♯ against the key's scale.
  public var accidental: Int
  public var quality: ChordQuality
  /// For applied chords (`V7/V`): the degree being tonicised, 2–7 (diatonic in the key); nil otherwise.
  public var secondaryOf: Int?

  public init(degree: Int, accidental: Int = 0, quality: ChordQuality, secondaryOf: Int? = nil) {
    self.degree = degree
    self.accidental = accidental
    self.quality = quality
    self.secondaryOf = secondaryOf
  }

  /// Semitones from the key's tonic to this chord's root.
  public func rootOffset(in key: Key) -> Int {
    if let target = secondaryOf {
      let targetOffset = key.mode.intervals[target - 1]
      return ((targetOffset + Mode.major.intervals[degree - 1] + accidental) % 12 + 12) % 12
    }
    return ((key.mode.intervals[degree - 1] + accidental) % 12 + 12) % 12
  }

  /// The chord this numeral names in a key, spelled as that key spells it.
  public func chord(in key: Key) -> Chord {
    let pc = (key.tonic.pitchClass + rootOffset(in: key)) % 12
    // Spell by scale degree, as musicians do: bVII in C is Bb (not A#), V/V in C is D.
    let letterIndex = key.tonic.letter.rawValue + (degree - 1) + ((secondaryOf ?? 1) - 1)
    let letter = NoteClass.Letter.allCases[letterIndex % 7]
    var acc = pc - letter.naturalPitchClass
    if acc > 6 { acc -= 12 }
    if acc < -6 { acc += 12 }
    let root =
      (-2...2).contains(acc) ? NoteClass(letter, accidental: acc) : key.spell(pitchClass: pc)
    return Chord(root, quality)
  }

  /// Names a chord in a key. Chords on a scale degree get that degree; others the nearest degree
  /// with a flat (or a sharp for the raised fourth and, in minor, the leading tone). A dominant
  /// seventh that is not diatonic and resolves a fifth down to a diatonic degree is named as applied (`V7/ii`).
  public init(chord: Chord, in key: Key) {
    let offset = Interval.ascending(from: key.tonic.pitchClass, to: chord.root.pitchClass).semitones
    let scale = key.mode.intervals
    let diatonicPCs = Set(key.scalePitchClasses)
    let isDiatonic = chord.pitchClasses.allSatisfy { diatonicPCs.contains($0) }

    if !isDiatonic, chord.quality == .dominant7 || chord.quality == .dominant9 {
      let targetOffset = (offset + 5) % 12  // a fifth below the root
      if let target = scale.firstIndex(of: targetOffset), target != 0 {
        self.init(degree: 5, quality: chord.quality, secondaryOf: target + 1)
        return
      }
    }
    if let index = scale.firstIndex(of: offset) {
      self.init(degree: index + 1, quality: chord.quality)
      return
    }
    // Chromatic root: pick a neighbouring degree and an accidental.
    let preferSharp =
      (offset == 6 && !key.mode.hasMinorThird) || (offset == 11 && key.mode.hasMinorThird)
      || (offset == 9 && key.mode.hasMinorThird)
    if preferSharp, let index = scale.firstIndex(of: (offset + 11) % 12) {
      self.init(degree: index + 1, accidental: 1, quality: chord.quality)
    } else if let index = scale.firstIndex(of: (offset + 1) % 12) {
      self.init(degree: index + 1, accidental: -1, quality: chord.quality)
    } else if let index = scale.firstIndex(of: (offset + 11) % 12) {
      self.init(degree: index + 1, accidental: 1, quality: chord.quality)
    } else {
      self.init(degree: 1, accidental: offset, quality: chord.quality)
    }
  }

  public var description: String {
    let numerals = ["I", "II", "III", "IV", "V", "VI", "VII"]
    var base = numerals[(degree - 1) % 7]
    if quality.isMinorish { base = base.lowercased() }
    let acc =
      accidental > 0
      ? String(repeating: "#", count: accidental) : String(repeating: "b", count: -accidental)
    var text = acc + base + quality.romanSuffix
    if let target = secondaryOf {
      text += "/" + numerals[(target - 1) % 7]
    }
    return text
  }

  /// Parses `I`, `vi`, `bVII`, `#iv°`, `V7`, `viiø7`, `IVmaj7`, `V7/V`, `ii7`. Case gives the third
  /// (upper = major, lower = minor) when the suffix does not. The `/x` target is taken as diatonic.
  public init?(parsing text: String) {
    var t = Substring(text.trimmingCharacters(in: .whitespaces))
    var secondary: Int?
    if let slash = t.firstIndex(of: "/") {
      let target = t[t.index(after: slash)...]
      guard let d = RomanNumeral.degree(of: target.uppercased()) else { return nil }
      secondary = d
      t = t[..<slash]
    }
    var accidental = 0
    while let c = t.first, c == "b" || c == "#" || c == "♭" || c == "♯" {
      accidental += (c == "b" || c == "♭") ? -1 : 1
      t = t.dropFirst()
    }
    let numeralChars = t.prefix { "IViv".contains($0) }
    guard !numeralChars.isEmpty, let degree = RomanNumeral.degree(of: numeralChars.uppercased())
    else { return nil }
    let upper = numeralChars.first!.isUppercase
    let suffix = String(t.dropFirst(numeralChars.count))
    let quality: ChordQuality?
    switch (suffix, upper) {
    case ("", true): quality = .major
    case ("", false): quality = .minor
    case ("7", true): quality = .dominant7
    case ("7", false): quality = .minor7
    case ("6", true): quality = .major6
    case ("6", false): quality = .minor6
    case ("9", true): quality = .dominant9
    case ("9", false): quality = .minor9
    case ("maj7", true): quality = .major7
    case ("maj7", false): quality = .minorMajor7
    case ("°", _), ("o", _), ("dim", _): quality = .diminished
    case ("°7", _), ("o7", _), ("dim7", _): quality = .diminished7
    case ("ø7", _), ("ø", _): quality = .halfDiminished7
    case ("+", _): quality = .augmented
    default:
      quality = ChordQuality.allCases.first { $0.romanSuffix == suffix && $0.isMinorish == !upper }
    }
    guard let q = quality else { return nil }
    self.init(degree: degree, accidental: accidental, quality: q, secondaryOf: secondary)
  }

  private static func degree(of upper: String) -> Int? {
    ["I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7][upper]
  }
}

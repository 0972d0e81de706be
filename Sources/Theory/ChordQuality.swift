/// The quality of a chord: its intervals above the root, with chart and Roman-numeral spellings.
public enum ChordQuality: String, Sendable, Hashable, Codable, CaseIterable {
  case major = "maj"
  case minor = "min"
  case diminished = "dim"
  case augmented = "aug"
  case sus2, sus4
  case dominant7 = "7"
  case major7 = "maj7"
  case minor7 = "min7"
  case halfDiminished7 = "hdim7"
  case diminished7 = "dim7"
  case minorMajor7 = "minmaj7"
  case major6 = "maj6"
  case minor6 = "min6"
  case sus4dominant7 = "7sus4"
  case add9
  case dominant9 = "9"
  case major9 = "maj9"
  case minor9 = "min9"

  /// Semitones above the root, root included.
  public var intervals: [Int] {
    switch self {
    case .major: [0, 4, 7]
    case .minor: [0, 3, 7]
    case .diminished: [0, 3, 6]
    case .augmented: [0, 4, 8]
    case .sus2: [0, 2, 7]
    case .sus4: [0, 5, 7]
    case .dominant7: [0, 4, 7, 10]
    case .major7: [0, 4, 7, 11]
    case .minor7: [0, 3, 7, 10]
    case .halfDiminished7: [0, 3, 6, 10]
    case .diminished7: [0, 3, 6, 9]
    case .minorMajor7: [0, 3, 7, 11]
    case .major6: [0, 4, 7, 9]
    case .minor6: [0, 3, 7, 9]
    case .sus4dominant7: [0, 5, 7, 10]
    case .add9: [0, 4, 7, 14]
    case .dominant9: [0, 4, 7, 10, 14]
    case .major9: [0, 4, 7, 11, 14]
    case .minor9: [0, 3, 7, 10, 14]
    }
  }

  /// The suffix on a lead sheet: `C`, `Cm`, `Cdim`, `C+`, `Cmaj7`, `Cm7`, `Cm7b5`, `C7sus4`.
  public var chartSuffix: String {
    switch self {
    case .major: ""
    case .minor: "m"
    case .diminished: "dim"
    case .augmented: "+"
    case .sus2: "sus2"
    case .sus4: "sus4"
    case .dominant7: "7"
    case .major7: "maj7"
    case .minor7: "m7"
    case .halfDiminished7: "m7b5"
    case .diminished7: "dim7"
    case .minorMajor7: "m(maj7)"
    case .major6: "6"
    case .minor6: "m6"
    case .sus4dominant7: "7sus4"
    case .add9: "add9"
    case .dominant9: "9"
    case .major9: "maj9"
    case .minor9: "m9"
    }
  }

  /// Whether the Roman numeral is written in lower case (minor third, no major third).
  public var isMinorish: Bool { intervals.contains(3) && !intervals.contains(4) }

  /// The suffix after a Roman numeral, music21 style: `V7`, `viiø7`, `vii°`, `III+`, `IVmaj7`.
  public var romanSuffix: String {
    switch self {
    case .major, .minor: ""
    case .diminished: "°"
    case .augmented: "+"
    case .sus2: "sus2"
    case .sus4: "sus4"
    case .dominant7, .minor7: "7"
    case .major7: "maj7"
    case .halfDiminished7: "ø7"
    case .diminished7: "°7"
    case .minorMajor7: "maj7"
    case .major6, .minor6: "6"
    case .sus4dominant7: "7sus4"
    case .add9: "add9"
    case .dominant9, .minor9: "9"
    case .major9: "maj9"
    }
  }

  /// The triad this quality reduces to, for models that work on triads.
  public var triad: ChordQuality {
    switch self {
    case .major, .dominant7, .major7, .major6, .add9, .dominant9, .major9: .major
    case .minor, .minor7, .minorMajor7, .minor6, .minor9: .minor
    case .diminished, .halfDiminished7, .diminished7: .diminished
    case .augmented: .augmented
    case .sus2: .sus2
    case .sus4, .sus4dominant7: .sus4
    }
  }

  /// Parses a Harte-syntax quality (`maj`, `min7`, `hdim7`, `sus4(b7)`, `7`), dropping added-note lists it cannot name.
  public init?(harte text: String) {
    switch text {
    case "", "maj", "5", "1": self = .major
    case "min": self = .minor
    case "dim": self = .diminished
    case "aug": self = .augmented
    case "sus2": self = .sus2
    case "sus4": self = .sus4
    case "7", "9(11)", "13", "11": self = .dominant7
    case "maj7": self = .major7
    case "min7", "min11", "min13": self = .minor7
    case "hdim7": self = .halfDiminished7
    case "dim7": self = .diminished7
    case "minmaj7": self = .minorMajor7
    case "maj6", "6": self = .major6
    case "min6": self = .minor6
    case "sus4(b7)", "sus4(b7,9)", "7sus4": self = .sus4dominant7
    case "maj(9)", "add9", "maj(2)": self = .add9
    case "9": self = .dominant9
    case "maj9": self = .major9
    case "min9": self = .minor9
    default:
      // "maj(11)", "min(9)", "7(#9)": keep the base quality before the parenthesis.
      if let paren = text.firstIndex(of: "("), paren != text.startIndex {
        self.init(harte: String(text[..<paren]))
      } else {
        return nil
      }
    }
  }
}

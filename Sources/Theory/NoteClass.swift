import Foundation

/// A spelled pitch class without octave, such as `C`, `F#` or `Bb`.
///
/// Spelling matters to musicians (a key of F has a Bb, not an A#), so the letter
/// and the accidental are kept apart; ``pitchClass`` gives the number 0–11 with C = 0.
public struct NoteClass: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The letter name, 0 = C … 6 = B.
  public let letter: Letter
  /// Semitones added to the natural letter: -2 (𝄫) … +2 (𝄪).
  public let accidental: Int

  public enum Letter: Int, Sendable, Hashable, Codable, CaseIterable {
    case C, D, E, F, G, A, B

    /// Pitch class of the natural letter (C = 0).
    public var naturalPitchClass: Int { [0, 2, 4, 5, 7, 9, 11][rawValue] }
    public var name: String { ["C", "D", "E", "F", "G", "A", "B"][rawValue] }
  }

  public init(_ letter: Letter, accidental: Int = 0) {
    self.letter = letter
    self.accidental = accidental
  }

  /// Parses `C`, `c#`, `Bb`, `Eb`, `F##`, `Gbb`, `C♯`, `B♭`. Returns nil for anything else.
  public init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let first = trimmed.first,
      let letter = Letter.allCases.first(where: { $0.name == String(first).uppercased() })
    else { return nil }
    var accidental = 0
    for ch in trimmed.dropFirst() {
      switch ch {
      case "#", "♯": accidental += 1
      case "b", "♭": accidental -= 1
      case "x", "𝄪": accidental += 2
      default: return nil
      }
    }
    guard (-2...2).contains(accidental) else { return nil }
    self.init(letter, accidental: accidental)
  }

  /// 0–11, C = 0.
  public var pitchClass: Int { ((letter.naturalPitchClass + accidental) % 12 + 12) % 12 }

  public var description: String {
    let acc =
      accidental >= 0
      ? String(repeating: "#", count: accidental) : String(repeating: "b", count: -accidental)
    return letter.name + acc
  }

  /// The conventional spelling of a pitch class, preferring flats or sharps.
  public static func spelling(ofPitchClass pc: Int, preferFlats: Bool) -> NoteClass {
    let pc = ((pc % 12) + 12) % 12
    let sharps: [NoteClass] = [
      .init(.C), .init(.C, accidental: 1), .init(.D), .init(.D, accidental: 1), .init(.E),
      .init(.F),
      .init(.F, accidental: 1), .init(.G), .init(.G, accidental: 1), .init(.A),
      .init(.A, accidental: 1), .init(.B),
    ]
    let flats: [NoteClass] = [
      .init(.C), .init(.D, accidental: -1), .init(.D), .init(.E, accidental: -1), .init(.E),
      .init(.F),
      .init(.G, accidental: -1), .init(.G), .init(.A, accidental: -1), .init(.A),
      .init(.B, accidental: -1), .init(.B),
    ]
    return preferFlats ? flats[pc] : sharps[pc]
  }
}

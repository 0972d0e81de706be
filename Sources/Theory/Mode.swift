import Foundation

/// A diatonic mode (or harmonic minor), as a set of intervals above the tonic.
public enum Mode: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  case major, minor, dorian, phrygian, lydian, mixolydian, locrian
  case harmonicMinor = "harmonic minor"

  /// Semitones above the tonic of the seven scale degrees.
  public var intervals: [Int] {
    switch self {
    case .major: [0, 2, 4, 5, 7, 9, 11]
    case .minor: [0, 2, 3, 5, 7, 8, 10]
    case .dorian: [0, 2, 3, 5, 7, 9, 10]
    case .phrygian: [0, 1, 3, 5, 7, 8, 10]
    case .lydian: [0, 2, 4, 6, 7, 9, 11]
    case .mixolydian: [0, 2, 4, 5, 7, 9, 10]
    case .locrian: [0, 1, 3, 5, 6, 8, 10]
    case .harmonicMinor: [0, 2, 3, 5, 7, 8, 11]
    }
  }

  /// Whether the mode's third is minor: the parent of Roman numerals (`i` vs `I`) and of "minor-ness".
  public var hasMinorThird: Bool { intervals[2] == 3 }

  /// The major or minor key this mode is usually heard as (for key signatures and key-finding).
  public var parallelMajorMinor: Mode { hasMinorThird ? .minor : .major }

  public var description: String { rawValue }

  /// Parses `major`, `maj`, `minor`, `min`, `m`, `aeolian`, `ionian`, the church modes, `harmonic minor`.
  public init?(parsing text: String) {
    switch text.lowercased().trimmingCharacters(in: .whitespaces) {
    case "major", "maj", "ionian", "": self = .major
    case "minor", "min", "m", "aeolian", "natural minor": self = .minor
    case "dorian": self = .dorian
    case "phrygian": self = .phrygian
    case "lydian": self = .lydian
    case "mixolydian": self = .mixolydian
    case "locrian": self = .locrian
    case "harmonic minor", "harmonicminor", "harmonic": self = .harmonicMinor
    default: return nil
    }
  }
}

import Foundation

/// A key: a tonic and a mode, e.g. A minor or D dorian.
public struct Key: Sendable, Hashable, Codable, CustomStringConvertible {
  public var tonic: NoteClass
  public var mode: Mode

  public init(_ tonic: NoteClass, _ mode: Mode = .major) {
    self.tonic = tonic
    self.mode = mode
  }

  /// Parses "A minor", "Am", "F# dorian", "Bb", "c#m", "Eb major", "G:maj", "Gb:min".
  /// Returns nil for anything that is not a key, so callers can name the bad value.
  public init?(parsing text: String) {
    var t = text.trimmingCharacters(in: .whitespaces)
    guard !t.isEmpty else { return nil }
    t = t.replacingOccurrences(of: ":", with: " ")
    // Split tonic (letter + accidentals) from the rest.
    var tonicText = String(t.first!)
    var rest = t.dropFirst()
    while let c = rest.first, "#♯b♭x".contains(c) {
      // "Bb" is B-flat but "Cb" could also be... only letters followed by accidentals count.
      tonicText.append(c)
      rest = rest.dropFirst()
    }
    guard let tonic = NoteClass(tonicText) else { return nil }
    let modeText = rest.trimmingCharacters(in: .whitespaces)
    guard let mode = Mode(parsing: modeText) else { return nil }
    self.init(tonic, mode)
  }

  /// Pitch classes of the seven scale degrees, tonic first.
  public var scalePitchClasses: [Int] { mode.intervals.map { (tonic.pitchClass + $0) % 12 } }

  /// Whether spelling should prefer flats (F major, D minor, Bb…) — from the key signature.
  public var prefersFlats: Bool {
    signatureAccidentals < 0 || (signatureAccidentals == 0 && tonic.accidental < 0)
  }

  /// Sharps (positive) or flats (negative) in the key signature of the parallel major/minor
  /// that this mode is notated in (church modes use their parent major's signature).
  public var signatureAccidentals: Int {
    // Position of the tonic on the circle of fifths for a major key, from its spelling.
    let majorFifths: [NoteClass.Letter: Int] = [.C: 0, .G: 1, .D: 2, .A: 3, .E: 4, .B: 5, .F: -1]
    let offsetFromMajor: Int =
      switch mode {
      case .major: 0
      case .minor, .harmonicMinor: -3
      case .dorian: -2
      case .phrygian: -4
      case .lydian: 1
      case .mixolydian: -1
      case .locrian: -5
      }
    return majorFifths[tonic.letter]! + 7 * tonic.accidental + offsetFromMajor
  }

  /// The relative key (A minor ↔ C major); modes map to their parent major.
  public var relative: Key {
    switch mode {
    case .major: Key(spell(pitchClass: (tonic.pitchClass + 9) % 12), .minor)
    default:
      Key(spell(pitchClass: tonic.pitchClass + mode.semitonesToParentMajor), .major)
    }
  }

  /// Spells a pitch class as this key would: scale tones by their letter, others by the signature's direction.
  public func spell(pitchClass pc: Int) -> NoteClass {
    let pc = ((pc % 12) + 12) % 12
    let letters = NoteClass.Letter.allCases
    for (degree, interval) in mode.intervals.enumerated()
    where (tonic.pitchClass + interval) % 12 == pc {
      let letter = letters[(tonic.letter.rawValue + degree) % 7]
      var acc = pc - letter.naturalPitchClass
      if acc > 6 { acc -= 12 }
      if acc < -6 { acc += 12 }
      if (-2...2).contains(acc) { return NoteClass(letter, accidental: acc) }
    }
    // The raised seventh (the leading tone of minor and the modes) is always a sharpened seventh
    // letter, F# in G minor, never Gb: it leads up to the tonic.
    if pc == (tonic.pitchClass + 11) % 12 {
      let letter = letters[(tonic.letter.rawValue + 6) % 7]
      var acc = pc - letter.naturalPitchClass
      if acc > 6 { acc -= 12 }
      if acc < -6 { acc += 12 }
      if (-2...2).contains(acc) { return NoteClass(letter, accidental: acc) }
    }
    return NoteClass.spelling(ofPitchClass: pc, preferFlats: prefersFlats)
  }

  public var description: String { "\(tonic) \(mode)" }

  /// Short chord-chart form: `Am`, `C`, `F# dorian`.
  public var shortName: String {
    switch mode {
    case .major: "\(tonic)"
    case .minor: "\(tonic)m"
    default: "\(tonic) \(mode)"
    }
  }
}

extension Mode {
  /// Semitones from this mode's tonic up to its parent major's tonic (A minor → C: 3).
  var semitonesToParentMajor: Int {
    let major = Mode.major.intervals
    for shift in 0..<7 {
      let rotated = (0..<7).map { (intervals[($0 + shift) % 7] - intervals[shift] + 12) % 12 }
      if rotated == major { return intervals[shift] }
    }
    return 3  // harmonic minor is notated like its natural minor
  }
}

import Foundation

/// A chord: a spelled root, a quality and an optional bass note other than the root (a slash chord).
public struct Chord: Sendable, Hashable, Codable, CustomStringConvertible {
  public var root: NoteClass
  public var quality: ChordQuality
  /// The bass when it is not the root (`C/E`); nil for root position.
  public var bass: NoteClass?

  public init(_ root: NoteClass, _ quality: ChordQuality, bass: NoteClass? = nil) {
    self.root = root
    self.quality = quality
    self.bass = (bass?.pitchClass == root.pitchClass) ? nil : bass
  }

  /// Pitch classes of the chord tones, root first.
  public var pitchClasses: [Int] { quality.intervals.map { (root.pitchClass + $0) % 12 } }
  /// Pitch class of the lowest note as written (bass if given, else root).
  public var bassPitchClass: Int { bass?.pitchClass ?? root.pitchClass }

  /// Lead-sheet symbol: `Am7`, `C/E`, `Bbmaj7`, `F#m7b5`.
  public var symbol: String {
    "\(root)\(quality.chartSuffix)" + (bass.map { "/\($0)" } ?? "")
  }
  public var description: String { symbol }

  /// Parses a Harte chord label as used by POP909 and the McGill Billboard set:
  /// `B:maj`, `Bb:min7`, `A:min/b3`, `G:sus4(b7)`, `C` (bare root = major). `N` and `X` (no chord) give nil.
  public init?(harte text: String) {
    guard text != "N", text != "X", !text.isEmpty else { return nil }
    // Empty pieces are kept so ":" or ":maj" (no root) fail as labels instead of shifting the parts.
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(
      String.init)
    var qualityAndBass = parts.count > 1 ? parts[1] : ""
    var bassDegree: String?
    if let slash = qualityAndBass.lastIndex(of: "/") {
      bassDegree = String(qualityAndBass[qualityAndBass.index(after: slash)...])
      qualityAndBass = String(qualityAndBass[..<slash])
    }
    guard let root = NoteClass(parts[0]), let quality = ChordQuality(harte: qualityAndBass) else {
      return nil
    }
    var bass: NoteClass?
    if let degree = bassDegree, let semis = Chord.harteDegreeSemitones(degree) {
      bass = NoteClass.spelling(
        ofPitchClass: root.pitchClass + semis, preferFlats: root.accidental < 0)
    }
    self.init(root, quality, bass: bass)
  }

  /// Parses a lead-sheet symbol: `Am7`, `C/E`, `Bbmaj7`, `F#m7b5`, `Gsus4`, `D7`.
  public init?(symbol text: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard let first = t.first else { return nil }
    var rootText = String(first)
    var rest = Substring(t.dropFirst())
    while let c = rest.first, c == "#" || c == "b" || c == "♯" || c == "♭" {
      rootText.append(c)
      rest = rest.dropFirst()
    }
    var bass: NoteClass?
    if let slash = rest.lastIndex(of: "/") {
      guard let b = NoteClass(String(rest[rest.index(after: slash)...])) else { return nil }
      bass = b
      rest = rest[..<slash]
    }
    guard let root = NoteClass(rootText),
      let quality = ChordQuality.allCases.first(where: { $0.chartSuffix == String(rest) })
    else { return nil }
    self.init(root, quality, bass: bass)
  }

  /// Harte bass degrees: `3`, `b3`, `5`, `b7`, `7`, `#4`, `9`.
  static func harteDegreeSemitones(_ degree: String) -> Int? {
    var d = Substring(degree)
    var shift = 0
    while let c = d.first, c == "b" || c == "#" {
      shift += c == "b" ? -1 : 1
      d = d.dropFirst()
    }
    guard let n = Int(d), (1...13).contains(n) else { return nil }
    let major = [0, 2, 4, 5, 7, 9, 11]
    return major[(n - 1) % 7] + shift
  }
}

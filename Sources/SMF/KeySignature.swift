import Theory

/// The key signature meta event's two numbers: `sf` sharps (positive) or flats (negative), −7…7,
/// and `mi` 0 for major, 1 for minor.
struct KeySignature: Sendable, Hashable {
  var sharpsOrFlats: Int
  var isMinor: Bool

  private static let majorTonics = [
    "Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#",
  ]
  private static let minorTonics = [
    "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#",
  ]

  /// Reads the meta event's payload; nil when it is not two bytes or `sf` is outside −7…7.
  init?(metaBytes bytes: [UInt8]) {
    guard bytes.count >= 2 else { return nil }
    let sf = Int(Int8(bitPattern: bytes[0]))
    guard (-7...7).contains(sf) else { return nil }
    self.sharpsOrFlats = sf
    self.isMinor = bytes[1] == 1
  }

  /// The signature a DAW shows for `key`. A MIDI key signature knows only major and minor, so a
  /// church mode is written as the major or minor key on the same tonic (D dorian → D minor): the
  /// tonic survives, which is what a player reading the part needs first. Keys past 7 accidentals
  /// are respelled enharmonically (G# major → Ab major).
  init(_ key: Key) {
    let parallel = Key(key.tonic, key.mode.parallelMajorMinor)
    var sf = parallel.signatureAccidentals
    while sf > 7 { sf -= 12 }
    while sf < -7 { sf += 12 }
    self.sharpsOrFlats = sf
    self.isMinor = parallel.mode == .minor
  }

  var metaBytes: [UInt8] { [UInt8(bitPattern: Int8(sharpsOrFlats)), isMinor ? 1 : 0] }

  var key: Key {
    let names = isMinor ? Self.minorTonics : Self.majorTonics
    // The tables hold only valid spellings, so the parse cannot fail.
    let tonic = NoteClass(names[sharpsOrFlats + 7])!
    return Key(tonic, isMinor ? .minor : .major)
  }
}

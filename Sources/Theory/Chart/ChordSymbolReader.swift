/// Reads chord symbols as lead sheets and DAWs write them, beyond ``Chord/init(symbol:)``'s own
/// spellings: `Amin`, `A-7`, `CM7`, `CΔ7`, `C°`, `Cø7`, `Caug`, `Csus`, `C7b5`-free basics.
enum ChordSymbolReader {
  /// Suffix aliases → the chart suffix ``ChordQuality/chartSuffix`` uses.
  static let aliases: [String: String] = [
    "M": "", "maj": "", "min": "m", "mi": "m", "-": "m",
    "M7": "maj7", "Δ": "maj7", "Δ7": "maj7", "ma7": "maj7",
    "min7": "m7", "mi7": "m7", "-7": "m7",
    "°": "dim", "o": "dim", "°7": "dim7", "o7": "dim7",
    "ø": "m7b5", "ø7": "m7b5", "min7b5": "m7b5", "-7b5": "m7b5",
    "aug": "+", "sus": "sus4", "mmaj7": "m(maj7)", "mM7": "m(maj7)", "minmaj7": "m(maj7)",
    "min6": "m6", "min9": "m9", "M9": "maj9", "2": "sus2", "add2": "add9",
  ]

  static func chord(_ token: String) -> Chord? {
    if let chord = Chord(symbol: token) { return chord }
    // Split root, suffix and bass, then retry with the suffix's usual spelling.
    var rest = Substring(token)
    guard let first = rest.first else { return nil }
    var root = String(first)
    rest = rest.dropFirst()
    while let c = rest.first, "#b♯♭".contains(c) {
      root.append(c)
      rest = rest.dropFirst()
    }
    var bass = ""
    if let slash = rest.lastIndex(of: "/") {
      bass = String(rest[slash...])
      rest = rest[..<slash]
    }
    guard let suffix = aliases[String(rest)] else { return nil }
    return Chord(symbol: root + suffix + bass)
  }
}

/// A musical style the planner knows how to dress a sketch in.
public enum Style: String, Sendable, Hashable, Codable, CaseIterable {
  case pop, rock, metal, punk, edm, house, trap, hiphop, rnb, funk, blues, country, bluegrass, folk
  case classical, cinematic, ambient, lofi, jazz
  case bossaNova = "bossa nova"
  case reggae, synthwave, gospel, soul

  /// Parses a style name as users type it: `lofi`, `lo-fi`, `hip-hop`, `r&b`, `bossa`, `EDM`.
  public init?(name: String) {
    let key = name.lowercased().filter { $0.isLetter || $0 == "&" }
    let aliases: [String: Style] = [
      "lofi": .lofi, "hiphop": .hiphop, "rap": .hiphop, "rnb": .rnb, "r&b": .rnb, "randb": .rnb,
      "bossa": .bossaNova, "bossanova": .bossaNova, "electronic": .edm, "dance": .edm,
      "techno": .edm,
      "orchestral": .cinematic, "film": .cinematic, "soundtrack": .cinematic, "heavymetal": .metal,
      "poppunk": .punk, "americana": .country, "neosoul": .soul, "retrowave": .synthwave,
      "outrun": .synthwave,
    ]
    if let s = aliases[key]
      ?? Style.allCases.first(where: { $0.rawValue.filter(\.isLetter) == key })
    {
      self = s
    } else {
      return nil
    }
  }
}

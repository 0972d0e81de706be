import Affect

/// Where each style's drum part comes from: a Groove MIDI Dataset genre, or (where GMD has no such
/// genre) the style's documented rules in ``RuleGrooves``.
enum StyleGrooves {
  /// The GMD genre a style's drummers play, nil where the style's drums are programmed or absent.
  ///
  /// R&B borrows soul's grooves, lo-fi hip-hop's, bossa nova the latin takes (mostly Brazilian in GMD).
  static func genre(for style: Style) -> String? {
    switch style {
    case .pop: "pop"
    case .rock: "rock"
    case .punk: "punk"
    case .hiphop, .lofi: "hiphop"
    case .rnb, .soul: "soul"
    case .funk: "funk"
    case .blues: "blues"
    case .country: "country"
    case .jazz: "jazz"
    case .bossaNova: "latin"
    case .reggae: "reggae"
    case .gospel: "gospel"
    case .metal, .edm, .house, .trap, .synthwave, .cinematic, .classical, .ambient, .folk,
      .bluegrass:
      nil
    }
  }

  /// Where a genre without fill takes borrows its fills.
  static let fillGenre = ["blues": "jazz"]

  /// The grooves for a style: learned when the table has its genre, else the style's rules.
  static func grooves(for style: Style, table: GrooveTable?) -> GenreGrooves? {
    if let genre = genre(for: style), var learned = table?.genres[genre], !learned.beats.isEmpty {
      // GMD has no fill takes for blues (four shuffle grooves only): its drummers' jazz fills,
      // played with the same triplet feel, stand in.
      if learned.fills.isEmpty, let borrowed = fillGenre[genre],
        let fills = table?.genres[borrowed]?.fills
      {
        learned.fills = fills
      }
      return style == .lofi ? RuleGrooves.dusty(learned) : learned
    }
    return RuleGrooves.grooves(for: style)
  }
}

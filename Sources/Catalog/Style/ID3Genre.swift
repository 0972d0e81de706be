/// Reads the genre an MP3's ID3 tag holds as the genre's name.
///
/// libsndfile hands over an ID3v2 `TCON` frame as written, and taggers of the last 25 years often wrote
/// a number there rather than a name: ID3v2.3 refers to the ID3v1 genre list as "(17)" (optionally
/// followed by a refinement, "(17)Indie Rock"), ID3v2.4 writes "17", and both have "(RX)" / "RX" for a
/// remix and "(CR)" / "CR" for a cover, which say nothing about the style. Without this, "(17)" would be
/// stored as a style named "(17)" and the rock it means would be lost.
public enum ID3Genre {
  /// The genre's name, the text itself when it is already a name, or nil when it only refers to a remix,
  /// a cover or a number outside the list.
  ///
  /// - "(17)" → "Rock", "17" → "Rock", "(17)Indie Rock" → "Indie Rock" (the refinement is the more
  ///   precise name), "(51)(39)" → "Techno-Industrial" (the first reference), "((Live)" → "(Live)"
  ///   (ID3v2.3's escape for a name that starts with a parenthesis).
  public static func name(forTag raw: String) -> String? {
    let text = raw.trimmingCharacters(in: .whitespaces)
    if let number = Int(text) { return name(number: number) }
    if text == "RX" || text == "CR" { return nil }
    guard text.hasPrefix("("), !text.hasPrefix("((") else {
      return text.hasPrefix("((") ? String(text.dropFirst()) : text
    }
    var rest = Substring(text)
    var first: String?
    var referred = false
    while rest.hasPrefix("("), !rest.hasPrefix("(("), let close = rest.firstIndex(of: ")") {
      let token = rest[rest.index(after: rest.startIndex)..<close]
      let isNumber =
        !token.isEmpty && token.count <= 3 && token.allSatisfy { $0.isASCII && $0.isNumber }
      guard isNumber || token == "RX" || token == "CR" else { break }
      referred = true
      if isNumber, first == nil, let number = Int(token) { first = name(number: number) }
      rest = rest[rest.index(after: close)...]
    }
    if rest.hasPrefix("((") { rest = rest.dropFirst() }
    let refinement = rest.trimmingCharacters(in: .whitespaces)
    // A refinement without a letter (what is left of a tag cut short) refines nothing.
    if refinement.contains(where: \.isLetter) { return refinement }
    return referred ? first : text
  }

  /// The name of an ID3v1 genre number (0–191, Winamp's extension included); nil outside the list
  /// (255 means "none").
  public static func name(number: Int) -> String? {
    names.indices.contains(number) ? names[number] : nil
  }

  /// ID3v1 genres 0–79 and Winamp's extension 80–191, in number order (as TagLib and mutagen list them).
  static let names: [String] = [
    "Blues", "Classic Rock", "Country", "Dance", "Disco", "Funk", "Grunge", "Hip-Hop", "Jazz",
    "Metal",
    "New Age", "Oldies", "Other", "Pop", "R&B", "Rap", "Reggae", "Rock", "Techno", "Industrial",
    "Alternative", "Ska", "Death Metal", "Pranks", "Soundtrack", "Euro-Techno", "Ambient",
    "Trip-Hop",
    "Vocal", "Jazz+Funk", "Fusion", "Trance", "Classical", "Instrumental", "Acid", "House", "Game",
    "Sound Clip", "Gospel", "Noise", "Alternative Rock", "Bass", "Soul", "Punk", "Space",
    "Meditative",
    "Instrumental Pop", "Instrumental Rock", "Ethnic", "Gothic", "Darkwave", "Techno-Industrial",
    "Electronic", "Pop-Folk", "Eurodance", "Dream", "Southern Rock", "Comedy", "Cult", "Gangsta",
    "Top 40", "Christian Rap", "Pop/Funk", "Jungle", "Native American", "Cabaret", "New Wave",
    "Psychedelic", "Rave", "Showtunes", "Trailer", "Lo-Fi", "Tribal", "Acid Punk", "Acid Jazz",
    "Polka",
    "Retro", "Musical", "Rock & Roll", "Hard Rock",
    // Winamp's extension.
    "Folk", "Folk-Rock", "National Folk", "Swing", "Fast Fusion", "Bebop", "Latin", "Revival",
    "Celtic",
    "Bluegrass", "Avantgarde", "Gothic Rock", "Progressive Rock", "Psychedelic Rock",
    "Symphonic Rock",
    "Slow Rock", "Big Band", "Chorus", "Easy Listening", "Acoustic", "Humour", "Speech", "Chanson",
    "Opera", "Chamber Music", "Sonata", "Symphony", "Booty Bass", "Primus", "Porn Groove", "Satire",
    "Slow Jam", "Club", "Tango", "Samba", "Folklore", "Ballad", "Power Ballad", "Rhythmic Soul",
    "Freestyle", "Duet", "Punk Rock", "Drum Solo", "A Cappella", "Euro-House", "Dance Hall", "Goa",
    "Drum & Bass", "Club-House", "Hardcore Techno", "Terror", "Indie", "BritPop", "Afro-Punk",
    "Polsk Punk", "Beat", "Christian Gangsta Rap", "Heavy Metal", "Black Metal", "Crossover",
    "Contemporary Christian", "Christian Rock", "Merengue", "Salsa", "Thrash Metal", "Anime",
    "JPop",
    "Synthpop", "Abstract", "Art Rock", "Baroque", "Bhangra", "Big Beat", "Breakbeat", "Chillout",
    "Downtempo", "Dub", "EBM", "Eclectic", "Electro", "Electroclash", "Emo", "Experimental",
    "Garage",
    "Global", "IDM", "Illbient", "Industro-Goth", "Jam Band", "Krautrock", "Leftfield", "Lounge",
    "Math Rock", "New Romantic", "Nu-Breakz", "Post-Punk", "Post-Rock", "Psytrance", "Shoegaze",
    "Space Rock", "Trop Rock", "World Music", "Neoclassical", "Audiobook", "Audio Theatre",
    "Neue Deutsche Welle", "Podcast", "Indie Rock", "G-Funk", "Dubstep", "Garage Rock", "Psybient",
  ]
}

import Theory

/// Section endings made explicit where the song's shape asks for them.
enum Cadence {
  /// The progression with its last two chords made V7 → I (i in a minor key): the perfect cadence
  /// a chorus lands on. A one-chord progression only gets the tonic.
  static func perfect(_ chords: [GeneratedChord], key: Key, ticksPerQuarter: Int)
    -> [GeneratedChord]
  {
    guard !chords.isEmpty else { return chords }
    var result = chords
    result[result.count - 1] = replaced(result[result.count - 1], numeral: tonic(key), key: key)
    if result.count >= 2 {
      result[result.count - 2] = replaced(result[result.count - 2], numeral: "V7", key: key)
    }
    return result
  }

  /// The progression with its last bar given to the tonic, held: how a song ends.
  static func home(_ chords: [GeneratedChord], key: Key, barTicks: Int) -> [GeneratedChord] {
    guard let end = chords.map({ $0.start + $0.duration }).max(), end > 0 else { return chords }
    let lastBar = max(0, end - barTicks)
    var result = chords.filter { $0.start < lastBar }.map { chord in
      var c = chord
      c.duration = min(chord.duration, lastBar - chord.start)
      return c
    }
    let template = chords.last!
    var final = replaced(template, numeral: tonic(key), key: key)
    final.start = lastBar
    final.duration = end - lastBar
    final.bar = lastBar / barTicks
    result.append(final)
    return result
  }

  static func tonic(_ key: Key) -> String { ChordToken.tonic(for: key.mode) }

  static func replaced(_ chord: GeneratedChord, numeral text: String, key: Key) -> GeneratedChord {
    guard let numeral = RomanNumeral(parsing: text) else { return chord }
    var c = chord
    c.roman = numeral
    c.chord = numeral.chord(in: key)
    c.token = ChordToken.token(for: c.chord, in: key)?.token ?? text
    return c
  }
}

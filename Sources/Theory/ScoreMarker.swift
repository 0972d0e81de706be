/// A named moment in a score: a section name ("Verse", "A"), a rehearsal mark or any marker text a
/// MIDI file carries. Notation prints them as rehearsal marks, pictures as section labels.
public struct ScoreMarker: Sendable, Hashable, Codable {
  public var tick: Int
  public var text: String

  public init(tick: Int, text: String) {
    self.tick = tick
    self.text = text
  }

  /// Chord spans from markers whose text is a chord symbol (`Am7`, `C/E`, as moodsketch and many DAWs
  /// write them), each lasting to the next chord marker or to `endTick`. Other markers are ignored.
  ///
  /// - Parameters:
  ///   - markers: markers in any order.
  ///   - key: the key the Roman numerals are named in.
  ///   - endTick: where the last chord ends (usually the score's ``Score/endTick``).
  public static func chordSpans(from markers: [ScoreMarker], in key: Key, endTick: Int)
    -> [ChordSpan]
  {
    let chords = markers.sorted { $0.tick < $1.tick }.compactMap { marker in
      Chord(symbol: marker.text).map { (marker.tick, $0) }
    }
    return chords.enumerated().compactMap { index, entry in
      let end = index + 1 < chords.count ? chords[index + 1].0 : max(endTick, entry.0)
      guard end > entry.0 || index + 1 == chords.count else { return nil }
      return ChordSpan(
        start: entry.0, duration: end - entry.0, chord: entry.1,
        roman: RomanNumeral(chord: entry.1, in: key))
    }
  }

  /// The markers that are not chord symbols: section names and rehearsal marks.
  public static func sections(from markers: [ScoreMarker]) -> [ScoreMarker] {
    markers.filter { Chord(symbol: $0.text) == nil && !$0.text.isEmpty }.sorted {
      $0.tick < $1.tick
    }
  }
}

import Affect
import Recommend

/// Reads listener tags ("melancholic", "chill", "jazz") and `--mood` prompts with the same mood lexicon the
/// sketch prompt uses, and hands Recommend plain values (it may not import Affect).
enum ListenTagLexicon {
  /// The meaning of every distinct tag the lexicon fully understands; tags with unknown words are left out
  /// rather than guessed ("seen live", "80s").
  static func build(tags: [String]) -> [String: TagAffect] {
    let parser = MoodParser()
    var out: [String: TagAffect] = [:]
    for tag in Set(tags) {
      guard let mood = try? parser.parse(tag), !mood.drivers.isEmpty, mood.unknownWords.isEmpty
      else { continue }
      // A genre tag ("pop", "electronic") names a style, not how the music feels: it gets no valence/arousal,
      // or every pop artist would look cheerful.
      let styleOnly = mood.drivers.allSatisfy { Style(name: $0.text) != nil }
      out[tag] = TagAffect(
        valence: styleOnly ? nil : mood.valence, arousal: styleOnly ? nil : mood.arousal,
        styles: Dictionary(
          mood.styles.map { ($0.style.rawValue, $0.weight) }, uniquingKeysWith: max))
    }
    return out
  }

  /// The target for `--mood PROMPT`.
  static func target(_ prompt: String) throws -> MoodTarget {
    let mood = try MoodParser().parse(prompt)
    return MoodTarget(
      valence: mood.valence, arousal: mood.arousal,
      styles: Dictionary(mood.styles.map { ($0.style.rawValue, $0.weight) }, uniquingKeysWith: max),
      prompt: prompt)
  }
}

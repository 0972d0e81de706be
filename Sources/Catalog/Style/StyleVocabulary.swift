import Affect
import Foundation

/// Maps free-form genre text (a file's genre tag, a table's genre column, a listening-history tag) to a style
/// name of the mood lexicon's vocabulary (``Style``), so "Hip-Hop", "chillhop" and "Funk / Soul" land on
/// `hiphop`, `lofi` and `funk` the way a prompt's words do.
public enum StyleVocabulary {
  /// The style a genre names, or nil when neither the whole text nor any part of it is a style word.
  ///
  /// Tried in order: the whole text as a style name (`lo-fi`, `R&B`) or lexicon style term (`deep house`);
  /// then each part split at `/ ; , |` and ` - ` ("Rock - Roots Rock", "Funk / Soul"), first match wins;
  /// then the words of the text, longest phrase first ("Classic Rock" → `rock`).
  public static func style(forGenre raw: String) -> String? {
    guard let text = TagText.clean(raw) else { return nil }
    if let s = whole(text) { return s }
    let parts = text.components(separatedBy: CharacterSet(charactersIn: "/;,|"))
      .flatMap { $0.components(separatedBy: " - ") }
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if parts.count > 1 {
      for part in parts { if let s = whole(part) { return s } }
    }
    for part in parts {
      let words = Lexicon.normalisedTerm(part).split(separator: " ").map(String.init)
      guard words.count > 1 else { continue }
      for length in stride(from: min(words.count - 1, 3), through: 1, by: -1) {
        for start in 0...(words.count - length) {
          if let s = lexiconStyle(words[start..<(start + length)].joined(separator: " ")) {
            return s
          }
        }
      }
    }
    return nil
  }

  /// The style name stored for a genre: the vocabulary's name when it has one, else the cleaned genre in
  /// lower case (what catalogs stored before the vocabulary mapping), so no information is thrown away;
  /// nil for placeholders ("Unknown", "Other", "N/A") that taggers write where a genre would go. An MP3's
  /// numbered ID3 genre ("(17)", "17") is read as its name first (``ID3Genre``).
  public static func storedStyle(forGenre raw: String?) -> String? {
    guard let raw, let cleaned = TagText.clean(raw), let text = ID3Genre.name(forTag: cleaned)
    else {
      return nil
    }
    if let s = style(forGenre: text) { return s }
    let lowered = text.lowercased()
    guard looksLikeAGenre(lowered) else { return nil }
    return placeholders.contains(lowered.filter { $0.isLetter || $0 == " " }) ? nil : lowered
  }

  /// Longest unknown genre kept as a style name; the longest ID3 genre is 22 characters.
  static let maximumGenreLength = 48

  /// Whether text no style word matched may still be kept as a genre: short, and at least half letters,
  /// so that a tag of binary bytes that happen to be printable is not listed as a style.
  static func looksLikeAGenre(_ text: String) -> Bool {
    guard text.count <= maximumGenreLength else { return false }
    return 2 * text.filter(\.isLetter).count >= text.count
  }

  /// Genre-field fillers that say nothing about the music.
  static let placeholders: Set<String> = [
    "", "unknown", "other", "others", "misc", "miscellaneous", "none", "na", "genre", "various",
    "default", "undefined", "no genre", "unclassified",
  ]

  /// The most applied style among weighted tags (listening-history tags with counts), with its share of the
  /// style-bearing weight; nil when no tag names a style.
  public static func style(forTags tags: [(tag: String, count: Int)]) -> (
    style: String, share: Double
  )? {
    var weights: [String: Double] = [:]
    for (tag, count) in tags where count > 0 {
      if let s = style(forGenre: tag) { weights[s, default: 0] += Double(count) }
    }
    let total = weights.values.reduce(0, +)
    guard total > 0,
      let best = weights.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
    else { return nil }
    return (best.key, best.value / total)
  }

  private static func whole(_ text: String) -> String? {
    Lexicon.bundled.style(forTerm: text)?.rawValue
  }

  private static func lexiconStyle(_ term: String) -> String? {
    Lexicon.bundled.style(forTerm: term)?.rawValue
  }
}

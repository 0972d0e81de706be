import Foundation
import Theory

// Where the numbers come from
// ---------------------------
// Every valence/arousal pair in Resources/lexicon.tsv was placed by the moodsketch project on
// Russell's (1980) circumplex model of affect ("A circumplex model of affect", Journal of Personality
// and Social Psychology 39(6)); no published norm list (ANEW, Warriner et al., NRC-VAD) was copied or
// transcribed. The method, written up in Resources/LEXICON.md:
//  1. Fix a small set of anchor words at the positions Russell's circle gives their angle:
//     happy (0.80, 0.50), excited (0.60, 0.90), calm (0.50, −0.60), relaxed (0.60, −0.50),
//     sad (−0.70, −0.40), bored (−0.40, −0.70), angry (−0.75, 0.80), afraid (−0.70, 0.65),
//     tense (−0.45, 0.60), content (0.70, −0.30), neutral (0, 0).
//  2. Place each other term relative to its nearest anchors: same angle as the closest anchor(s),
//     radius by intensity (a mild word ≈ 0.3, a typical one ≈ 0.6, an extreme one ≈ 0.9).
//  3. Scenes, places, weather, colours and textures get the mood that music chosen for them usually
//     carries ("funeral" → −V −A; "boss fight" → −V +A; "coffee shop" → +V −A), and style words the
//     typical mood of the style, with the style itself in the fifth column.
//  4. Scripts/lexicon/lexicon_tool.py checks ranges, sort order, duplicates and style coverage, and merges
//     new entries; LexiconTests check the same from Swift.

/// The mood lexicon: words and phrases with valence and arousal, looked up with light stemming.
///
/// ```swift
/// let lexicon = Lexicon.bundled
/// lexicon.entry(for: "late night")?.arousal  // −0.3
/// ```
public struct Lexicon: Sendable {
  /// Entries by normalised term.
  public let entries: [String: LexiconEntry]
  /// Longest phrase in words, so the parser knows how far ahead to look.
  public let longestPhrase: Int
  /// First words of multi-word terms: a phrase is only looked up when its first word starts one, which
  /// spares most of the dictionary probes (each with its stemmed variants) while reading a prompt.
  let phraseStarts: Set<String>
  /// Set when the bundled file could not be read; the parser reports it on first use.
  let loadError: AffectError?

  /// Builds a lexicon from entries; terms are normalised as prompts are. Later duplicates replace earlier ones.
  public init(entries: [LexiconEntry]) {
    var map: [String: LexiconEntry] = [:]
    for var e in entries {
      // Most terms are stored normalised already; the byte check saves re-tokenising 2,000 terms per launch.
      if !Lexicon.isNormalised(e.term) { e.term = PromptTokenizer.normalise(e.term) }
      guard !e.term.isEmpty else { continue }
      map[e.term] = e
    }
    self.entries = map
    self.longestPhrase = map.values.map(\.wordCount).max() ?? 1
    self.phraseStarts = Set(
      map.keys.filter { $0.contains(" ") }.compactMap {
        $0.split(separator: " ").first.map(String.init)
      })
    self.loadError = nil
  }

  /// Whether a term is already lower-case ASCII words of `a-z`, `0-9`, `&` separated by single spaces.
  static func isNormalised(_ term: String) -> Bool {
    var previousSpace = true
    for byte in term.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "&"):
        previousSpace = false
      case UInt8(ascii: " ") where !previousSpace:
        previousSpace = true
      default:
        return false
      }
    }
    return !previousSpace
  }

  private init(failure: AffectError) {
    entries = [:]
    longestPhrase = 1
    phraseStarts = []
    loadError = failure
  }

  /// Parses lexicon text: `term<TAB>valence<TAB>arousal<TAB>category[<TAB>style]` per line;
  /// lines starting with `#` and blank lines are skipped.
  ///
  /// - Parameter source: a name for error messages (a file name).
  /// - Throws: ``AffectError/lexiconMalformed(source:line:reason:)`` naming the first bad line.
  public init(tsv text: String, source: String) throws {
    self.init(entries: try Lexicon.parse(tsv: text, source: source))
  }

  /// The lexicon shipped with moodsketch (`Resources/lexicon.tsv`), loaded once, found through
  /// ``RuntimeResources`` (installed copy first; never `Bundle.module`, which stops the program when
  /// the build folder is gone).
  public static let bundled: Lexicon = {
    guard let path = bundledPath else {
      let looked = RuntimeResources.candidates(
        "lexicon.tsv", module: "Affect", sourceFolder: sourceResources)
      return Lexicon(
        failure: .lexiconUnavailable(
          "lexicon.tsv is in none of \(looked.joined(separator: ", "))"))
    }
    let url = URL(fileURLWithPath: path)
    do {
      let text = try String(contentsOf: url, encoding: .utf8)
      return try Lexicon(tsv: text, source: url.lastPathComponent)
    } catch let error as AffectError {
      return Lexicon(failure: error)
    } catch {
      return Lexicon(failure: .lexiconUnavailable("\(url.path): \(error.localizedDescription)"))
    }
  }()

  /// Where the shipped lexicon was found, or nil.
  public static var bundledPath: String? {
    RuntimeResources.locate("lexicon.tsv", module: "Affect", sourceFolder: sourceResources)
  }

  /// `Sources/Affect/Resources` of the checkout this binary was built from.
  private static let sourceResources =
    ((#filePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
      "Resources")

  /// Parses lexicon text into entries in file order, without merging duplicates (the checker needs them).
  static func parse(tsv text: String, source: String) throws -> [LexiconEntry] {
    var result: [LexiconEntry] = []
    result.reserveCapacity(2500)
    let tab = UInt8(ascii: "\t")
    // Bytes, not Characters: splitting 2,000 lines by grapheme took most of the start-up time.
    func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
      var slice = bytes
      while let b = slice.first, b == 32 || b == 13 { slice = slice.dropFirst() }
      while let b = slice.last, b == 32 || b == 13 { slice = slice.dropLast() }
      return String(decoding: slice, as: UTF8.self)
    }
    let lines = Array(text.utf8).split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      if line.first == UInt8(ascii: "#") || line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == tab }) {
        continue
      }
      let fields = line.split(separator: tab, omittingEmptySubsequences: false).map(trimmed)
      func bad(_ reason: String) -> AffectError {
        .lexiconMalformed(source: source, line: index + 1, reason: reason)
      }
      guard fields.count == 4 || fields.count == 5 else {
        throw bad("expected 4 or 5 tab-separated fields, found \(fields.count)")
      }
      guard let v = Double(fields[1]), (-1...1).contains(v) else {
        throw bad("valence '\(fields[1])' is not in [-1, 1]")
      }
      guard let a = Double(fields[2]), (-1...1).contains(a) else {
        throw bad("arousal '\(fields[2])' is not in [-1, 1]")
      }
      guard let category = LexiconEntry.Category(rawValue: fields[3]) else {
        throw bad("unknown category '\(fields[3])'")
      }
      var style: Style?
      if fields.count == 5, !fields[4].isEmpty {
        guard let s = Style(rawValue: fields[4]) else { throw bad("unknown style '\(fields[4])'") }
        style = s
      }
      if category == .style, style == nil {
        throw bad("a style word needs its style in the fifth field")
      }
      result.append(
        LexiconEntry(term: fields[0], valence: v, arousal: a, category: category, style: style))
    }
    return result
  }

  /// The entry for a normalised term, exactly as stored.
  public func entry(for term: String) -> LexiconEntry? { entries[term] }

  /// The entry for a word or phrase as typed, trying inflections of the last word when the exact form is
  /// missing ("dreaming" → "dream", "late nights" → "late night", "happier" → "happy").
  public func lookup(_ phrase: String) -> LexiconEntry? {
    if let e = entries[phrase] { return e }
    var words = phrase.split(separator: " ").map(String.init)
    guard let last = words.popLast() else { return nil }
    let prefix = words.isEmpty ? "" : words.joined(separator: " ") + " "
    for stem in Stemmer.candidates(for: last) {
      if let e = entries[prefix + stem] { return e }
    }
    return nil
  }
}

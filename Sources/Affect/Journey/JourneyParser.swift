import Foundation

/// Finds a mood journey in a prompt; a prompt without one is left to ``MoodParser`` alone.
///
/// Recognised shapes (case-insensitive):
/// - arrows: `calm → intense`, `calm -> intense -> calm`, `dark => bright` (a path);
/// - `from X to Y [to Z]` (a path; words before `from` describe every stage: "lo-fi from lonely to
///   hopeful");
/// - `starts X, ends Y` (also begins/opens … ends/finishes/closes; a path);
/// - two or more clauses (split at `,` `;` `and` `then` `but`) that each name a section
///   (intro, verse, pre-chorus, chorus, bridge, outro, hook, drop, breakdown, refrain):
///   `sad verse, hopeful chorus`; clauses naming no section describe every stage.
///
/// Each stage is read by ``MoodParser``; in a journey every word must be understood, since a
/// misread stage would shape a whole section: an unknown word is an error naming it.
public struct JourneyParser: Sendable {
  public let parser: MoodParser

  public init(parser: MoodParser = MoodParser()) { self.parser = parser }

  /// Section names, longest first so "pre-chorus" wins over "chorus".
  static let sectionNames = [
    "pre-chorus", "prechorus", "breakdown", "refrain", "chorus", "bridge", "intro", "verse",
    "outro",
    "hook", "drop",
  ]

  /// Words a journey uses to describe motion, not mood; never reported as unknown.
  static let motionWords: Set<String> = [
    "goes", "go", "going", "moves", "move", "moving", "turns", "turn", "turning", "becomes",
    "become", "becoming", "gets", "get", "getting", "grows", "grow", "builds", "build", "feels",
    "feel", "feeling", "then", "section", "part", "starts", "start", "begins", "ends", "end",
    "finishes", "closes", "opens", "up", "out", "off", "and", "later", "finally", "eventually",
  ]

  /// The journey a prompt describes, or nil when it describes one mood.
  ///
  /// - Throws: ``AffectError/unknownJourneyWord(_:stage:)`` for a word the lexicon lacks in a stage;
  ///   ``AffectError/emptyJourneyStage(_:)`` for a stage with no words ("from to happy").
  public func parse(_ prompt: String) throws -> MoodJourney? {
    let text = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
    if let parts = Self.arrowParts(text) { return try path(parts, shared: "") }
    if let (shared, parts) = Self.fromToParts(text) { return try path(parts, shared: shared) }
    if let parts = Self.startsEndsParts(text) { return try path(parts, shared: "") }
    return try sections(text)
  }

  // MARK: - Shapes

  static func arrowParts(_ text: String) -> [String]? {
    var normalised = text
    for arrow in ["⟶", "→", "->", "=>", "—>"] {
      normalised = normalised.replacingOccurrences(of: arrow, with: "\u{1F}")
    }
    let parts = normalised.split(separator: "\u{1F}", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return parts.count >= 2 ? parts : nil
  }

  static func fromToParts(_ text: String) -> (String, [String])? {
    let pattern = #"^(.*?)\bfrom\s+(.*?)\s+to\s+(.+)$"#
    guard let match = Self.match(pattern, in: text), match.count == 3 else { return nil }
    // "far from happy" is a negation, not the start of a journey.
    if match[0].lowercased().hasSuffix("far ") { return nil }
    let rest = match[2].components(separatedBy: " to ").flatMap {
      $0.components(separatedBy: " then ")
    }
    return (match[0], [match[1]] + rest.map { $0.trimmingCharacters(in: .whitespaces) })
  }

  static func startsEndsParts(_ text: String) -> [String]? {
    let pattern =
      #"^.*?\b(?:starts?|starting|begins?|beginning|opens?)\s+(?:out\s+|off\s+)?(?:as\s+|with\s+)?(.+?)\s*(?:,|;|\band\b|\bthen\b|\bbut\b)\s*(?:\bthen\s+)?\b(?:ends?|ending|finish(?:es)?|closes?)\s+(?:up\s+)?(?:as\s+|with\s+|on\s+)?(.+)$"#
    guard let match = Self.match(pattern, in: text), match.count == 2 else { return nil }
    return match
  }

  /// The capture groups of the first match, case-insensitively.
  static func match(_ pattern: String, in text: String) -> [String]? {
    guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
      let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    return (1..<m.numberOfRanges).map { i in
      Range(m.range(at: i), in: text).map { String(text[$0]) } ?? ""
    }
  }

  func path(_ parts: [String], shared: String) throws -> MoodJourney {
    let stages = try parts.enumerated().map { i, part in
      MoodJourney.Stage(
        section: nil, position: parts.count > 1 ? Double(i) / Double(parts.count - 1) : 0,
        text: Self.clean(part), mood: try mood(part, shared: shared))
    }
    return MoodJourney(shape: .path, stages: stages)
  }

  func sections(_ text: String) throws -> MoodJourney? {
    let clauses = text.replacingOccurrences(
      of: #"\s*(?:[,;]|\band\b|\bthen\b|\bbut\b)\s*"#, with: "\u{1F}",
      options: [.regularExpression, .caseInsensitive]
    ).split(separator: "\u{1F}").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
    var named: [(section: String, rest: String, clause: String)] = []
    var shared: [String] = []
    for clause in clauses {
      let lower = clause.lowercased()
      if let section = Self.sectionNames.first(where: {
        lower.range(of: #"\b\#($0)s?\b"#, options: .regularExpression) != nil
      }) {
        let rest = lower.replacingOccurrences(
          of: #"\b\#(section)s?\b"#, with: " ", options: .regularExpression)
        named.append((section == "prechorus" ? "pre-chorus" : section, rest, clause))
      } else {
        shared.append(clause)
      }
    }
    guard named.count >= 2 else { return nil }
    let context = shared.joined(separator: ", ")
    let stages = try named.enumerated().map { i, entry in
      MoodJourney.Stage(
        section: entry.section, position: Double(i) / Double(named.count - 1),
        text: Self.clean(entry.rest),
        mood: try mood(entry.rest, shared: context, named: entry.clause))
    }
    return MoodJourney(shape: .sections, stages: stages)
  }

  // MARK: - Stages

  /// One stage's mood: its own words (every one must be known) with the shared words after them.
  func mood(_ part: String, shared: String, named: String? = nil) throws -> Mood {
    let own = Self.clean(part)
    let stageName = named.map(Self.clean) ?? own
    guard !own.isEmpty else { throw AffectError.emptyJourneyStage(stageName) }
    let alone: Mood
    do {
      alone = try parser.parse(own)
    } catch AffectError.noKnownWords {
      let first = own.split(separator: " ").map(String.init).first {
        !Self.motionWords.contains($0.lowercased())
      }
      throw AffectError.unknownJourneyWord(first ?? own, stage: stageName)
    }
    if let unknown = alone.unknownWords.first(where: { !Self.motionWords.contains($0) }) {
      throw AffectError.unknownJourneyWord(unknown, stage: stageName)
    }
    guard !shared.trimmingCharacters(in: .whitespaces).isEmpty,
      let combined = try? parser.parse(own + ", " + shared)
    else { return alone }
    return combined
  }

  /// A stage's words without surrounding punctuation and spaces.
  static func clean(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

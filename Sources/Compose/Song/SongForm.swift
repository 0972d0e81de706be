import Foundation
import Theory

/// A song's sections in order, as a songwriter writes them: `intro:4 verse:8 chorus:8 … outro:4`.
///
/// Each section is a name and a length in bars. Sections with the same name share their material
/// (the second verse is the first one varied, not a new tune); the role a name carries (a chorus
/// lifts, an intro sets up) comes from ``Role``.
public struct SongForm: Sendable, Hashable, Codable {
  /// What a section does in the song; decides how its plan departs from the song's.
  public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case intro, verse
    case preChorus = "pre-chorus"
    case chorus, bridge, breakdown, outro
  }

  public struct Section: Sendable, Hashable, Codable {
    /// The name as typed, lower-cased ("verse", "pre-chorus").
    public var name: String
    public var role: Role
    public var bars: Int
    public init(name: String, role: Role, bars: Int) {
      self.name = name
      self.role = role
      self.bars = bars
    }
  }

  public var sections: [Section]

  public init(sections: [Section]) { self.sections = sections }

  /// Forms a user can ask for by name (`--form song`).
  public static let presets: [(name: String, form: String)] = [
    ("song", "intro:4 verse:8 chorus:8 verse:8 chorus:8 bridge:4 chorus:8 outro:4"),
    ("short", "verse:8 chorus:8"),
    ("pop", "intro:4 verse:8 pre-chorus:4 chorus:8 verse:8 pre-chorus:4 chorus:8 outro:4"),
    ("ballad", "intro:4 verse:8 verse:8 chorus:8 bridge:8 chorus:8 outro:4"),
    // A loop is one section played through twice, varied the second time.
    ("loop", "verse:4 verse:4"),
  ]

  /// Names a section may have, with the role each plays. Synonyms map to the nearest role.
  static let names: [String: Role] = [
    "intro": .intro, "verse": .verse, "pre-chorus": .preChorus, "prechorus": .preChorus,
    "build": .preChorus, "chorus": .chorus, "hook": .chorus, "refrain": .chorus, "drop": .chorus,
    "bridge": .bridge, "middle8": .bridge, "breakdown": .breakdown, "outro": .outro,
    "coda": .outro,
  ]

  /// The longest song we write, in bars (a bit over ten minutes at 100 BPM).
  public static let maximumBars = 256

  /// Parses `--form`: a preset name, or sections `name:bars` separated by spaces or commas.
  ///
  /// - Throws: ``SongFormError`` naming the section that is malformed, unknown, or too long.
  public init(parsing text: String) throws(SongFormError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let preset = Self.presets.first(where: { $0.name == trimmed }) {
      try self.init(parsing: preset.form)
      return
    }
    let tokens = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    guard !tokens.isEmpty else { throw .empty }
    var sections: [Section] = []
    for (index, token) in tokens.enumerated() {
      let parts = token.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty else {
        throw .missingLength(token, position: index + 1)
      }
      guard let role = Self.names[parts[0]] else { throw .unknownSection(parts[0]) }
      guard let bars = Int(parts[1]), (1...64).contains(bars) else {
        throw .badLength(token, position: index + 1)
      }
      sections.append(
        Section(name: parts[0] == "prechorus" ? "pre-chorus" : parts[0], role: role, bars: bars))
    }
    let total = sections.reduce(0) { $0 + $1.bars }
    guard total <= Self.maximumBars else { throw .tooLong(total) }
    self.init(sections: sections)
  }

  /// All the bars of the song.
  public var bars: Int { sections.reduce(0) { $0 + $1.bars } }

  /// The form as typed back, `intro:4 verse:8 …`.
  public var text: String { sections.map { "\($0.name):\($0.bars)" }.joined(separator: " ") }

  /// The first bar (0-based) of each section.
  public var firstBars: [Int] {
    var bar = 0
    return sections.map { section in
      defer { bar += section.bars }
      return bar
    }
  }

  /// Section names for markers: "Verse 1", "Chorus 2"; a name that occurs once has no number.
  public var labels: [String] {
    var seen: [String: Int] = [:]
    let counts = Dictionary(sections.map { ($0.name, 1) }, uniquingKeysWith: +)
    return sections.map { section in
      seen[section.name, default: 0] += 1
      let name = section.name.prefix(1).uppercased() + section.name.dropFirst()
      return counts[section.name]! > 1 ? "\(name) \(seen[section.name]!)" : name
    }
  }
}

/// What is wrong with a `--form`: one line naming the section and what to write instead.
public enum SongFormError: UserFacingError, Equatable {
  case empty
  case missingLength(String, position: Int)
  case badLength(String, position: Int)
  case unknownSection(String)
  case tooLong(Int)

  public var category: ErrorCategory { .usage }

  public var description: String {
    switch self {
    case .empty:
      "--form is empty; give sections such as \"verse:8 chorus:8\" or a preset (\(Self.presetNames))"
    case .missingLength(let token, let position):
      "--form section \(position) '\(token)' needs a length in bars, e.g. \(token.split(separator: ":").first ?? "verse"):8"
    case .badLength(let token, let position):
      "--form section \(position) '\(token)': a section is 1 to 64 bars long"
    case .unknownSection(let name):
      "--form section '\(name)' is not a section name; use \(SongForm.names.keys.sorted().joined(separator: ", ")) or a preset (\(Self.presetNames))"
    case .tooLong(let bars):
      "--form adds up to \(bars) bars; a song is at most \(SongForm.maximumBars) bars"
    }
  }

  static var presetNames: String { SongForm.presets.map(\.name).joined(separator: ", ") }
}

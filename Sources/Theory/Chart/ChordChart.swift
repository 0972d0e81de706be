import Foundation

/// A chord chart as a songwriter types it: `"Am F ? G | C ? ? E7"` or `"vi IV ? V"`.
///
/// Tokens are chord symbols (`Am7`, `F/A`, `Bbmaj7`), Roman numerals (`vi`, `bVII`, `V7/V`) or `?`
/// for a slot the model should fill; `|` marks bar lines (optional, at the start and end too).
/// Symbols and numerals may be mixed; numerals need a key to become chords (``chords(in:)``).
///
/// ```swift
/// let chart = try ChordChart(parsing: "Am F ? G | C ? ? E7")
/// chart.slots.count      // 8
/// chart.bars?.count      // 2
/// ```
public struct ChordChart: Sendable, Hashable {
  /// What one slot of the chart holds.
  public enum Entry: Sendable, Hashable {
    /// A chord symbol, kept exactly as spelled.
    case chord(Chord)
    /// A Roman numeral, relative to the key.
    case numeral(RomanNumeral)
    /// `?`: the model fills it.
    case gap
  }

  public struct Slot: Sendable, Hashable {
    public var entry: Entry
    /// The token as typed.
    public var text: String
    /// 1-based position among the chart's chord tokens (bar lines not counted), for messages.
    public var position: Int
    /// 0-based bar, when the chart has bar lines.
    public var bar: Int?
  }

  public var slots: [Slot]
  /// Slot indices per bar, when the chart has bar lines; nil when it has none.
  public var bars: [[Int]]?

  /// Parses a chart.
  ///
  /// - Throws: ``ChordChartError`` naming the first token that is neither a chord symbol, a numeral
  ///   nor `?`, with its 1-based position; an empty chart or an empty bar (`| |`).
  public init(parsing text: String) throws(ChordChartError) {
    var slots: [Slot] = []
    var bars: [[Int]] = [[]]
    var sawBarLine = false
    var position = 0
    // `|` separates even without spaces ("G|C"), so split it out first.
    let spaced = text.replacingOccurrences(of: "|", with: " | ")
    let tokens = spaced.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
    var lastWasBarLine = false
    for token in tokens {
      if token == "|" {
        sawBarLine = true
        if lastWasBarLine { throw .emptyBar(afterPosition: position) }
        lastWasBarLine = true
        // A leading bar line only opens the first bar; any other closes the current one.
        if !slots.isEmpty { bars.append([]) }
        continue
      }
      lastWasBarLine = false
      position += 1
      guard let entry = Self.entry(token) else {
        throw .unknownChord(token, position: position)
      }
      bars[bars.count - 1].append(slots.count)
      slots.append(Slot(entry: entry, text: token, position: position, bar: nil))
    }
    if bars.last?.isEmpty == true { bars.removeLast() }
    guard !slots.isEmpty else { throw .empty }
    if sawBarLine {
      for (bar, indices) in bars.enumerated() {
        for i in indices { slots[i].bar = bar }
      }
      self.bars = bars
    } else {
      self.bars = nil
    }
    self.slots = slots
  }

  /// One token: `?`, a chord symbol (with the usual aliases) or a Roman numeral.
  static func entry(_ token: String) -> Entry? {
    if token == "?" || token == "_" { return .gap }
    if let first = token.first, "ABCDEFG".contains(first),
      let chord = ChordSymbolReader.chord(token)
    {
      return .chord(chord)
    }
    if let numeral = RomanNumeral(parsing: token) { return .numeral(numeral) }
    return nil
  }

  /// Whether any slot is a Roman numeral (which then needs a key).
  public var hasNumerals: Bool {
    slots.contains { if case .numeral = $0.entry { true } else { false } }
  }

  /// Whether any slot is a chord symbol (from which a key can be inferred).
  public var hasSymbols: Bool {
    slots.contains { if case .chord = $0.entry { true } else { false } }
  }

  /// The chord symbols given, in order (numerals and gaps left out).
  public var givenSymbols: [Chord] {
    slots.compactMap { if case .chord(let c) = $0.entry { c } else { nil } }
  }

  /// The chart's chords in a key, for commands that read a progression rather than fill one.
  ///
  /// - Throws: ``ChordChartError/gapNotAllowed(position:)`` at the first `?`.
  public func completeChords(in key: Key) throws(ChordChartError) -> [Chord] {
    if let gap = slots.first(where: { $0.entry == .gap }) {
      throw .gapNotAllowed(position: gap.position)
    }
    return chords(in: key).compactMap { $0 }
  }

  /// The chart's chords in a key: symbols as given, numerals spelled in the key, nil for gaps.
  public func chords(in key: Key) -> [Chord?] {
    slots.map { slot in
      switch slot.entry {
      case .chord(let c): c
      case .numeral(let n): n.chord(in: key)
      case .gap: nil
      }
    }
  }
}

/// What is wrong with a chord chart; one line naming the token and its position.
public enum ChordChartError: UserFacingError, Equatable {
  case unknownChord(String, position: Int)
  case empty
  case emptyBar(afterPosition: Int)
  case gapNotAllowed(position: Int)

  public var category: ErrorCategory { .usage }

  public var description: String {
    switch self {
    case .unknownChord(let token, let position):
      "unknown chord '\(token)' at position \(position); use symbols such as Am7, F/A, Bb, numerals such as vi, bVII, V7/V, or ? for a chord to fill"
    case .empty:
      "the chord chart is empty; give chords such as \"Am F ? G\""
    case .emptyBar(let position):
      "empty bar after chord \(position) in the chord chart; put at least one chord (or ?) between bar lines"
    case .gapNotAllowed(let position):
      "'?' at position \(position): this command reads given chords only; fill gaps with `moodsketch sketch PROMPT --chords`"
    }
  }
}

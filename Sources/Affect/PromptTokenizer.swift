/// Splits a prompt into lower-cased words and clause breaks, remembering where each word was typed.
///
/// Why these rules: users type moods the way they type search queries ("lo-fi, late-night drive!!",
/// "R&B", "rock'n'roll"). Hyphens and slashes separate words (so "lo-fi" is the phrase "lo fi"),
/// apostrophes inside a word vanish ("don't" → "dont"), `&` stays inside a word ("r&b", "d&b"),
/// and sentence punctuation (`, . ; : ! ?` and brackets) ends a clause, which ends a negation's scope
/// and stops a multi-word phrase from matching across it. Lexicon terms go through the same rules.
struct PromptTokenizer {
  enum Piece: Equatable {
    case word(Word)
    case clauseBreak
  }

  struct Word: Equatable {
    /// Normalised form: lower case, letters, digits and `&` only.
    var text: String
    /// Where it was typed, to quote the prompt back in drivers.
    var range: Range<String.Index>
  }

  static func pieces(of prompt: String) -> [Piece] {
    var pieces: [Piece] = []
    var current = ""
    var start: String.Index?
    var end = prompt.startIndex

    func flush() {
      if let s = start, !current.isEmpty {
        pieces.append(.word(Word(text: current, range: s..<end)))
      }
      current = ""
      start = nil
    }

    var index = prompt.startIndex
    while index < prompt.endIndex {
      let c = prompt[index]
      let next = prompt.index(after: index)
      if c.isLetter || c.isNumber || c == "&" {
        if start == nil { start = index }
        current += c.lowercased()
        end = next
      } else if c == "'" || c == "’" || c == "‘" {
        // Inside a word an apostrophe is dropped; elsewhere it is a quote mark and separates.
        if start == nil { flush() }
      } else if ",.;:!?()[]{}\"“”".contains(c) {
        flush()
        if pieces.last != .clauseBreak, !pieces.isEmpty { pieces.append(.clauseBreak) }
      } else {
        flush()
      }
      index = next
    }
    flush()
    while pieces.last == .clauseBreak { pieces.removeLast() }
    return pieces
  }

  /// The words of `text`, normalised and joined with single spaces: the form lexicon terms are stored in.
  static func normalise(_ text: String) -> String {
    pieces(of: text).compactMap { piece -> String? in
      if case .word(let w) = piece { return w.text }
      return nil
    }.joined(separator: " ")
  }
}

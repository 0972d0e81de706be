/// Style words as the lexicon reads them, for text that is not a prompt (genre tags, table columns).
extension Lexicon {
  /// The style `text` names as a whole: a style name as users type it (`lo-fi`, `R&B`) or a lexicon term of
  /// the `style` category (`deep house` → house, `chillhop` → lofi); nil for anything else, including
  /// words that merely suggest a style ("study").
  public func style(forTerm text: String) -> Style? {
    if let s = Style(name: text) { return s }
    let term = PromptTokenizer.normalise(text)
    guard !term.isEmpty, let entry = entries[term], entry.category == .style else { return nil }
    return entry.style
  }

  /// `text` in the form lexicon terms are stored in: lower-case words separated by single spaces.
  public static func normalisedTerm(_ text: String) -> String { PromptTokenizer.normalise(text) }
}

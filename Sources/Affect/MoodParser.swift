import Foundation

/// Turns a free-text prompt into a ``Mood``: valence, arousal, style tags, and the words that drove them.
///
/// ```swift
/// let mood = try MoodParser().parse("not too sad, late-night lo-fi")
/// mood.quadrant        // .q4 or .q3, depending on the words
/// mood.primaryStyle    // .lofi
/// mood.drivers.map(\.text)  // ["not too sad", "late-night", "lo-fi"]
/// ```
///
/// How a prompt is read:
/// - Words are matched longest phrase first ("late night" before "late"), with light stemming of the
///   last word ("dreaming" → dream). Phrases never span punctuation.
/// - Intensifiers and softeners ("very", "slightly", "a bit", "kind of") multiply the next mood word's
///   valence and arousal by their factor (``PromptVocabulary/intensifiers``), clamped to [−1, 1].
/// - A negator applies to the next mood word, and on to further ones joined by "or"/"nor" ("not sad or
///   lonely"); its scope never passes the end of the clause (punctuation or "but", "and", "yet"…), and
///   filler words between it and the mood word do not break it ("don't make it sad"). Ordinary negators ("not", "no", "never", "without") use Taboada et
///   al.'s (2011) shift negation: valence moves 0.8 towards and past zero, but never further past zero
///   than half its original size ("not sad" −0.70 → +0.10, "not happy" +0.80 → 0.00), and arousal is
///   halved towards neutral (a negated word says less about energy) — except for tempo words, whose
///   arousal is their meaning and shifts like valence ("not slow" −0.70 → +0.05). "Not too sad" and
///   "not very happy" are a negation of an intensified word, as in Taboada et al. "Anything but", "far from" and
///   "the opposite of" name the contrary, so both axes are mirrored at 60 % strength ("anything but calm"
///   is agitated). A negated style word removes that style instead.
/// - The mood is the weighted mean of the matched words, per axis. A word's weight is its category's
///   weight on that axis (emotion words 1.0 on both; tempo words 1.0 on arousal but 0.2 on valence; style
///   words 0.5) times (0.2 + its strength), strength being its distance from neutral scaled to [0, 1], so
///   strong words count more than faint ones.
/// - Style words give style tags (weight 1 each, times a softener's factor: "a bit of jazz" counts 0.6);
///   scene words that suggest a style ("study" → lofi) add half that, 0.75 at most in all, so a named
///   style outranks hints. Weights are scaled so the strongest style has 1.
/// - After "but", "yet" or "however" words weigh 1.5 times as much, since the clause after a contrast
///   usually states the point ("sad but hopeful" leans hopeful) — the usual treatment of "but" in
///   lexicon-based sentiment analysis.
/// - Stop words ("a", "the", "with", "music") are ignored; any other word the lexicon lacks is listed in
///   ``Mood/unknownWords``, never guessed.
public struct MoodParser: Sendable {
  public let lexicon: Lexicon

  /// - Parameter lexicon: the words to understand; defaults to the bundled project lexicon.
  public init(lexicon: Lexicon = .bundled) {
    self.lexicon = lexicon
  }

  /// Category weights for the weighted mean, per axis (valence, arousal): words naming a feeling say most
  /// about both; tempo words speak to arousal, hardly to valence ("slow" is not sad); style words least
  /// (a style says more about instruments than about this piece's mood).
  static let categoryWeight: [LexiconEntry.Category: (valence: Double, arousal: Double)] = [
    .emotion: (1.0, 1.0), .tempo: (0.2, 1.0), .atmosphere: (0.9, 0.9), .scene: (0.9, 0.9),
    .weather: (0.8, 0.8), .time: (0.7, 0.7), .place: (0.7, 0.7), .texture: (0.6, 0.8),
    .colour: (0.7, 0.5),
    .music: (0.5, 0.7), .style: (0.5, 0.5),
  ]

  /// Reads a prompt.
  ///
  /// - Throws: ``AffectError/emptyPrompt`` when it is blank; ``AffectError/noWords(_:)`` when it has
  ///   only emoji, symbols or punctuation; ``AffectError/noKnownWords(_:)`` when no
  ///   word or phrase is in the lexicon; ``AffectError/lexiconUnavailable(_:)`` for a broken installation.
  public func parse(_ prompt: String) throws -> Mood {
    if let failure = lexicon.loadError { throw failure }
    let pieces = PromptTokenizer.pieces(of: prompt)
    guard pieces.contains(where: { if case .word = $0 { true } else { false } }) else {
      let given = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
      throw given.isEmpty ? AffectError.emptyPrompt : AffectError.noWords(given)
    }
    var reading = Reading(prompt: prompt, pieces: pieces, lexicon: lexicon)
    reading.run()
    guard !reading.drivers.isEmpty else {
      let typedWords = pieces.compactMap { piece -> String? in
        if case .word(let w) = piece { return w.text }
        return nil
      }
      let words = reading.unknown.isEmpty ? typedWords : reading.unknown
      throw AffectError.noKnownWords(words.joined(separator: " "))
    }
    return reading.mood()
  }
}

/// The state of one left-to-right pass over a prompt.
private struct Reading {
  let prompt: String
  let pieces: [PromptTokenizer.Piece]
  let lexicon: Lexicon

  var drivers: [Mood.Driver] = []
  var unknown: [String] = []
  private var sums = (v: 0.0, wv: 0.0, a: 0.0, wa: 0.0)
  /// Per style: weight from words naming it, and from words suggesting it.
  private var styleWeights: [(style: Style, named: Double, implied: Double)] = []

  private var negation: (kind: PromptVocabulary.Negation, word: String)?
  /// Set once the negation has reached a mood word; the next one is outside it unless "or"/"nor" joins them.
  private var negationUsed = false
  private var pendingFactor = 1.0
  private var pendingModifiers: [String] = []
  /// Words after "but" or "yet" count more: the contrast usually states the point ("sad but hopeful").
  private var emphasis = 1.0

  init(prompt: String, pieces: [PromptTokenizer.Piece], lexicon: Lexicon) {
    self.prompt = prompt
    self.pieces = pieces
    self.lexicon = lexicon
  }

  private func word(at i: Int) -> PromptTokenizer.Word? {
    guard i < pieces.count, case .word(let w) = pieces[i] else { return nil }
    return w
  }

  /// The `n` words from `i` joined by spaces, if none of them is a clause break.
  private func phrase(at i: Int, length n: Int) -> String? {
    var parts: [String] = []
    for k in i..<(i + n) {
      guard let w = word(at: k) else { return nil }
      parts.append(w.text)
    }
    return parts.joined(separator: " ")
  }

  private func typed(from i: Int, length n: Int) -> String {
    guard let first = word(at: i), let last = word(at: i + n - 1) else { return "" }
    return String(prompt[first.range.lowerBound..<last.range.upperBound])
  }

  /// Longest lexicon phrase starting at `i` of at least `minimum` words.
  private func lexiconMatch(at i: Int, minimum: Int) -> (entry: LexiconEntry, length: Int)? {
    guard let first = word(at: i) else { return nil }
    var n = lexicon.phraseStarts.contains(first.text) ? lexicon.longestPhrase : 1
    while n >= minimum {
      if let text = phrase(at: i, length: n), let e = lexicon.lookup(text) { return (e, n) }
      n -= 1
    }
    return nil
  }

  /// Longest multi-word modifier (intensifier or negator) starting at `i`.
  private func modifierMatch(at i: Int, minimum: Int) -> (text: String, length: Int)? {
    guard let first = word(at: i) else { return nil }
    let longest = PromptVocabulary.phraseStarts.contains(first.text) ? 4 : 1
    guard longest >= minimum else { return nil }
    for n in stride(from: longest, through: minimum, by: -1) {
      if let text = phrase(at: i, length: n),
        PromptVocabulary.intensifiers[text] != nil || PromptVocabulary.negators[text] != nil
      {
        return (text, n)
      }
    }
    return nil
  }

  /// Whether something a modifier can act on starts at `i` (a mood word or another modifier).
  private func startsMoodWord(at i: Int) -> Bool {
    guard word(at: i) != nil else { return false }
    return lexiconMatch(at: i, minimum: 1) != nil || modifierMatch(at: i, minimum: 1) != nil
  }

  private mutating func endClause() {
    negation = nil
    negationUsed = false
    pendingFactor = 1
    pendingModifiers = []
  }

  mutating func run() {
    var i = 0
    while i < pieces.count {
      guard let w = word(at: i) else {
        endClause()
        i += 1
        continue
      }
      if let m = modifierMatch(at: i, minimum: 2) {
        applyModifier(m.text)
        i += m.length
      } else if let m = lexiconMatch(at: i, minimum: 2) {
        add(m.entry, typed: typed(from: i, length: m.length))
        i += m.length
      } else if PromptVocabulary.negators[w.text] != nil {
        // A negator opens its scope even when filler follows ("don't make it sad").
        applyModifier(w.text)
        i += 1
      } else if PromptVocabulary.intensifiers[w.text] != nil, startsMoodWord(at: i + 1) {
        // Only before a mood word: "pretty calm" is an intensifier, a lone "pretty" is not.
        applyModifier(w.text)
        i += 1
      } else if let e = lexicon.lookup(w.text) {
        add(e, typed: typed(from: i, length: 1))
        i += 1
      } else if w.text == "or" {
        // "not sad or lonely": the negation carries over to the next alternative.
        negationUsed = false
        i += 1
      } else if PromptVocabulary.clauseBreakers.contains(w.text) {
        endClause()
        if PromptVocabulary.contrastWords.contains(w.text) { emphasis = 1.5 }
        i += 1
      } else {
        if !PromptVocabulary.stopWords.contains(w.text),
          PromptVocabulary.intensifiers[w.text] == nil,
          PromptVocabulary.negators[w.text] == nil, !unknown.contains(w.text)
        {
          unknown.append(w.text)
        }
        i += 1
      }
    }
  }

  private mutating func applyModifier(_ text: String) {
    if let kind = PromptVocabulary.negators[text] {
      negation = (kind, text)
      negationUsed = false
    } else if let factor = PromptVocabulary.intensifiers[text] {
      pendingFactor *= factor
      pendingModifiers.append(text)
    }
  }

  private mutating func add(_ entry: LexiconEntry, typed text: String) {
    if negationUsed {
      negation = nil
      negationUsed = false
    }
    if negation != nil { negationUsed = true }
    var v = entry.valence * pendingFactor
    var a = entry.arousal * pendingFactor
    var modifiers = pendingModifiers
    if let negation {
      modifiers.insert(negation.word, at: 0)
      switch negation.kind {
      case .shift:
        v = Reading.shiftNegated(v)
        // A tempo word means its arousal ("not slow" is not "slow, but less"), so it shifts like valence does.
        a = entry.category == .tempo ? Reading.shiftNegated(a) : a * 0.5
      case .contrary:
        v *= -0.6
        a *= -0.6
      }
    }
    v = Reading.round(min(1, max(-1, v)))
    a = Reading.round(min(1, max(-1, a)))
    // "a bit of jazz" tags jazz less strongly than "jazz"; "very jazzy" no more than fully.
    let styleFactor = min(1, pendingFactor)
    pendingFactor = 1
    pendingModifiers = []
    drivers.append(
      Mood.Driver(
        text: text, valence: v, arousal: a, modifiers: modifiers, term: entry.term,
        category: entry.category.rawValue))

    // A negated style word ("no jazz") removes the style; its typical mood says nothing here.
    if entry.category == .style, negation != nil { return }
    if let style = entry.style, negation == nil {
      let explicit = entry.category == .style
      let weight = (explicit ? 1.0 : 0.5) * styleFactor
      if let k = styleWeights.firstIndex(where: { $0.style == style }) {
        styleWeights[k].named += explicit ? weight : 0
        styleWeights[k].implied += explicit ? 0 : weight
      } else {
        styleWeights.append((style, explicit ? weight : 0, explicit ? 0 : weight))
      }
    }
    let strength = min(1, (v * v + a * a).squareRoot() / 2.0.squareRoot())
    let category = MoodParser.categoryWeight[entry.category] ?? (0.7, 0.7)
    let wv = category.valence * (0.2 + strength) * emphasis
    let wa = category.arousal * (0.2 + strength) * emphasis
    sums.v += wv * v
    sums.wv += wv
    sums.a += wa * a
    sums.wa += wa
  }

  /// Taboada et al. (2011) shift negation on a [−1, 1] scale: move 0.8 towards and past zero, capped at
  /// half the original size on the other side (so "not cloudy" does not become "sunny").
  static func shiftNegated(_ v: Double) -> Double {
    let sign: Double = v < 0 ? -1 : 1
    let magnitude = abs(v)
    return sign * max(magnitude - 0.8, -0.5 * magnitude)
  }

  static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

  func mood() -> Mood {
    let v = sums.wv > 0 ? sums.v / sums.wv : 0
    let a = sums.wa > 0 ? sums.a / sums.wa : 0
    // Suggestions add up to at most 0.75, so a style the user named outranks any number of hints.
    let weights = styleWeights.map { ($0.style, $0.named + min(0.75, $0.implied)) }
    let strongest = weights.map(\.1).max() ?? 1
    // Stable: ties keep prompt order.
    let styles = weights.enumerated()
      .sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
      .map {
        Mood.StyleWeight(style: $0.element.0, weight: Reading.round($0.element.1 / strongest))
      }
    return Mood(
      valence: Reading.round(v), arousal: Reading.round(a), styles: styles, drivers: drivers,
      unknownWords: unknown)
  }
}

import Affect
import Theory

/// One candidate for the next chord.
public struct NextChordSuggestion: Sendable, Hashable, Codable {
  /// The chord in the key (triad: the model works on triads).
  public var symbol: String
  /// The model token, a Roman numeral (`IV`, `bVII`, `V/vi`).
  public var roman: String
  public var function: HarmonicFunction
  /// The combined probability (model × mood fit, renormalised), 0–1.
  public var probability: Double
  /// The chord model's own probability, before the mood.
  public var modelProbability: Double
}

/// Ranks what may follow a progression: the chord model's probability of each token after the last
/// three chords (interpolated Witten–Bell 4-gram over key-relative numerals), times the mood fit
/// (``MoodChordFit``), renormalised over the vocabulary.
///
/// The parallel tonic (`i` in major) and a repeat of the last chord are left out, as the generator
/// does: the model learned chord *changes*, and the parallel tonic is a change of key. Their mass is
/// dropped, not redistributed, so the listed probabilities sum to at most 1.
public struct NextChordRanker: Sendable {
  public let model: CompositionModel

  public init(model: CompositionModel) { self.model = model }

  /// The `k` most likely next chords after `chords` in `key`, best first.
  public func rank(after chords: [Chord], in key: Key, mood: Mood? = nil, k: Int = 8)
    -> [NextChordSuggestion]
  {
    let mode: Mode = key.mode.hasMinorThird ? .minor : .major
    let harmonyKey = Key(key.tonic, mode)
    let table = model.chords(for: mode)
    let tokens = UserChordTokens.tokens(chords, in: key, table: table)
    let history = Array(
      ([ChordModelSymbols.start] + tokens.map { $0 ?? UserChordTokens.unknown }).suffix(
        table.maxContext))
    let p = table.distribution(after: history)
    let fit = MoodChordFit(mood: mood)
    let combined = zip(table.outcomes, p).map { $1 * fit.factor(token: $0) }
    let total = combined.reduce(0, +)
    let last = tokens.last ?? nil
    var suggestions: [NextChordSuggestion] = []
    for (i, token) in table.outcomes.enumerated() {
      guard token != ChordModelSymbols.start, token != last,
        !ChordToken.isParallelTonic(token, mode: mode), let numeral = ChordToken.numeral(token)
      else { continue }
      suggestions.append(
        NextChordSuggestion(
          symbol: numeral.chord(in: harmonyKey).symbol, roman: token,
          function: HarmonicFunction.of(token: token, mode: mode),
          probability: total > 0 ? combined[i] / total : 0, modelProbability: p[i]))
    }
    suggestions.sort {
      $0.probability != $1.probability ? $0.probability > $1.probability : $0.roman < $1.roman
    }
    return Array(suggestions.prefix(max(0, k)))
  }
}

import Affect
import Theory

/// Fills the `?` slots of a chord chart from the chord model, conditioned on the chords on *both*
/// sides of each gap.
///
/// Method: exact forward filtering, backward sampling (FFBS) on a hidden Markov chain whose state is
/// the last **two** tokens, i.e. the model read as an interpolated **trigram**: P(w | a, b) is the
/// shipped Witten–Bell table with its context cut to two symbols (the same counts, one level of
/// interpolation fewer than the 4-gram the generator uses). A fixed slot admits only its own token;
/// a gap admits the candidate vocabulary (the mode's tokens holding ≥ 0.2 % of its chords, as the
/// generator's rarity filter; never the parallel tonic, never the chord just before or after it (nor another token for the same triad),
/// since the model learned chord *changes*), each weighted by the mood fit (``MoodChordFit``).
/// The forward pass sums over every path into each state; the backward pass then samples the last
/// state and walks back, each step drawing the previous token in proportion to its forward weight
/// times the transition into the already-drawn future. The result is an exact draw from the trigram
/// chain's distribution given every fixed chord, so a chord to the right of a gap (the V before a
/// fixed I) shapes the fill as much as the one to its left.
///
/// A fixed chord with no model token (an exotic spelling) becomes the symbol `<unk>`: contexts
/// holding it back off to the shorter ones, and its own probability is not scored.
public struct GapFiller: Sendable {
  public let model: CompositionModel
  /// Unigram share below which a token is too rare to be proposed (as the generator's filter).
  public static let rareShare = 0.002

  public init(model: CompositionModel) { self.model = model }

  /// Fills the nil entries of `tokens`.
  ///
  /// - Parameters:
  ///   - tokens: one entry per slot: a fixed model token (or ``UserChordTokens/unknown``), nil for a gap.
  ///   - mode: picks the major or minor table.
  ///   - opensPiece: whether slot 0 is the first chord of the piece (then it follows `<s>`).
  ///   - admits: which candidate tokens a gap may take (all when it admits none).
  /// - Returns: the tokens with every gap filled; fixed entries unchanged.
  public func fill(
    _ tokens: [String?], mode: Mode, mood: Mood? = nil, opensPiece: Bool = true,
    admits: (String) -> Bool = { _ in true }, generator: inout SeededGenerator
  ) -> [String] {
    guard !tokens.isEmpty else { return [] }
    let table = model.chords(for: mode)
    let fit = MoodChordFit(mood: mood)
    let all = candidates(table: table, mode: mode)
    let admitted = all.filter(admits)
    let vocabulary = admitted.isEmpty ? all : admitted
    // Allowed tokens per slot (index 0 is the context before the first slot).
    var sets: [[String]] = [[opensPiece ? ChordModelSymbols.start : UserChordTokens.unknown]]
    for (i, token) in tokens.enumerated() {
      if let token {
        sets.append([token])
        continue
      }
      let left = i > 0 ? tokens[i - 1] : nil
      let right = i + 1 < tokens.count ? tokens[i + 1] : nil
      let allowed = vocabulary.filter {
        !Self.sameChord($0, left, mode: mode) && !Self.sameChord($0, right, mode: mode)
      }
      sets.append(allowed.isEmpty ? vocabulary : allowed)
    }
    let unary: [[Double]] = sets.enumerated().map { s, set in
      s > 0 && tokens[s - 1] == nil ? set.map { fit.factor(token: $0) } : set.map { _ in 1 }
    }
    var memo: [String: [Double]] = [:]
    func transition(_ a: String, _ b: String, _ c: String) -> Double {
      if c == UserChordTokens.unknown { return 1 }
      let key = a + " " + b
      let d = memo[key] ?? table.distribution(after: [a, b])
      memo[key] = d
      return table.index(of: c).map { d[$0] } ?? 1
    }
    // alpha[s][i][j]: weight of (slot s−1 = sets[s−1][i], slot s = sets[s][j]) given slots ≤ s.
    // The first state pairs the opening context with slot 1's tokens, after an implicit `<s>`.
    let n = sets.count
    var alpha: [[[Double]]] = Array(repeating: [], count: n)
    alpha[1] = [
      sets[1].enumerated().map { j, c in
        transition(ChordModelSymbols.start, sets[0][0], c) * unary[1][j]
      }
    ]
    if n > 2 {
      for s in 2..<n {
        var next = [[Double]](
          repeating: [Double](repeating: 0, count: sets[s].count), count: sets[s - 1].count)
        for (j, b) in sets[s - 1].enumerated() {
          for (i, a) in sets[s - 2].enumerated() {
            let w = alpha[s - 1][i][j]
            guard w > 0 else { continue }
            for (k, c) in sets[s].enumerated() {
              next[j][k] += w * transition(a, b, c) * unary[s][k]
            }
          }
        }
        // Rescale each step so long charts do not underflow; ratios are all sampling needs.
        let total = next.reduce(0) { $0 + $1.reduce(0, +) }
        alpha[s] = total > 0 ? next.map { $0.map { $0 / total } } : next
      }
    }
    // Backward sampling: draw the last pair, then each earlier token given the two after it.
    var chosen = [Int](repeating: 0, count: n)
    let last = alpha[n - 1]
    let flat = last.flatMap { $0 }
    let pick = generator.pick(weights: flat)
    chosen[n - 1] = pick % sets[n - 1].count
    chosen[n - 2] = pick / sets[n - 1].count
    if n > 2 {
      for s in stride(from: n - 3, through: 0, by: -1) {
        let b = sets[s + 1][chosen[s + 1]]
        let c = sets[s + 2][chosen[s + 2]]
        let weights = sets[s].enumerated().map { i, a in
          (s == 0 ? 1 : alpha[s + 1][i][chosen[s + 1]]) * transition(a, b, c)
        }
        chosen[s] = s == 0 ? 0 : generator.pick(weights: weights)
      }
    }
    return (1..<n).map { sets[$0][chosen[$0]] }
  }

  /// Whether two tokens name the same triad (`III` and `V/VI` are both C in A minor).
  static func sameChord(_ a: String, _ b: String?, mode: Mode) -> Bool {
    guard let b else { return false }
    if a == b { return true }
    guard let x = ChordToken.numeral(a), let y = ChordToken.numeral(b) else { return false }
    return ChordToken.rootOffset(a, mode: mode) == ChordToken.rootOffset(b, mode: mode)
      && x.quality.triad == y.quality.triad
  }

  /// Tokens a gap may take in a mode: the table's outcomes without the rare tail and the parallel tonic.
  func candidates(table: BackoffTable, mode: Mode) -> [String] {
    let counts = table.outcomes.map { table.count(of: $0, after: []) }
    let total = Double(max(1, counts.reduce(0, +)))
    return zip(table.outcomes, counts).compactMap { token, count in
      guard token != ChordModelSymbols.start, Double(count) / total >= Self.rareShare,
        !ChordToken.isParallelTonic(token, mode: mode), ChordToken.numeral(token) != nil
      else { return nil }
      return token
    }
  }
}

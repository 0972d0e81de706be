import Affect
import Foundation
import Theory

/// A chord of the generated progression.
public struct GeneratedChord: Sendable, Hashable {
  /// The model's triad-level token (`V`).
  public var token: String
  /// The numeral as played, with its colour (`V7`).
  public var roman: RomanNumeral
  public var chord: Chord
  public var bar: Int
  /// Start and length in ticks.
  public var start: Int
  public var duration: Int
}

/// Writes the chord progression: samples the n-gram model phrase by phrase and conditions it on the plan.
///
/// How the mood acts (each a documented, separable bias on the trained model):
/// - **Mode**: the plan's key picks the major or minor table (modes with a minor third use minor);
///   a church mode or harmonic minor keeps only the chords inside its own scale and favours its
///   colour chords (``ModalHarmony``), and the chart names chords in the mode itself.
/// - **Borrowed chords**: the probability mass of tokens from the parallel mode
///   (``ChordToken/isBorrowed(_:mode:)``) is rescaled, in odds, towards `borrowedChordProbability`
///   (half of it per chord slot, at most 35 %, and at most ×8 per token, so an unheard-of chord is never
///   forced in and the diatonic chords stay the rule).
/// - **Minor colour**: a major-key plan with much borrowing (bittersweet, nostalgic) favours the
///   borrowed iv and ♭VI and openings on vi or ii (``minorColour(_:)``, ``openingWeights(_:)``).
/// - **Colour**: each chord's chance of a seventh is its corpus share moved in logit space by
///   4 × (`seventhProbability` − 0.3); which seventh follows the corpus (`V` → `V7`, `IV` → `IVmaj7`).
/// - **Harmonic rhythm**: `chordsPerBar` sets the slot grid (one chord per two bars … two per bar).
/// - **Shape**: the piece opens on the tonic or a chord that leads there (``openingWeights(_:)``), phrases follow
///   ``Form``, and every phrase that "cadences home" approaches its last bar with a cadence chord
///   (V, IV, bVII in major; V, iv, VII, v in minor) chosen by the model's own probability of then
///   resolving to the tonic. Immediate repeats are masked (the model learned chord *changes*) except
///   in ambient music, where a held chord is part of the style.
///
/// Each phrase is drawn several times and scored by its model likelihood, plus a variety bonus,
/// minus its distance from the plan's borrowed-chord share; one of the well-scoring draws is then
/// chosen at random in proportion to exp(score / T) (``bestPhrase(count:prefix:history:context:cadence:leaveTonic:generator:)``):
/// that removes most dull or odd draws without making every seed the same.
public struct ChordGenerator: Sendable {
  public let model: CompositionModel
  /// Candidates drawn per phrase.
  public var candidates = 12

  public init(model: CompositionModel) { self.model = model }

  /// The progression for a plan, one chord per harmonic slot.
  public func generate(
    _ plan: Plan, form: Form, ticksPerQuarter: Int, generator: inout SeededGenerator
  )
    -> [GeneratedChord]
  {
    let ticksPerBar = plan.meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter)
    let ticksPerBeat = plan.meter.ticksPerBeat(ticksPerQuarter: ticksPerQuarter)
    let mode: Mode = plan.key.mode.hasMinorThird ? .minor : .major
    let harmonyKey = Key(plan.key.tonic, mode)
    let table = model.chords(for: mode)
    let tonic = ChordToken.tonic(for: plan.key.mode)
    let context = SamplingContext(
      table: table, mode: mode, tonic: tonic, borrowed: plan.borrowedChordProbability,
      allowHold: plan.style == .ambient,
      flavour: Self.flavour(mode: plan.key.mode, style: plan.style),
      modal: ModalHarmony(mode: plan.key.mode, table: table),
      opening: Self.openingWeights(plan), minorColour: Self.minorColour(plan))

    var history = [ChordModelSymbols.start]
    var result: [GeneratedChord] = []
    var remembered: [Form.Label: [String]] = [:]
    var firstA: [String]?
    for (index, phrase) in form.phrases.enumerated() {
      let slots = Self.slots(
        bars: phrase.bars, firstBar: phrase.firstBar, chordsPerBar: plan.chordsPerBar,
        ticksPerBar: ticksPerBar,
        ticksPerBeat: ticksPerBeat, isLast: index == form.phrases.count - 1)
      var tokens: [String]
      if let again = remembered[phrase.label], again.count == slots.count,
        !phrase.cadencesHome || again.last == tonic
      {
        tokens = again
      } else {
        var fixedPrefix: [String] = []
        // The answer keeps the chords of the first phrase's first half (the slots before its middle bar).
        let half = slots.filter { $0.bar < phrase.firstBar + phrase.bars / 2 }.count
        if phrase.label == .answer, let a = firstA, a.count >= half, half < slots.count {
          fixedPrefix = Array(a.prefix(half))
        }
        tokens = bestPhrase(
          count: slots.count, prefix: fixedPrefix, history: history, context: context,
          cadence: phrase.cadencesHome, leaveTonic: phrase.label == .b, generator: &generator)
        remembered[phrase.label] = tokens
        if phrase.label == .a, firstA == nil { firstA = tokens }
      }
      for (slotIndex, (slot, token)) in zip(slots, tokens).enumerated() {
        var roman = colour(
          token, mode: mode, seventh: plan.seventhProbability, key: plan.key,
          bluesy: [.blues, .rock, .funk, .soul, .gospel, .jazz].contains(plan.style),
          generator: &generator)
        // The first and the last chord state the key: a suspension there would leave it unresolved.
        let isEdge =
          (index == 0 && slotIndex == 0)
          || (index == form.phrases.count - 1 && slotIndex == slots.count - 1)
        if isEdge, [.sus2, .sus4, .sus4dominant7].contains(roman.quality),
          let plain = ChordToken.numeral(token)
        {
          roman = plain
        }
        let chord = roman.chord(in: harmonyKey)
        // In a church mode the chart names the chord in the mode itself (B major is II in A lydian).
        if harmonyKey != plan.key { roman = RomanNumeral(chord: chord, in: plan.key) }
        result.append(
          GeneratedChord(
            token: token, roman: roman, chord: chord, bar: slot.bar, start: slot.start,
            duration: slot.duration))
      }
      history = Array((history + tokens).suffix(table.maxContext))
    }
    return result
  }

  // MARK: - Slots

  struct Slot: Hashable {
    var bar: Int
    var start: Int
    var duration: Int
  }

  /// The harmonic rhythm of one phrase. The last bar of the piece always holds one chord (the tonic).
  static func slots(
    bars: Int, firstBar: Int, chordsPerBar: Double, ticksPerBar: Int, ticksPerBeat: Int,
    isLast: Bool
  ) -> [Slot] {
    var slots: [Slot] = []
    var bar = 0
    while bar < bars {
      let absolute = firstBar + bar
      let start = absolute * ticksPerBar
      let finalBar = isLast && bar == bars - 1
      if chordsPerBar < 0.75, bar + 1 < bars, !(isLast && bar + 2 == bars) {
        slots.append(Slot(bar: absolute, start: start, duration: 2 * ticksPerBar))
        bar += 2
        continue
      }
      let split = !finalBar && (chordsPerBar >= 1.75 || (chordsPerBar >= 1.25 && bar % 2 == 1))
      if split, ticksPerBar >= 2 * ticksPerBeat {
        let beats = ticksPerBar / ticksPerBeat
        let first = ((beats + 1) / 2) * ticksPerBeat
        slots.append(Slot(bar: absolute, start: start, duration: first))
        slots.append(Slot(bar: absolute, start: start + first, duration: ticksPerBar - first))
      } else {
        slots.append(Slot(bar: absolute, start: start, duration: ticksPerBar))
      }
      bar += 1
    }
    return slots
  }

  // MARK: - Sampling

  struct SamplingContext {
    var table: BackoffTable
    var mode: Mode
    var tonic: String
    var borrowed: Double
    var allowHold: Bool
    /// Extra weight for the chords that give a church mode its colour.
    var flavour: [String: Double]
    /// Tokens too rare in the corpus to be idiomatic (under 0.2 % of the mode's chords): exotic
    /// spellings such as bIV that only the smoothing tail would otherwise produce.
    var rare: [Bool]
    /// Each outcome's root, semitones above the tonic.
    var roots: [Int?]
    /// Which chords the plan's mode admits.
    var modal: ModalHarmony
    /// Multipliers on the model's choice of first chord (tokens absent here cannot open the piece).
    var opening: [String: Double]
    /// The chords that may approach the final tonic of a phrase.
    var cadenceChords: [String]
    /// Extra weight for the borrowed chords that carry minor colour into a major key.
    var minorColour: [String: Double] = [:]

    init(
      table: BackoffTable, mode: Mode, tonic: String, borrowed: Double, allowHold: Bool,
      flavour: [String: Double], modal: ModalHarmony, opening: [String: Double],
      minorColour: [String: Double] = [:]
    ) {
      self.minorColour = minorColour
      self.table = table
      self.mode = mode
      self.tonic = tonic
      self.borrowed = borrowed
      self.allowHold = allowHold
      self.flavour = flavour
      self.modal = modal
      self.opening = opening
      let counts = table.outcomes.map { table.count(of: $0, after: []) }
      let total = max(1, counts.reduce(0, +))
      // A mode's colour chord stays available even where pop rarely plays it (lydian's vii).
      rare = zip(table.outcomes, counts).map {
        Double($1) / Double(total) < 0.002 && modal.colour[$0] == nil
      }
      roots = table.outcomes.map { ChordToken.rootOffset($0, mode: mode) }
      cadenceChords = ModalHarmony.cadenceChords(modal.mode).filter { token in
        table.index(of: token).map { modal.allowed[$0] } ?? false
      }
      if cadenceChords.isEmpty { cadenceChords = mode == .minor ? ["V", "iv"] : ["V", "IV"] }
    }

    /// Distributions already computed in this piece, by history (phrases are drawn many times).
    final class Memo { var weights: [[String]: [Double]] = [:] }
    let memo = Memo()

    /// The model's distribution after `history`, with the plan's borrowed-chord bias.
    func weights(after history: [String]) -> [Double] {
      let key = Array(history.suffix(table.maxContext))
      if let known = memo.weights[key] { return known }
      let p = biasedWeights(after: key)
      memo.weights[key] = p
      return p
    }

    func biasedWeights(after history: [String]) -> [Double] {
      var p = table.distribution(after: history)
      // A mode's own colour chord (dorian's IV) is diatonic there, not borrowed.
      let borrowedMask = table.outcomes.map {
        ChordToken.isBorrowed($0, mode: mode) && flavour[$0] == nil
      }
      let mass = zip(p, borrowedMask).filter(\.1).reduce(0) { $0 + $1.0 }
      if mass > 1e-6, mass < 1 - 1e-6 {
        // The plan's probability is a share of the whole piece; every chord slot also has diatonic
        // neighbours that must stay the rule, so each context aims at half of it (at most 35 %).
        let target = min(0.35, max(0.001, borrowed / 2))
        let factor = min(8, (target / (1 - target)) / (mass / (1 - mass)))
        for i in p.indices where borrowedMask[i] { p[i] *= factor }
      }
      for (token, weight) in flavour.merging(minorColour, uniquingKeysWith: *) {
        if let i = table.index(of: token) { p[i] *= weight }
      }
      for i in p.indices where rare[i] || !modal.allowed[i] { p[i] = 0 }
      if let home = table.index(of: tonic), p.allSatisfy({ $0 == 0 }) { p[home] = 1 }
      return p
    }
  }

  /// A mode's colour chords and the style's favourite progressions, as multipliers on the model.
  static func flavour(mode: Mode, style: Style) -> [String: Double] {
    var weights = ModalHarmony.characteristic(mode)
    for (token, weight) in styleFlavour(style, minor: mode.hasMinorThird) {
      weights[token, default: 1] *= weight
    }
    return weights
  }

  /// The chords a style leans on, beyond what pop-trained statistics give: ii (for ii–V–I) in jazz and
  /// gospel, the blues' I7→IV, rock's ♭VII, the film-score ♭VI and VI.
  static func styleFlavour(_ style: Style, minor: Bool) -> [String: Double] {
    switch style {
    case .jazz, .bossaNova: minor ? ["ii°": 2, "iv": 1.3] : ["ii": 2, "vi": 1.3]
    case .gospel, .soul, .rnb: minor ? ["iv": 1.4] : ["ii": 1.5, "iii": 1.3]
    case .blues: minor ? ["iv": 1.5] : ["IV": 1.5, "V/IV": 2]
    case .rock, .punk, .metal: minor ? ["VI": 1.3, "VII": 1.3] : ["bVII": 1.5]
    case .cinematic: minor ? ["VI": 1.5, "III": 1.3] : ["bVI": 1.3, "vi": 1.2]
    default: [:]
    }
  }

  /// How the piece may open, as multipliers on the model's own first-chord probabilities.
  ///
  /// Most songs in the corpus open on the tonic (I: 68 % of major openings), and a church mode must
  /// state its tonic to be heard at all, so modes always open at home. Major and minor may also open
  /// on the other tonic- and subdominant-function chords the corpus opens with (vi–IV–I–V, IV–I–V–vi,
  /// ii–V–I; VI–VII–i, iv–i in minor), a little more often than the corpus does so that seeds differ.
  /// A plan that asks for much borrowed colour in a major key (bittersweet, nostalgic: 35 % or more)
  /// leans towards the minor-ish openings vi and ii.
  static func openingWeights(_ plan: Plan) -> [String: Double] {
    switch plan.key.mode {
    case .major:
      let wistful = plan.borrowedChordProbability >= 0.35 ? 4.0 : 1.0
      return ["I": 1, "vi": 2 * wistful, "IV": 1.5, "ii": 1.5 * wistful]
    case .minor: return ["i": 1, "VI": 1.5, "iv": 1.5]
    default: return [ChordToken.tonic(for: plan.key.mode): 1]
    }
  }

  /// For a major-key plan that asks for much borrowed colour (35 % or more: bittersweet, nostalgic,
  /// wistful prompts), which borrowed chords to favour: the minor subdominant iv and ♭VI (the
  /// "Beatles" iv and the ♭VI–♭VII–I of film and pop), whose minor third is what makes major sound
  /// bittersweet; ♭VII alone, the corpus's most common borrowing, sounds bright, not wistful.
  static func minorColour(_ plan: Plan) -> [String: Double] {
    guard plan.key.mode == .major, plan.borrowedChordProbability >= 0.35 else { return [:] }
    return ["iv": 3, "bVI": 2.5, "ii": 1.3]
  }

  /// How far below the best candidate a phrase may score and still be chosen: the likelihood
  /// filter that keeps odd draws out.
  static let phraseScoreWindow = 1.0
  /// Share of a church mode's cadences that use the mode's own cadence chord (``ModalHarmony``).
  static let modalCadenceShare = 0.7

  /// Temperature of the choice among the candidates that pass (score differences are in nats
  /// per chord): low enough that better phrases win more often, high enough that seeds differ.
  static let phraseTemperature = 0.7

  /// Draws `count` tokens several times and chooses one of the convincing phrases.
  ///
  /// Taking the single best-scoring draw made every seed converge on the same plainest
  /// progression (I–vi–IV–V); instead the candidates within ``phraseScoreWindow`` of the best
  /// are chosen with probability ∝ exp(score / T), i.e. ∝ likelihood^(1/T).
  func bestPhrase(
    count: Int, prefix: [String], history: [String], context: SamplingContext, cadence: Bool,
    leaveTonic: Bool,
    generator: inout SeededGenerator
  ) -> [String] {
    var drawn: [(tokens: [String], score: Double)] = []
    for _ in 0..<candidates {
      let tokens = drawPhrase(
        count: count, prefix: prefix, history: history, context: context, cadence: cadence,
        leaveTonic: leaveTonic,
        generator: &generator)
      var h = history
      var logLikelihood = 0.0
      for t in tokens {
        // Judge the phrase by the mood-biased model, so borrowed colour the plan asked for is not undone here.
        let w = context.weights(after: h)
        let p = context.table.index(of: t).map { w[$0] / max(1e-12, w.reduce(0, +)) } ?? 0
        logLikelihood += log(max(1e-9, p))
        h = Array((h + [t]).suffix(context.table.maxContext))
      }
      // Favour phrases that move through several functions; small noise breaks ties by seed.
      let variety = Double(Set(tokens).count) / Double(max(1, tokens.count))
      // Likelihood alone would always prefer the plainest phrase; the plan's share of borrowed
      // chords is a target the phrase should come close to.
      let borrowedShare =
        Double(
          tokens.filter {
            ChordToken.isBorrowed($0, mode: context.mode) && context.flavour[$0] == nil
          }.count)
        / Double(max(1, tokens.count))
      let borrowedMiss = abs(borrowedShare - min(0.35, context.borrowed / 2))
      // A mode is recognised by its colour chord (lydian's II, dorian's IV): a phrase that plays one
      // is preferred, or the parent major/minor statistics would leave it out.
      let modalColour =
        context.modal.isModal && tokens.contains { (context.modal.colour[$0] ?? 0) > 1 } ? 0.8 : 0
      let score =
        logLikelihood / Double(max(1, tokens.count)) + 1.2 * variety - 2 * borrowedMiss
        + modalColour
      drawn.append((tokens, score))
    }
    guard let bestScore = drawn.map(\.score).max() else { return [] }
    let weights = drawn.map { candidate -> Double in
      candidate.score < bestScore - Self.phraseScoreWindow
        ? 0 : exp((candidate.score - bestScore) / Self.phraseTemperature)
    }
    return drawn[generator.pick(weights: weights)].tokens
  }

  func drawPhrase(
    count: Int, prefix: [String], history: [String], context: SamplingContext, cadence: Bool,
    leaveTonic: Bool,
    generator: inout SeededGenerator
  ) -> [String] {
    let outcomes = context.table.outcomes
    var h = history
    var tokens: [String] = []
    func push(_ t: String) {
      tokens.append(t)
      h = Array((h + [t]).suffix(context.table.maxContext))
    }
    for t in prefix.prefix(count) { push(t) }
    while tokens.count < count {
      let position = tokens.count
      let remaining = count - position
      if cadence, remaining == 1 {
        push(context.tonic)
        continue
      }
      if cadence, remaining == 2, count >= 2 {
        // A church mode is heard by its own cadence (phrygian ♭II–i, lydian II–I, mixolydian
        // ♭VII–I). The pop corpus's major and minor keys hardly ever cadence that way (♭II–i scored
        // 1/40 of iv–i), so left to the model every phrygian trap and metal sketch cadenced iv–i,
        // plain minor. Most cadences take the mode's own; the rest are the model's choice.
        if context.modal.isModal, let own = context.cadenceChords.first, own != tokens.last,
          generator.nextUnit() < Self.modalCadenceShare
        {
          push(own)
          continue
        }
        // Choose the approach chord by how strongly the model then expects the tonic.
        let w = context.weights(after: h)
        let choices = context.cadenceChords.filter { $0 != tokens.last }
        let scores = choices.map { c -> Double in
          guard let i = context.table.index(of: c) else { return 0 }
          return w[i]
            * context.table.probability(
              of: context.tonic, after: Array((h + [c]).suffix(context.table.maxContext)))
        }
        push(choices[generator.pick(weights: scores)])
        continue
      }
      var w = context.weights(after: h)
      for (i, o) in outcomes.enumerated() {
        if let last = tokens.last ?? h.last, o == last {
          // Two in a row at most, and only where a held chord is the style.
          let held = tokens.count >= 2 && tokens[tokens.count - 2] == last
          w[i] = context.allowHold && !held ? w[i] + 0.15 : 0
        }
        if leaveTonic, position == 0, o == context.tonic { w[i] = 0 }
        // The piece opens at home or on a chord that leads there (see ``openingWeights(_:)``).
        if h == [ChordModelSymbols.start] { w[i] *= context.opening[o] ?? 0 }
        if ChordToken.isParallelTonic(o, mode: context.mode) { w[i] = 0 }
        // Same root, other quality (IV then iv) is a colour once, not a flip-flop on every slot.
        if let last = tokens.last ?? h.last, last != o, let r = context.roots[i],
          let lastIndex = context.table.index(of: last), r == context.roots[lastIndex]
        {
          w[i] *= 0.15
        }
        // The chord before a cadence pair should not be the tonic's cadence chord already.
        if cadence, remaining == 3, context.cadenceChords.first == o { w[i] *= 0.5 }
      }
      // Every chord ruled out (a mode the corpus hardly serves): home, not the table's first entry
      // (which is #VI, a chord from outside every mode).
      guard w.contains(where: { $0 > 0 }) else {
        push(context.tonic)
        continue
      }
      push(outcomes[Self.sampleNucleus(w, topP: Self.chordTopP, generator: &generator)])
    }
    return tokens
  }

  /// The nucleus kept when drawing chords: wide enough for the corpus's ii, iii and ♭VII (together
  /// 16 % of major-key chords, and cut to a third of that at 0.9), narrow enough to leave out the
  /// smoothing tail (the `rare` filter removes the rest).
  static let chordTopP = 0.96

  /// Samples from the smallest set of outcomes holding `topP` of the mass (nucleus sampling), so
  /// rare, odd chords from the smoothing tail never appear.
  static func sampleNucleus(_ weights: [Double], topP: Double, generator: inout SeededGenerator)
    -> Int
  {
    let total = weights.reduce(0, +)
    guard total > 0 else { return 0 }
    let order = weights.indices.sorted {
      weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1
    }
    var kept: [Int] = []
    var mass = 0.0
    for i in order where weights[i] > 0 {
      kept.append(i)
      mass += weights[i] / total
      if mass >= topP { break }
    }
    let choice = generator.pick(weights: kept.map { weights[$0] })
    return kept[choice]
  }
}

import Foundation
import Theory

/// The key a list of chords is in, found by scoring all 24 major and minor keys.
///
/// Score per key = the chord model's mean log-probability of the chords read in that key (the
/// n-gram knows that songs open and close on the tonic and how functions follow each other)
/// + 2 × the share of chord tones inside the key's scale (the raised seventh counts in minor).
/// The last chord is not assumed to be the tonic: a progression asked about may be unfinished
/// (`C G Am` is I–V–vi, not a cadence in A minor); the n-gram's `<s>` already weighs the opening.
/// The likelihood alone would accept any key in which the
/// chords are common numerals; the diatonic share alone cannot tell C major from A minor.
public struct KeyInference: Sendable, Hashable, Codable {
  public var key: Key
  /// Mean log-probability per chord under the model, in nats.
  public var logLikelihoodPerChord: Double
  /// Share of chord tones inside the scale, 0–1.
  public var diatonicShare: Double
  public var score: Double
  /// The second-best key and its score, so the reason can say how close it was.
  public var runnerUp: Key?
  public var runnerUpScore: Double?

  /// One line for the printed reasons.
  public var reason: String {
    var text =
      "key \(key) inferred from the chords: best of 24 keys by the chord model's likelihood"
      + " (\(Self.format(logLikelihoodPerChord)) nats/chord) and diatonic fit"
      + " (\(Int((diatonicShare * 100).rounded())) % of chord tones in the scale)"
    if let runnerUp, let runnerUpScore {
      text +=
        "; next best \(runnerUp) scores \(Self.format(runnerUpScore)) against \(Self.format(score))"
    }
    return text
  }

  static func format(_ x: Double) -> String { String(format: "%.2f", x) }
}

public struct ChordKeyFinder: Sendable {
  public let model: CompositionModel

  public init(model: CompositionModel) { self.model = model }

  /// The best key for the chords (at least one chord).
  public func infer(_ chords: [Chord]) -> KeyInference {
    var scored: [KeyInference] = []
    for pc in 0..<12 {
      for mode in [Mode.major, .minor] {
        let key = Key(Self.tonicSpelling(pc, mode: mode, chords: chords), mode)
        scored.append(evaluate(chords, in: key))
      }
    }
    // Ties go to the first candidate in a fixed order (C major first), so the answer is stable.
    let order = scored.indices.sorted {
      scored[$0].score != scored[$1].score ? scored[$0].score > scored[$1].score : $0 < $1
    }
    var best = scored[order[0]]
    if order.count > 1 {
      best.runnerUp = scored[order[1]].key
      best.runnerUpScore = scored[order[1]].score
    }
    return best
  }

  /// How well the chords fit one key (see ``KeyInference``).
  public func evaluate(_ chords: [Chord], in key: Key) -> KeyInference {
    let table = model.chords(for: key.mode)
    let tokens = UserChordTokens.tokens(chords, in: key, table: table)
    var history = [ChordModelSymbols.start]
    var logLikelihood = 0.0
    for token in tokens {
      // A chord without a token in this key is as unlikely as the smoothing floor allows.
      let p = token.map { table.probability(of: $0, after: history) } ?? 0
      logLikelihood += log(max(1e-4, p))
      history = Array((history + [token ?? UserChordTokens.unknown]).suffix(table.maxContext))
    }
    var scale = Set(key.scalePitchClasses)
    if key.mode.hasMinorThird { scale.insert((key.tonic.pitchClass + 11) % 12) }
    let tones = chords.flatMap(\.pitchClasses)
    let inside = tones.filter { scale.contains($0) }.count
    let share = tones.isEmpty ? 0 : Double(inside) / Double(tones.count)
    let perChord = logLikelihood / Double(max(1, chords.count))
    return KeyInference(
      key: key, logLikelihoodPerChord: perChord, diatonicShare: share,
      score: perChord + 2 * share)
  }

  /// The tonic spelled as the chords spell it when one of them has that root; else the spelling
  /// with the smaller key signature (E♭ major, not D♯; F♯ minor, not G♭).
  static func tonicSpelling(_ pc: Int, mode: Mode, chords: [Chord]) -> NoteClass {
    if let root = chords.first(where: { $0.root.pitchClass == pc })?.root,
      abs(Key(root, mode).signatureAccidentals) <= 7
    {
      return root
    }
    let sharp = NoteClass.spelling(ofPitchClass: pc, preferFlats: false)
    let flat = NoteClass.spelling(ofPitchClass: pc, preferFlats: true)
    return abs(Key(flat, mode).signatureAccidentals) < abs(Key(sharp, mode).signatureAccidentals)
      ? flat : sharp
  }
}

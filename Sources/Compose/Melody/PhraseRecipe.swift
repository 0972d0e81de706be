import Affect
import Theory

/// What each bar of a phrase does with the phrase's material, chosen per phrase and seed.
///
/// A statement (A, B, C) opens with a new motif and develops it in the shape of a sentence or of a
/// motif and its contrasting answer; an answer (A′, B′) restates the opening of the phrase it answers
/// (varied) and finds a new way to the cadence; a phrase that returns (A … A) restates with
/// variation. The last bar lands (``BarOp/cadence``), or the one before it, leaving the last to the
/// band (``BarOp/rest``).
enum BarOp: Hashable {
  /// A new motif: rhythm and pitches drawn by the trained model; it becomes the phrase's motif
  /// (a second `newMotif` in a row extends it to a two-bar motif).
  case newMotif
  /// New material that answers the motif (the contrasting half of a sentence).
  case free
  /// The motif from `shift` scale steps above (or below) where it started.
  case sequence(shift: Int)
  /// The motif with a note split or two merged, starting `shift` steps away.
  case varyRhythm(shift: Int)
  /// The motif with one interval changed, starting `shift` steps away.
  case varyIntervals(shift: Int)
  /// The motif upside down.
  case invert
  /// The motif's first half twice, the second time `shift` steps away.
  case fragment(shift: Int)
  /// Bar `bar` of the answered (or returning) phrase, `varied` or as it was.
  case restate(bar: Int, varied: Bool)
  /// The phrase's landing: a long note and a breath.
  case cadence
  /// A bar the melody leaves to the band after an early landing, with at most a pickup into the next
  /// phrase (a sung line of three bars and a bar's rest).
  case rest
}

enum PhraseRecipe {
  /// The bar operations of a phrase of `bars` bars. `returning` says whether the phrase's label was
  /// heard before; `answering` whether it answers an earlier phrase; `climax` whether it carries the
  /// section's high point (developments then climb rather than fall); `development` is the chance
  /// that a developing bar keeps its plan rather than turning into new material.
  static func draw(
    bars: Int, answering: Bool, returning: Bool, literal: Bool, climax: Bool, development: Double,
    generator: inout SeededGenerator
  ) -> [BarOp] {
    guard bars > 1 else { return [.cadence] }
    func shift() -> Int {
      let up = climax ? 0.8 : 0.5
      let size = generator.nextUnit() < 0.7 ? 1 : 2
      return generator.nextUnit() < up ? size : -size
    }
    var ops: [BarOp]
    if returning || answering {
      // The opening comes back (the answer's first half is the question's), then goes its own way.
      // Mostly varied, as a singer's new words vary it: POP909's melodies repeat a bar note for note
      // in 12 % of bars; with the opening restated literally in half the phrases, ours did in 16 %.
      let keep = answering ? 2 : 3
      ops = (0..<min(keep, bars - 1)).map { bar in
        let varied = literal ? false : (bar == 0 ? generator.nextUnit() < 0.8 : true)
        return .restate(bar: bar, varied: varied)
      }
      while ops.count < bars - 1 {
        let choices: [BarOp] = [.sequence(shift: shift()), .fragment(shift: shift()), .free]
        ops.append(choices[generator.pick(weights: [1.2, 1, 0.8])])
      }
    } else {
      let shapes: [[BarOp]] = [
        // The sentence: idea, its sequence, fragmentation driving to the cadence.
        [.newMotif, .sequence(shift: shift()), .fragment(shift: shift())],
        // Motif and contrasting answer, then the motif varied.
        [.newMotif, .free, .varyRhythm(shift: shift())],
        // Motif, variation, sequence.
        [.newMotif, .varyIntervals(shift: 0), .sequence(shift: shift())],
        // A two-bar motif and the sequence of its first bar.
        [.newMotif, .newMotif, .sequence(shift: shift())],
        // Motif, its inversion, free continuation.
        [.newMotif, .invert, .free],
      ]
      ops = Array(shapes[generator.pick(weights: [1.4, 1.2, 1, 1, 0.5])].prefix(bars - 1))
    }
    // How much of the piece is built from its motif varies from song to song (POP909's bar-rhythm
    // recurrence spreads from none to most bars): the rest is new, answering material.
    if !literal {
      for i in ops.indices where i > 0 {
        switch ops[i] {
        case .newMotif, .free: continue
        case .restate(let bar, _) where bar == 0: continue
        default: if generator.nextUnit() > development { ops[i] = .free }
        }
      }
    }
    return ops + [.cadence]
  }

  /// The phrase landed a bar early: its last bar left to the band. POP909's melodies often rest
  /// that long: 16 % of their 8-bar windows hold an onset gap of five beats or more (ours had 4 %).
  static func landingEarly(_ ops: [BarOp]) -> [BarOp] {
    guard ops.count >= 3 else { return ops }
    return Array(ops.dropLast(2)) + [.cadence, .rest]
  }
}

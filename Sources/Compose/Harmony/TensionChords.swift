import Affect
import Theory

/// Tension chords for dark, intense plans (``Plan/tensionChordShare``): which chord slots of a phrase
/// become the major triad on the lowered second degree (♭II: the Neapolitan of classical minor, the
/// half-step menace of metal riffs and horror scores; diatonic in phrygian).
///
/// The n-gram model's pop corpus rarely leaves the key, so this is a documented rule on top of it. The
/// first chord of a phrase, the song's final tonic and every tonic stay, so the key is still stated where
/// a listener looks for it. ♭II leaves the key's minor third and sixth in place (in A minor, B♭ major is
/// B♭–D–F); the leading-tone diminished seventh was tried as well and not kept: its raised seventh made
/// audio analysis of distorted-guitar sketches hear A minor as A major (planned quadrant 73 → 70 % on
/// seeds 3–4 of Benchmarks/mood/sketch_renders.sh).
enum TensionChords {
  /// The slot indices of a phrase of `tokens` to replace; none (and no random draw) when `share` is 0.
  static func slots(
    tokens: [String], tonic: String, share: Double, isLastPhrase: Bool,
    generator: inout SeededGenerator
  ) -> Set<Int> {
    guard share > 0, tokens.count > 1 else { return [] }
    // Never next to another ♭II (the model's own, in phrygian, or one chosen here): three bars of the
    // same chord would be a drone, not a progression.
    let isFlatTwo = { (i: Int) in tokens.indices.contains(i) && tokens[i] == flatTwoToken }
    let candidates = tokens.indices.filter { i in
      i > 0 && tokens[i] != tonic && !isFlatTwo(i) && !isFlatTwo(i - 1) && !isFlatTwo(i + 1)
        && !(isLastPhrase && i == tokens.count - 1)
    }
    guard !candidates.isEmpty else { return [] }
    // The expected count, with the fraction decided by chance: 0.3 of 8 slots is 2 or 3.
    let expected = share * Double(tokens.count)
    var count = Int(expected)
    if generator.nextUnit() < expected - Double(count) { count += 1 }
    var pool = candidates
    var chosen: Set<Int> = []
    while chosen.count < count, !pool.isEmpty {
      let pick = pool.remove(at: generator.int(in: 0...(pool.count - 1)))
      chosen.insert(pick)
      pool.removeAll { abs($0 - pick) == 1 }
    }
    return chosen
  }

  /// The model's token for ♭II (minor and phrygian tables).
  static let flatTwoToken = "bII"

  /// The ♭II of `key` (the second degree itself where the mode's is already a half step up).
  static func numeral(in key: Key) -> RomanNumeral {
    RomanNumeral(degree: 2, accidental: key.mode.intervals[1] == 1 ? 0 : -1, quality: .major)
  }
}

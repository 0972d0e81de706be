/// A small, fast, seedable random number generator (SplitMix64, Steele et al. 2014).
///
/// All randomness in moodsketch flows through one of these, passed in explicitly, so the same
/// seed gives the same music byte for byte on every machine (Swift's `SystemRandomNumberGenerator`
/// cannot be seeded, and the standard library's algorithms may change between releases).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform Double in [0, 1) built from 53 random bits (platform-independent, unlike `Double.random(in:)`).
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// An index drawn with probability proportional to `weights` (non-negative; at least one positive).
  public mutating func pick(weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    guard total > 0 else { return 0 }
    var r = nextUnit() * total
    for (i, w) in weights.enumerated() {
      r -= w
      if r < 0 { return i }
    }
    return weights.count - 1
  }

  /// An integer in `range`, uniform, platform-independent.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// A derived generator for an independent stream (e.g. one per track), so adding a part
  /// does not change the notes of the others.
  public func derived(_ stream: UInt64) -> SeededGenerator {
    var copy = SeededGenerator(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
    _ = copy.next()
    return copy
  }
}

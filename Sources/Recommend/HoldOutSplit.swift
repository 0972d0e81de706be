import Catalog
import Theory

/// A seeded per-user hold-out split of a listening history into training and test events.
///
/// How it is made, exactly:
/// 1. Duplicate `(user, item)` events are summed first, so an item is never on both sides.
/// 2. Users are taken in ascending id order; each user's items in ascending id order are shuffled
///    (Fisher–Yates) by a generator derived from `seed` and the user's position.
/// 3. A user with fewer than `minimumItems` items keeps all of them in training.
/// 4. Otherwise, with probability `coldStartFraction` (drawn from the same generator) the user becomes a
///    simulated newcomer: the first `coldStartKeep` shuffled items stay in training, the rest go to test.
/// 5. Every other user puts `max(1, round(testFraction × items))` shuffled items in test, the rest in training.
///
/// The same events and seed always give the same split.
public struct HoldOutSplit: Sendable {
  public var train: [ListeningEvent]
  public var test: [ListeningEvent]

  public struct Parameters: Sendable, Hashable, Codable {
    /// Share of each eligible user's items held out; default 0.2.
    public var testFraction: Double = 0.2
    /// Users with fewer items keep them all in training; default 5.
    public var minimumItems: Int = 5
    /// Share of eligible users turned into newcomers with only `coldStartKeep` training items; default 0.1.
    public var coldStartFraction: Double = 0.1
    /// Training items a simulated newcomer keeps; default 3.
    public var coldStartKeep: Int = 3
    public init() {}
  }

  /// Splits `events`.
  ///
  /// - Throws: ``RecommendError/invalidParameter(name:value:allowed:)`` for fractions outside 0...1 or counts < 1.
  public static func make(
    events: [ListeningEvent], seed: UInt64, parameters p: Parameters = Parameters()
  ) throws
    -> HoldOutSplit
  {
    guard p.testFraction > 0, p.testFraction < 1 else {
      throw RecommendError.invalidParameter(
        name: "test fraction", value: "\(p.testFraction)",
        allowed: "use a number between 0 and 1, e.g. 0.2")
    }
    guard (0...1).contains(p.coldStartFraction) else {
      throw RecommendError.invalidParameter(
        name: "cold-start fraction", value: "\(p.coldStartFraction)",
        allowed: "use a number from 0 to 1")
    }
    guard p.minimumItems >= 2, p.coldStartKeep >= 1, p.coldStartKeep < p.minimumItems else {
      throw RecommendError.invalidParameter(
        name: "minimum items / cold-start keep", value: "\(p.minimumItems)/\(p.coldStartKeep)",
        allowed: "need minimum items ≥ 2 and 1 ≤ keep < minimum items")
    }
    var merged: [String: [String: ListeningEvent]] = [:]
    for e in events {
      if var known = merged[e.user]?[e.item] {
        known.weight += e.weight
        known.timestamp = known.timestamp ?? e.timestamp
        merged[e.user]![e.item] = known
      } else {
        merged[e.user, default: [:]][e.item] = e
      }
    }
    var split = HoldOutSplit(train: [], test: [])
    let root = SeededGenerator(seed: seed)
    for (position, user) in merged.keys.sorted().enumerated() {
      var items = merged[user]!.values.sorted { $0.item < $1.item }
      guard items.count >= p.minimumItems else {
        split.train += items
        continue
      }
      var rng = root.derived(UInt64(position))
      for i in stride(from: items.count - 1, to: 0, by: -1) {
        items.swapAt(i, rng.int(in: 0...i))
      }
      let testCount: Int
      if rng.nextUnit() < p.coldStartFraction {
        testCount = items.count - p.coldStartKeep
      } else {
        testCount = max(1, Int((p.testFraction * Double(items.count)).rounded()))
      }
      split.test += items[..<testCount]
      split.train += items[testCount...]
    }
    return split
  }
}

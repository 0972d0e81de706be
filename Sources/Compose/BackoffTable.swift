import Foundation

/// Counts of outcomes after contexts, smoothed with interpolated Witten–Bell back-off.
///
/// A context is a short list of symbols, oldest first (for an n-gram: the previous n−1 chords;
/// for the rhythm model: the previous note and the metric position). Backing off drops the
/// oldest symbol, so the most recent one (or the conditioning position) is kept longest.
///
/// Why Witten–Bell rather than Kneser–Ney: our vocabularies are small (≈100 chord tokens,
/// ≈100 rhythm tokens) and many contexts are seen only a handful of times. Witten–Bell needs
/// nothing but the counts and the number of distinct followers T(h) of each context, which
/// tells directly how "open" a context is (after V almost everything goes to I; after I
/// anything may follow). Kneser–Ney's continuation counts matter most for large word
/// vocabularies where a frequent word appears in few contexts; here that effect is weak,
/// and Witten–Bell also stays well-defined after rare higher-order counts are pruned.
///
///     P(w | h) = (c(h, w) + T(h) · P(w | h′)) / (c(h) + T(h)),   h′ = h without its oldest symbol
///
/// and below the empty context a uniform distribution over the outcomes, so every outcome keeps
/// a little mass and each distribution sums to 1.
public struct BackoffTable: Sendable, Hashable, Codable {
  /// Longest context length kept (an n-gram model of order n has `maxContext` = n − 1).
  public let maxContext: Int
  /// The outcomes, sorted, so the table's bytes do not depend on training order.
  public let outcomes: [String]
  /// Context key (symbols joined by a space, "" for the empty context) → flat pairs
  /// `[outcomeIndex, count, outcomeIndex, count, …]` sorted by index.
  let counts: [String: [Int]]

  public init(maxContext: Int, outcomes: [String], counts: [String: [Int]]) {
    self.maxContext = maxContext
    self.outcomes = outcomes
    self.counts = counts
  }

  /// Number of distinct contexts stored (the empty one included).
  public var contextCount: Int { counts.count }

  /// Index of an outcome, or nil if it was never seen in training.
  public func index(of outcome: String) -> Int? {
    var lo = 0
    var hi = outcomes.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      if outcomes[mid] == outcome { return mid }
      if outcomes[mid] < outcome { lo = mid + 1 } else { hi = mid - 1 }
    }
    return nil
  }

  /// Raw count of `outcome` after exactly this context (no smoothing); for tests and reports.
  public func count(of outcome: String, after context: [String]) -> Int {
    guard let i = index(of: outcome), let pairs = counts[context.joined(separator: " ")] else {
      return 0
    }
    var k = 0
    while k < pairs.count {
      if pairs[k] == i { return pairs[k + 1] }
      k += 2
    }
    return 0
  }

  /// The smoothed distribution over ``outcomes`` after `context` (oldest first); sums to 1.
  public func distribution(after context: [String]) -> [Double] {
    let n = outcomes.count
    guard n > 0 else { return [] }
    var p = [Double](repeating: 1 / Double(n), count: n)
    let usable = Array(context.suffix(maxContext))
    // From the empty context up to the full one, each level interpolates with the one below.
    for length in 0...usable.count {
      let key = usable.suffix(length).joined(separator: " ")
      guard let pairs = counts[key], !pairs.isEmpty else { continue }
      var total = 0
      var k = 1
      while k < pairs.count {
        total += pairs[k]
        k += 2
      }
      let distinct = Double(pairs.count / 2)
      let denominator = Double(total) + distinct
      var next = p.map { $0 * distinct / denominator }
      k = 0
      while k < pairs.count {
        next[pairs[k]] += Double(pairs[k + 1]) / denominator
        k += 2
      }
      p = next
    }
    return p
  }

  /// The smoothed probability of one outcome after `context`.
  public func probability(of outcome: String, after context: [String]) -> Double {
    guard let i = index(of: outcome) else { return 0 }
    return distribution(after: context)[i]
  }
}

/// Collects counts for a ``BackoffTable``.
public struct BackoffTableBuilder: Sendable {
  public let maxContext: Int
  private var raw: [String: [String: Int]] = [:]

  public init(maxContext: Int) { self.maxContext = maxContext }

  /// Counts `outcome` after `context` and after every shorter suffix of it.
  public mutating func add(_ outcome: String, after context: [String], weight: Int = 1) {
    let usable = Array(context.suffix(maxContext))
    for length in 0...usable.count {
      let key = usable.suffix(length).joined(separator: " ")
      raw[key, default: [:]][outcome, default: 0] += weight
    }
  }

  /// Counts a whole sequence as an n-gram model: each symbol after up to `maxContext` predecessors.
  /// `start` pads the beginning so openers are learned (e.g. `<s>`).
  public mutating func addSequence(_ symbols: [String], start: String? = nil) {
    var history: [String] = start.map { [$0] } ?? []
    for symbol in symbols {
      add(symbol, after: history)
      history.append(symbol)
      if history.count > maxContext { history.removeFirst() }
    }
  }

  /// The table; counts below `minimumCount` in contexts of `pruneFromLength` symbols or more are
  /// dropped to keep the shipped file small (Witten–Bell stays normalised after pruning).
  public func build(minimumCount: Int = 1, pruneFromLength: Int = 2) -> BackoffTable {
    var outcomeSet = Set<String>()
    for (_, row) in raw { outcomeSet.formUnion(row.keys) }
    let outcomes = outcomeSet.sorted()
    var indexOf: [String: Int] = [:]
    for (i, o) in outcomes.enumerated() { indexOf[o] = i }
    var counts: [String: [Int]] = [:]
    for (key, row) in raw {
      let length = key.isEmpty ? 0 : key.split(separator: " ").count
      let kept = row.filter { length < pruneFromLength || $0.value >= minimumCount }
      guard !kept.isEmpty else { continue }
      counts[key] = kept.map { (indexOf[$0.key]!, $0.value) }.sorted { $0.0 < $1.0 }.flatMap {
        [$0.0, $0.1]
      }
    }
    return BackoffTable(maxContext: maxContext, outcomes: outcomes, counts: counts)
  }
}

/// Remembers a table's distributions for the contexts already asked about, for one piece:
/// a melody asks the same few contexts hundreds of times.
final class DistributionMemo {
  let table: BackoffTable
  private var known: [[String]: [Double]] = [:]

  init(_ table: BackoffTable) { self.table = table }

  func distribution(after context: [String]) -> [Double] {
    let key = Array(context.suffix(table.maxContext))
    if let d = known[key] { return d }
    let d = table.distribution(after: key)
    known[key] = d
    return d
  }
}

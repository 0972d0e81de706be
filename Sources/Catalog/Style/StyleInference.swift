import Foundation

/// Infers a style for untagged tracks from the tagged tracks of the same catalog: k nearest neighbours on
/// ``StyleDescriptors``, each neighbour voting for its style with weight 1 / distance.
///
/// Descriptors are z-scored over the catalog's tracks first (each entry over the tracks that know it), and the
/// distance between two tracks is the root of the mean, over the groups both know, of the group's mean squared
/// difference: tracks are compared only on what both sources measured (an audio file and a table row share
/// tempo and energy, not timbre). Confidence is the winning style's share of the weighted vote, 0…1.
///
/// No inference happens unless the tagged tracks hold ``minimumStyles`` styles with
/// ``minimumTracksPerStyle`` tracks each (with one style, every guess would be that style whatever the
/// track sounds like: the default catalog's tagged tracks are Wesnoth's orchestral ones, and every
/// electronic track of the other soundtracks was "classical, 63–100 %"), or for a track that shares no
/// known group with any tagged one; a catalog of one track therefore infers nothing.
public enum StyleInference {
  /// One track as inference sees it.
  public struct Sample: Sendable, Hashable {
    public var id: Int64
    /// The known style; nil for a track to infer.
    public var style: String?
    public var descriptors: StyleDescriptors
    public init(id: Int64, style: String?, descriptors: StyleDescriptors) {
      self.id = id
      self.style = style
      self.descriptors = descriptors
    }
  }

  /// An inferred style with the share of the weighted vote it won.
  public struct Guess: Sendable, Hashable, Codable {
    public var style: String
    /// 0…1.
    public var confidence: Double
    public init(style: String, confidence: Double) {
      self.style = style
      self.confidence = confidence
    }
  }

  /// Track pairs compared at most by ``infer(_:k:)``; above it the tagged side is sampled evenly.
  public static let maximumComparisons = 20_000_000

  /// Neighbours that vote; default 7.
  public static let defaultK = 7

  /// A guess for every untagged sample that has at least one comparable tagged sample, by id.
  public static func infer(_ samples: [Sample], k: Int = defaultK) -> [Int64: Guess] {
    guard inferableStyles(samples).count >= minimumStyles else { return [:] }
    var tagged = samples.indices.filter { samples[$0].style != nil }
    let untagged = samples.count - tagged.count
    guard untagged > 0 else { return [:] }
    let z = standardised(samples)
    if tagged.count * untagged > maximumComparisons {
      // A huge table with a few styles tagged: vote among an even sample of the tagged rows, so a refresh
      // stays a matter of seconds.
      let keep = min(tagged.count, max(k, maximumComparisons / untagged))
      let step = Double(tagged.count) / Double(keep)
      tagged = (0..<keep).map { tagged[Int(Double($0) * step)] }
    }
    var out: [Int64: Guess] = [:]
    for i in samples.indices where samples[i].style == nil {
      if let g = vote(for: i, among: tagged, samples: samples, z: z, k: k) {
        out[samples[i].id] = g
      }
    }
    return out
  }

  /// Tagged tracks a style needs before inference counts it as one of the catalog's styles.
  public static let minimumTracksPerStyle = 3

  /// Styles (each with ``minimumTracksPerStyle`` tagged tracks) inference needs to choose between.
  public static let minimumStyles = 2

  /// The styles with at least ``minimumTracksPerStyle`` tagged samples.
  public static func inferableStyles(_ samples: [Sample]) -> [String] {
    var counts: [String: Int] = [:]
    for sample in samples { if let style = sample.style { counts[style, default: 0] += 1 } }
    return counts.filter { $0.value >= minimumTracksPerStyle }.keys.sorted()
  }

  /// How many styles, given each style's count of tagged tracks, have enough to be inferred: what
  /// ``inferableStyles(_:)`` counts, from counts alone (a refresh decides from SQL counts whether to
  /// decode any features).
  public static func inferableStyleCount(_ tracksPerStyle: [Int]) -> Int {
    tracksPerStyle.filter { $0 >= minimumTracksPerStyle }.count
  }

  /// Leave-one-out over the tagged samples: each one's style hidden and inferred from the others.
  public struct Evaluation: Sendable, Hashable, Codable {
    /// Tagged samples scored.
    public var count: Int
    /// Share whose inferred style equals the known one (a sample with no comparable neighbour counts wrong).
    public var accuracy: Double
    /// Share of the most common style: what always guessing it would score.
    public var majorityBaseline: Double
    public var majorityStyle: String?
    /// Distinct styles.
    public var styles: Int
    /// Share of samples guessed with confidence at least ½, and the accuracy of those guesses and of the
    /// rest: whether the confidence means something (nil when a side is empty).
    public var confidentShare: Double
    public var confidentAccuracy: Double?
    public var unsureAccuracy: Double?
  }

  public static func leaveOneOut(_ samples: [Sample], k: Int = defaultK) -> Evaluation {
    let z = standardised(samples)
    let tagged = samples.indices.filter { samples[$0].style != nil }
    var counts: [String: Int] = [:]
    for i in tagged { counts[samples[i].style!, default: 0] += 1 }
    let majority = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
    var right = 0
    var confident = (count: 0, right: 0)
    var unsure = (count: 0, right: 0)
    for i in tagged {
      let others = tagged.filter { $0 != i }
      let guess = vote(for: i, among: others, samples: samples, z: z, k: k)
      let hit = guess?.style == samples[i].style
      if hit { right += 1 }
      if (guess?.confidence ?? 0) >= 0.5 {
        confident.count += 1
        if hit { confident.right += 1 }
      } else {
        unsure.count += 1
        if hit { unsure.right += 1 }
      }
    }
    let n = tagged.count
    func share(_ side: (count: Int, right: Int)) -> Double? {
      side.count > 0 ? Double(side.right) / Double(side.count) : nil
    }
    return Evaluation(
      count: n, accuracy: n > 0 ? Double(right) / Double(n) : 0,
      majorityBaseline: n > 0 ? Double(majority?.value ?? 0) / Double(n) : 0,
      majorityStyle: majority?.key, styles: counts.count,
      confidentShare: n > 0 ? Double(confident.count) / Double(n) : 0,
      confidentAccuracy: share(confident), unsureAccuracy: share(unsure))
  }

  static func vote(for i: Int, among candidates: [Int], samples: [Sample], z: [[Double]], k: Int)
    -> Guess?
  {
    var near: [(distance: Double, index: Int)] = []
    for j in candidates where j != i {
      if let d = distance(samples[i].descriptors.known, z[i], samples[j].descriptors.known, z[j]) {
        near.append((d, j))
      }
    }
    guard !near.isEmpty else { return nil }
    near.sort { ($0.distance, samples[$0.index].id) < ($1.distance, samples[$1.index].id) }
    var votes: [String: Double] = [:]
    for (d, j) in near.prefix(max(1, k)) {
      // Floored so a duplicate (distance 0) counts a lot, not infinitely.
      votes[samples[j].style!, default: 0] += 1 / max(d, 1e-3)
    }
    let total = votes.values.reduce(0, +)
    guard let best = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), total > 0 else {
      return nil
    }
    return Guess(style: best.key, confidence: min(1, best.value / total))
  }

  /// Root mean over shared groups of each group's mean squared difference; nil when no group is shared.
  static func distance(_ ka: [Bool], _ a: [Double], _ kb: [Bool], _ b: [Double]) -> Double? {
    var sum = 0.0
    var shared = 0
    for (g, group) in StyleDescriptors.groups.enumerated() where ka[g] && kb[g] {
      var s = 0.0
      for d in group.dimensions {
        let diff = a[d] - b[d]
        s += diff * diff
      }
      sum += s / Double(group.dimensions.count)
      shared += 1
    }
    guard shared > 0 else { return nil }
    return (sum / Double(shared)).squareRoot()
  }

  /// Each sample's values z-scored per entry over the samples that know its group (spread floored, so a
  /// constant entry compares as equal rather than dividing by zero).
  static func standardised(_ samples: [Sample]) -> [[Double]] {
    var out = samples.map(\.descriptors.values)
    for (g, group) in StyleDescriptors.groups.enumerated() {
      let having = samples.indices.filter { samples[$0].descriptors.known[g] }
      guard !having.isEmpty else { continue }
      for d in group.dimensions {
        let column = having.map { samples[$0].descriptors.values[d] }
        let mean = column.reduce(0, +) / Double(column.count)
        let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
        let sd = max(variance.squareRoot(), 1e-6)
        for i in having { out[i][d] = (samples[i].descriptors.values[d] - mean) / sd }
      }
    }
    return out
  }
}

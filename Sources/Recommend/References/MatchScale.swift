import Foundation

/// A reference's distance as a 0–100 match score that means the same in any catalog: how its
/// closeness ranks among the catalog's own nearest-neighbour distances.
///
/// Every sampled catalog track is looked up against the rest of the catalog, under the same weights,
/// and its nearest neighbour's distance kept. A reference as close as the closest such pair scores
/// 100; one as far as the median pair scores 50; one farther than every track is from its nearest
/// neighbour scores 0. So "80" says: closer than 80 % of the catalog's tracks are to their own best
/// match. Below ``closeMatch`` a reference is reported as no close match: the catalog holds nothing
/// that near the draft.
///
/// Large catalogs are calibrated on an even sample of their tracks (``sampleSize``) so a search stays
/// quick; each sampled track is still compared with the whole catalog.
public struct MatchScale: Sendable, Hashable {
  /// Nearest-neighbour distances of the sampled tracks, ascending.
  public let neighbourDistances: [Double]

  /// Score below which a reference is not a close match.
  public static let closeMatch = 20

  /// How many tracks are looked up to calibrate a large catalog.
  static func sampleSize(_ count: Int) -> Int { count <= 20_000 ? min(count, 400) : 64 }

  public init(neighbourDistances: [Double]) {
    self.neighbourDistances = neighbourDistances.filter(\.isFinite).sorted()
  }

  /// The scale of `index` under `weights`.
  public init(index: ReferenceIndex, weights: ReferenceWeights, threads: Int = 2) {
    let n = index.ids.count
    let samples = Self.sampleSize(n)
    guard n >= 2, samples > 0 else {
      self.init(neighbourDistances: [])
      return
    }
    var distances: [Double] = []
    for s in 0..<samples {
      let row = s * n / samples
      let query = index.row(row)
      let metric = ReferenceMetric(
        query: query, queryKnown: index.knownGroups(row), weights: weights)
      // The track finds itself first (distance 0) unless an identical twin ties with it.
      let hits = index.nearest(to: query, metric: metric, k: 2, threads: threads)
      if let neighbour = hits.first(where: { $0.row != row }) {
        distances.append(neighbour.distance)
      }
    }
    self.init(neighbourDistances: distances)
  }

  /// 0–100: the share of calibration pairs at least as far apart as `distance` (linearly interpolated
  /// between them); nil when the catalog is too small to calibrate (fewer than two tracks).
  public func score(_ distance: Double) -> Int? {
    let d = neighbourDistances
    guard let first = d.first, let last = d.last else { return nil }
    if distance <= first { return 100 }
    if distance >= last { return 0 }
    // Index of the first calibration distance above `distance`.
    var lo = 0
    var hi = d.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if d[mid] > distance { hi = mid } else { lo = mid + 1 }
    }
    let below = d[lo - 1]
    let above = d[lo]
    let fraction = above > below ? (distance - below) / (above - below) : 0
    let rank = (Double(lo - 1) + fraction) / Double(d.count - 1)
    return Int((100 * (1 - rank)).rounded())
  }
}

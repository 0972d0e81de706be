import Catalog

/// The weighted squared distance that reference search ranks by, over ``TrackVector`` rows.
///
/// Per dimension, `distance += w[d] · (query[d] − row[d])²` with `w[d] = groupWeight · base[d]`. The base
/// weights put each group on a comparable scale:
///
/// - mood: 0.5 per axis, so opposite corners of the valence/arousal square are 4 apart and ±0.3 is 0.09;
/// - tempo: 0.5 on each circle coordinate: 2 BPM apart at 100 BPM is 0.02, 100 vs 120 is 1.1, half/double time 0;
/// - key: 0.5 on both key circles and the major/minor offset: same key 0, a fifth apart 0.13, relative or
///   parallel major/minor 0.63, a tritone away 2;
/// - energy: 2 (energy is 0…1): 0.25 apart is 0.125;
/// - brightness: 1 per octave² of spectral centroid;
/// - timbre: 1/6 per MFCC coefficient (12 of them, each scaled to unit spread).
///
/// A group the query does not know is ignored; a group the query knows but a track does not (timbre of a
/// Spotify-table row) costs that group's ``neutralDistance`` times its weight: neither a match nor a mismatch.
public struct ReferenceMetric: Sendable {
  /// Per-dimension weights (``TrackVector/dimension`` entries).
  public let weights: [Float]
  /// Added to a row's raw distance, indexed by the row's known-groups mask (64 entries).
  public let maskCorrection: [Float]
  /// The groups the query knows and that carry weight.
  public let activeGroups: [FeatureGroup]

  /// The distance a missing group costs, before its weight.
  public static func neutralDistance(_ group: FeatureGroup) -> Double {
    switch group {
    case .mood: 0.5
    case .tempo: 0.5
    case .key: 0.5
    case .energy: 0.125
    case .brightness: 0.25
    case .timbre: 0.5
    }
  }

  /// Base weight of one dimension of `group`.
  public static func baseWeight(_ group: FeatureGroup) -> Double {
    switch group {
    case .mood, .tempo, .key: 0.5
    case .energy: 2
    case .brightness: 1
    case .timbre: 1.0 / 6
    }
  }

  /// Builds the metric for one query.
  public init(query: [Float], queryKnown: UInt8, weights groupWeights: ReferenceWeights) {
    var w = [Float](repeating: 0, count: TrackVector.dimension)
    var active: [FeatureGroup] = []
    for group in FeatureGroup.allCases where queryKnown & group.bit != 0 && groupWeights[group] > 0
    {
      active.append(group)
      for d in group.dimensions { w[d] = Float(groupWeights[group] * Self.baseWeight(group)) }
    }
    var correction = [Float](repeating: 0, count: 64)
    for mask in 0..<64 {
      var c = 0.0
      for group in active where UInt8(mask) & group.bit == 0 {
        // The row stores zeros for a group it does not know, so the scan added w·q²: swap it for the neutral cost.
        var raw = 0.0
        for d in group.dimensions { raw += Double(w[d]) * Double(query[d]) * Double(query[d]) }
        c += groupWeights[group] * Self.neutralDistance(group) - raw
      }
      correction[mask] = Float(c)
    }
    self.weights = w
    self.maskCorrection = correction
    self.activeGroups = active
  }

  /// The exact distance in Double, used to re-rank the scan's shortlist.
  public func distance(_ query: [Float], row: [Float], known: UInt8) -> Double {
    var sum = 0.0
    for d in 0..<TrackVector.dimension {
      let diff = Double(query[d]) - Double(row[d])
      sum += Double(weights[d]) * diff * diff
    }
    return sum + Double(maskCorrection[Int(known & 63)])
  }

  /// Each active group's weighted distance between two vectors (for reasons and MMR).
  public func groupDistances(
    _ a: [Float], _ b: [Float], knownA: UInt8, knownB: UInt8, weights groupWeights: ReferenceWeights
  )
    -> [FeatureGroup: Double]
  {
    var result: [FeatureGroup: Double] = [:]
    for group in activeGroups {
      if knownA & group.bit == 0 || knownB & group.bit == 0 {
        result[group] = groupWeights[group] * Self.neutralDistance(group)
        continue
      }
      var s = 0.0
      for d in group.dimensions {
        let diff = Double(a[d]) - Double(b[d])
        s += Double(weights[d]) * diff * diff
      }
      result[group] = s
    }
    return result
  }
}

import Analysis
import Catalog
import Foundation

/// Compares a short draft with the part of a longer track that it is most like.
///
/// A whole-track vector holds the track's averages. An excerpt (a 15 s or 30 s clip, a loop, a draft of one
/// section) has the timbre, brightness and level of *its* part, which in a track that changes can be far
/// from the averages: on the default catalog that alone kept 30 s excerpts from finding their own track for
/// a third of the 70 tracks. So when the draft is shorter than a track, the track is also represented by
/// every window of its ``Analysis/LocalDescriptors`` blocks as long as the draft, with the window's
/// timbre, brightness and energy in place of the averages (tempo, key and mood stay the track's), and
/// the closest of those windows or the whole track counts.
///
/// Tempo, key and mood estimated from a few seconds of audio drift from the whole track's far more than
/// timbre does, so in this comparison each group's weight is multiplied by how well it survives
/// excerpting (``reliability(_:)``), measured, not tuned for a score.
enum LocalMatch {
  /// How much a group's weight counts when a short draft is compared with a part of a track: its Fisher
  /// ratio, the spread between tracks over the spread between an excerpt and the window it was cut from
  /// (both under the base weights), scaled so that two unrelated tracks are as far apart as under the
  /// plain metric (which lets part and whole comparisons rank together). Measured on the 70 tracks of
  /// the default catalog with 15 s and 30 s excerpts at three places, native, resampled to 22,050 Hz and
  /// Ogg Vorbis at the lowest quality (Tests/RecommendTests/ExcerptDumpTests.swift): ratios mood 1.8,
  /// tempo 3.7, key 2.5, energy 34, brightness 369, timbre 56. Calibrated on the Wesnoth and Tux Racer
  /// tracks alone, the factors differ by under 2× and the 19 asc/singularity tracks still all match.
  static func reliability(_ group: FeatureGroup) -> Double {
    switch group {
    case .mood: 0.02
    case .tempo: 0.04
    case .key: 0.03
    case .energy: 0.4
    case .brightness: 4.3
    case .timbre: 0.65
    default: 1  // a group added later (style) keeps its weight until it is measured
    }
  }

  /// `weights` for comparing a short draft with parts of tracks; a mood the user asked for is not an
  /// estimate and keeps its weight.
  static func partWeights(_ weights: ReferenceWeights, keepsMood: Bool) -> ReferenceWeights {
    var w = weights
    for group in FeatureGroup.allCases where !(keepsMood && group == .mood) {
      w[group] *= reliability(group)
    }
    return w
  }

  /// Whether a draft of `queryDuration` seconds is compared with parts of `track`.
  static func comparesParts(queryDuration: Double, track: Features) -> Bool {
    guard let local = track.local, local.count > 1, local.blockSeconds > 0 else { return false }
    return queryDuration > 0 && queryDuration < track.durationSeconds - local.blockSeconds
  }

  /// The best window of `track` for a draft of `queryDuration` seconds, when it is closer than
  /// `wholeDistance`: its vector and distance under `metric`.
  static func closestWindow(
    queryVector: [Float], queryDuration: Double, track: Features, trackKnown: UInt8,
    wholeDistance: Double, metric: ReferenceMetric
  ) -> (vector: [Float], distance: Double, start: Double)? {
    guard comparesParts(queryDuration: queryDuration, track: track), let local = track.local
    else { return nil }
    let length = max(1, min(local.count - 1, Int((queryDuration / local.blockSeconds).rounded())))
    var best: (vector: [Float], distance: Double, start: Double)?
    let wholeVector = TrackVector.make(from: track).values
    for start in 0...(local.count - length) {
      guard
        let vector = windowVector(
          local, start: start, length: length, track: track, whole: wholeVector)
      else { continue }
      let d = metric.distance(queryVector, row: vector, known: trackKnown)
      if d < (best?.distance ?? wholeDistance) {
        best = (vector, d, Double(start) * local.blockSeconds)
      }
    }
    return best
  }

  /// `whole` with the timbre, brightness and energy of blocks `start..<start+length`.
  static func windowVector(
    _ local: LocalDescriptors, start: Int, length: Int, track: Features, whole: [Float]
  ) -> [Float]? {
    var frames = 0.0
    var mfcc = [Double](repeating: 0, count: FeatureGroup.timbre.dimensions.count)
    var centroid = 0.0
    var power = 0.0
    for b in start..<(start + length) {
      let n = Double(local.frames[b])
      guard local.mfcc[b].count >= mfcc.count else { return nil }
      frames += n
      for i in mfcc.indices { mfcc[i] += n * Double(local.mfcc[b][i]) }
      centroid += n * Double(local.centroidHz[b])
      power += n * pow(10, Double(local.relativePowerDB[b]) / 10)
    }
    guard frames > 0 else { return nil }
    var window = track
    for i in mfcc.indices { window.summary["mfcc_\(i + 1)_mean"] = mfcc[i] / frames }
    window.summary["spectral_centroid_hz_mean"] = centroid / frames
    if let lufs = track.loudnessLUFS {
      window.loudnessLUFS = lufs + 10 * log10(max(1e-12, power / frames))
    }
    var vector = TrackVector.make(from: window).values
    // Only the groups a window measures change; the rest stay exactly the track's.
    for group in FeatureGroup.allCases
    where ![.timbre, .brightness, .energy].contains(group) {
      for d in group.dimensions { vector[d] = whole[d] }
    }
    return vector
  }
}

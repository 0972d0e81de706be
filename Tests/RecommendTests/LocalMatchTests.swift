import Analysis
import Catalog
import Foundation
import Testing

@testable import Recommend

@Suite struct LocalMatchTests {
  /// A track whose first half is dark and second half bright, with block descriptors to match.
  func twoPartTrack() -> Features {
    let dark: [Float] = Array(repeating: -20, count: 12)
    let bright: [Float] = Array(repeating: 20, count: 12)
    let local = LocalDescriptors(
      blockSeconds: 2.5, frames: Array(repeating: 108, count: 24),
      mfcc: Array(repeating: dark, count: 12) + Array(repeating: bright, count: 12),
      centroidHz: Array(repeating: 800, count: 12) + Array(repeating: 3200, count: 12),
      relativePowerDB: Array(repeating: 0, count: 24))
    var summary: [String: Double] = ["spectral_centroid_hz_mean": 2000]
    for i in 1...12 { summary["mfcc_\(i)_mean"] = 0 }
    return Features(
      source: .audio, durationSeconds: 60, tempoBPM: 100, tempoConfidence: 0.8, key: nil,
      keyStrength: 0, loudnessLUFS: -14, loudnessRangeLU: 5, valence: 0, arousal: 0,
      summary: summary, local: local)
  }

  @Test func aShortBrightDraftMatchesTheBrightHalfOfATrack() throws {
    let track = twoPartTrack()
    var draft = track
    draft.local = nil
    draft.durationSeconds = 15
    for i in 1...12 { draft.summary["mfcc_\(i)_mean"] = 20 }
    draft.summary["spectral_centroid_hz_mean"] = 3200
    let (q, known) = TrackVector.make(from: draft)
    let (row, rowKnown) = TrackVector.make(from: track)
    let metric = ReferenceMetric(query: q, queryKnown: known, weights: ReferenceWeights())
    let whole = metric.distance(q, row: row, known: rowKnown)
    let match = try #require(
      LocalMatch.closestWindow(
        queryVector: q, queryDuration: 15, track: track, trackKnown: rowKnown,
        wholeDistance: whole, metric: metric))
    #expect(match.distance < whole / 10)
    #expect(match.start >= 30, "the bright half starts at 30 s, matched at \(match.start) s")
  }

  @Test func aDraftAsLongAsTheTrackIsComparedWhole() {
    #expect(!LocalMatch.comparesParts(queryDuration: 60, track: twoPartTrack()))
    #expect(LocalMatch.comparesParts(queryDuration: 30, track: twoPartTrack()))
    var old = twoPartTrack()
    old.local = nil
    #expect(!LocalMatch.comparesParts(queryDuration: 10, track: old))
  }

  @Test func tempoKeyAndMoodCountLessThanTimbreInAPartComparison() {
    let w = LocalMatch.partWeights(ReferenceWeights(), keepsMood: false)
    #expect(w.timbre > 10 * w.tempo)
    #expect(w.timbre > 10 * w.mood)
    #expect(LocalMatch.partWeights(ReferenceWeights(), keepsMood: true).mood == 1)
  }
}

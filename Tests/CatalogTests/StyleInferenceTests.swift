import Analysis
import Foundation
import GRDB
import Testing

@testable import Catalog

/// Audio-like features with a chosen tempo, loudness, brightness and timbre, so clusters are easy to build.
func styledFeatures(tempo: Double, lufs: Double, centroid: Double, mfcc: Double, onsets: Double)
  -> Features
{
  var summary: [String: Double] = [
    "spectral_centroid_hz_mean": centroid, "onset_rate_per_s": onsets,
  ]
  for i in 1...12 { summary["mfcc_\(i)_mean"] = mfcc / Double(i) }
  return Features(
    source: .audio, durationSeconds: 120, tempoBPM: tempo, tempoConfidence: 0.8, key: nil,
    keyStrength: 0, loudnessLUFS: lufs, loudnessRangeLU: 5, valence: 0, arousal: 0,
    summary: summary)
}

/// Two clear clusters: quiet, dark, slow "ambient" and loud, bright, busy "edm", with small jitter.
func clusteredCatalog(tagged: Int, untagged: Int) throws -> (CatalogStore, [String: Int64]) {
  let store = try CatalogStore.inMemory()
  var ids: [String: Int64] = [:]
  for i in 0..<(tagged + untagged) {
    for (style, base) in [("ambient", 0.0), ("edm", 1.0)] {
      let jitter = Double(i % 5) * 0.01
      let f = styledFeatures(
        tempo: base == 0 ? 70 + Double(i % 3) : 128 + Double(i % 3), lufs: -30 + 20 * base + jitter,
        centroid: 800 + 3000 * base + 10 * jitter, mfcc: -20 + 60 * base + jitter,
        onsets: 0.5 + 6 * base + jitter)
      let name = "\(style)-\(i)"
      let saved = try store.save(
        CatalogTrack(
          title: name, path: "/m/\(name).wav", sourceKey: "/m/\(name).wav",
          style: i < tagged ? style : nil, features: f))
      ids[name] = saved.id!
    }
  }
  return (store, ids)
}

@Suite struct StyleInferenceTests {
  @Test func untaggedTracksGetTheStyleOfTheirCluster() throws {
    let (store, ids) = try clusteredCatalog(tagged: 6, untagged: 3)
    let refresh = try store.refreshStyles()
    #expect(refresh.tagged == 12)
    #expect(refresh.inferred == 6)
    #expect(refresh.uninferred == 0)
    for i in 6..<9 {
      let ambient = try store.track(id: ids["ambient-\(i)"]!)
      let edm = try store.track(id: ids["edm-\(i)"]!)
      #expect(ambient.style == nil && ambient.inferredStyle == "ambient")
      #expect(edm.inferredStyle == "edm")
      // Every neighbour of a clean cluster agrees: the whole vote.
      #expect((edm.styleConfidence ?? 0) > 0.99)
    }
    // A known style is never overwritten or shadowed by an inference.
    let tagged = try store.track(id: ids["edm-0"]!)
    #expect(tagged.style == "edm" && tagged.inferredStyle == nil)
  }

  @Test func confidenceIsTheShareOfTheWeightedVote() {
    func sample(_ id: Int64, _ style: String?, _ x: Double) -> StyleInference.Sample {
      var values = [Double](repeating: 0, count: StyleDescriptors.dimension)
      values[2] = x
      var known = [Bool](repeating: false, count: StyleDescriptors.groups.count)
      known[1] = true  // energy only
      return .init(id: id, style: style, descriptors: .init(values: values, known: known))
    }
    // The query at 0 has "rock" at distance 1 and 1, "pop" at distance 2: weights 1, 1, ½ → rock 0.8.
    let samples = [
      sample(1, nil, 0), sample(2, "rock", 1), sample(3, "rock", -1), sample(4, "pop", 2),
    ]
    // The vote itself (a catalog needs two styles of three tracks before `infer` runs it).
    func vote(_ samples: [StyleInference.Sample], k: Int) -> StyleInference.Guess? {
      StyleInference.vote(
        for: 0, among: Array(1..<samples.count), samples: samples,
        z: StyleInference.standardised(samples), k: k)
    }
    let guess = vote(samples, k: 3)
    #expect(guess?.style == "rock")
    #expect(abs((guess?.confidence ?? 0) - 0.8) < 1e-9)
    // A lone voter of a split neighbourhood wins only its share.
    let split = vote([sample(1, nil, 0), sample(2, "a", 1), sample(3, "b", -1)], k: 7)
    #expect(abs((split?.confidence ?? 0) - 0.5) < 1e-9)
  }

  @Test func aCatalogOfOneTrackOrWithoutTagsInfersNothing() throws {
    let one = try CatalogStore.inMemory()
    try one.save(
      CatalogTrack(
        title: "solo", path: "/s.wav", sourceKey: "/s.wav",
        features: styledFeatures(tempo: 90, lufs: -14, centroid: 1500, mfcc: 5, onsets: 2)))
    let r1 = try one.refreshStyles()
    #expect(r1.inferred == 0 && r1.uninferred == 1)
    #expect(try one.tracks()[0].inferredStyle == nil)
    let (untagged, _) = try clusteredCatalog(tagged: 0, untagged: 3)
    let r2 = try untagged.refreshStyles()
    #expect(r2.tagged == 0 && r2.inferred == 0 && r2.uninferred == 6)
    // Tagged tracks of one style infer nothing: every guess would be that style, whatever the track.
    for i in 0..<3 {
      let tagged = try one.save(
        CatalogTrack(
          title: "jazz \(i)", path: "/j\(i).wav", sourceKey: "/j\(i).wav", style: "jazz",
          features: styledFeatures(
            tempo: 120 + Double(i), lufs: -10, centroid: 2500, mfcc: 9, onsets: 4)))
      #expect(tagged.style == "jazz")
    }
    let r3 = try one.refreshStyles()
    #expect(r3.inferred == 0 && r3.uninferred == 1 && r3.inferableStyles == 1)
    // Three tracks of a second style make two styles to choose between.
    for i in 0..<3 {
      try one.save(
        CatalogTrack(
          title: "metal \(i)", path: "/m\(i).wav", sourceKey: "/m\(i).wav", style: "metal",
          features: styledFeatures(
            tempo: 180 + Double(i), lufs: -6, centroid: 4500, mfcc: 30, onsets: 9)))
    }
    let r4 = try one.refreshStyles()
    #expect(r4.inferred == 1 && r4.inferableStyles == 2)
  }

  @Test func tracksSharingNoDescriptorWithATaggedOneStayUninferred() {
    var timbreOnly = [Bool](repeating: false, count: StyleDescriptors.groups.count)
    timbreOnly[3] = true
    var energyOnly = [Bool](repeating: false, count: StyleDescriptors.groups.count)
    energyOnly[1] = true
    let zeros = [Double](repeating: 0, count: StyleDescriptors.dimension)
    let guesses = StyleInference.infer([
      .init(id: 1, style: nil, descriptors: .init(values: zeros, known: timbreOnly)),
      .init(id: 2, style: "rock", descriptors: .init(values: zeros, known: energyOnly)),
    ])
    #expect(guesses.isEmpty)
  }

  @Test func leaveOneOutBeatsTheMajorityOnClearClusters() {
    var samples: [StyleInference.Sample] = []
    for i in 0..<30 {
      let style = i < 20 ? "a" : "b"
      var values = [Double](repeating: 0, count: StyleDescriptors.dimension)
      values[2] = (style == "a" ? 0 : 5) + Double(i % 4) * 0.1
      var known = [Bool](repeating: false, count: StyleDescriptors.groups.count)
      known[1] = true
      samples.append(
        .init(id: Int64(i), style: style, descriptors: .init(values: values, known: known)))
    }
    let e = StyleInference.leaveOneOut(samples)
    #expect(e.count == 30 && e.styles == 2)
    #expect(abs(e.majorityBaseline - 2.0 / 3) < 1e-9 && e.majorityStyle == "a")
    #expect(e.accuracy == 1)
  }
}

/// `catalog stats`'s style summary: counts, and leave-one-out over the known tracks, sampled evenly (in
/// SQL, before features are decoded) when there are more than the limit.
@Suite struct StyleStatsTests {
  @Test func countsAndLeaveOneOutOverAnEvenSample() throws {
    let (store, _) = try clusteredCatalog(tagged: 9, untagged: 2)
    try store.refreshStyles()
    let all = try store.styleStats()
    #expect(all.known == ["ambient": 9, "edm": 9])
    #expect(all.inferred == ["ambient": 2, "edm": 2] && all.unstyled == 0)
    #expect(all.inference?.count == 18 && all.inference?.accuracy == 1)
    #expect(all.inference?.majorityBaseline == 0.5)
    // 18 known, at most 6: every third of them by id (ambient and edm alternate), 3 of each style.
    let sampled = try store.styleStats(evaluationLimit: 6)
    #expect(sampled.inference?.count == 6)
    #expect(sampled.inference?.majorityBaseline == 0.5)
    #expect(sampled.known == all.known)
  }

  @Test func oneStyleIsCountedButNotEvaluated() throws {
    let store = try CatalogStore.inMemory()
    for i in 0..<4 {
      try store.save(
        CatalogTrack(
          title: "t\(i)", path: "/m/\(i).wav", sourceKey: "/m/\(i).wav", style: "rock",
          features: styledFeatures(tempo: 120, lufs: -10, centroid: 2000, mfcc: 1, onsets: 3)))
    }
    let stats = try store.styleStats()
    #expect(stats.known == ["rock": 4] && stats.inference == nil)
  }
}

/// The mood map colours a track by its inferred style when it has no known one.
@Suite struct MoodPointStyleTests {
  @Test func untaggedTracksCarryTheirInferredStyle() throws {
    let (store, ids) = try clusteredCatalog(tagged: 4, untagged: 1)
    try store.refreshStyles()
    let (points, total) = try store.moodPoints(limit: 100)
    #expect(total == 10)
    let byID = Dictionary(uniqueKeysWithValues: points.map { ($0.id, $0.style) })
    #expect(byID[ids["ambient-4"]!] == "ambient" && byID[ids["edm-4"]!] == "edm")
    #expect(byID[ids["ambient-0"]!] == "ambient")
  }
}

import Analysis
import Catalog
import Foundation
import Testing
import Theory

@testable import Recommend

/// Features as an audio analysis would give them, with the values a test cares about.
func referenceFeatures(
  valence: Double = 0, arousal: Double = 0, tempo: Double? = 100, key: String? = "Am",
  lufs: Double? = -14,
  centroid: Double = 1500, mfcc: [Double] = Array(repeating: 0, count: 13)
) -> Features {
  var summary = ["spectral_centroid_hz_mean": centroid]
  for (i, m) in mfcc.enumerated() { summary["mfcc_\(i)_mean"] = m }
  return Features(
    source: .audio, durationSeconds: 120, tempoBPM: tempo, tempoConfidence: 0.9,
    key: key.flatMap { Key(parsing: $0) },
    keyStrength: 0.8, loudnessLUFS: lufs, loudnessRangeLU: 5, valence: valence, arousal: arousal,
    summary: summary)
}

func storeWith(_ tracks: [(String, Features)], styles: [String: String] = [:]) throws
  -> CatalogStore
{
  let store = try CatalogStore.inMemory()
  for (title, features) in tracks {
    try store.save(
      CatalogTrack(
        title: title, path: "/music/\(title).wav", sourceKey: "/music/\(title).wav",
        style: styles[title], features: features))
  }
  return store
}

@Suite struct ReferencesTests {
  @Test func topKEqualsAnExactDoublePrecisionSearch() throws {
    var rng = SeededGenerator(seed: 42)
    let n = 8_003  // not a multiple of the 8-row block
    var values: [Float] = []
    var known: [UInt8] = []
    for i in 0..<n {
      for _ in 0..<TrackVector.dimension { values.append(Float(rng.nextUnit() * 2 - 1)) }
      // Every 7th row lacks timbre, like an imported table row.
      known.append(
        i % 7 == 0 ? FeatureGroup.allKnown & ~FeatureGroup.timbre.bit : FeatureGroup.allKnown)
    }
    let index = ReferenceIndex(
      CatalogVectors(ids: (0..<Int64(n)).map { $0 + 1 }, values: values, known: known))
    for q in 0..<5 {
      let query = (0..<TrackVector.dimension).map { _ in Float(rng.nextUnit() * 2 - 1) }
      var weights = ReferenceWeights()
      weights.key = Double(q)
      let metric = ReferenceMetric(
        query: query, queryKnown: FeatureGroup.allKnown, weights: weights)
      let hits = index.nearest(to: query, metric: metric, k: 10)
      let exact = (0..<n).map { r in
        (r, metric.distance(query, row: Array(values[r * 24..<(r + 1) * 24]), known: known[r]))
      }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(10)
      #expect(hits.map(\.row) == exact.map(\.0))
    }
  }

  @Test func resultsCarryReasons() throws {
    let draft = referenceFeatures(valence: 0.3, tempo: 100, key: "Am", centroid: 1500)
    let store = try storeWith([
      ("Twin", referenceFeatures(valence: 0.05, tempo: 98, key: "Am", centroid: 1550)),
      (
        "Far", referenceFeatures(valence: -0.8, arousal: 0.9, tempo: 143, key: "Eb", centroid: 5000)
      ),
    ])
    let results = try ReferenceFinder(store: store).references(for: draft)
    #expect(results.map(\.title) == ["Twin", "Far"])
    #expect(
      results[0].reason
        == "same key, 2 BPM slower, similar brightness, similar timbre, a bit darker")
    #expect(results[1].reason.contains("key Eb"))
    // Brighter in sound and darker in mood: the line keeps the two apart.
    #expect(results[1].reason.contains("much brighter tone"), "\(results[1].reason)")
    #expect(results[1].reason.contains(", darker"), "\(results[1].reason)")
    #expect(results[0].similarity > results[1].similarity)
  }

  @Test func halfAndDoubleTimeCountAsClose() throws {
    let draft = referenceFeatures(tempo: 85)
    let store = try storeWith([
      ("DoubleTime", referenceFeatures(tempo: 170)),
      ("Slightly faster", referenceFeatures(tempo: 105)),
    ])
    let results = try ReferenceFinder(store: store).references(for: draft)
    #expect(results.first?.title == "DoubleTime")
    #expect(results.first?.reason.contains("double time (170 BPM)") == true)
  }

  /// A draft whose tempo was heard with a weak pulse is matched and described without it: the track at
  /// its (doubtful) tempo no longer wins on tempo alone, and no reason quotes BPM.
  @Test func aWeakPulseDraftIsMatchedWithoutItsTempo() throws {
    var draft = referenceFeatures(tempo: 109, centroid: 1500)
    let store = try storeWith([
      ("Same tempo, far sound", referenceFeatures(tempo: 109, centroid: 2600)),
      ("Other tempo, same sound", referenceFeatures(tempo: 140, centroid: 1500)),
    ])
    let steady = try ReferenceFinder(store: store).references(for: draft)
    #expect(steady.first?.title == "Same tempo, far sound")
    draft.tempoConfidence = 0.05
    let weak = try ReferenceFinder(store: store).references(for: draft)
    #expect(weak.first?.title == "Other tempo, same sound")
    #expect(weak.allSatisfy { !$0.reason.contains("BPM") }, "\(weak.map(\.reason))")
  }

  /// A track heard without a steady beat (rubato, no drums) is said to have none, rather than the tempo
  /// being left out of the line, which reads as if it matched.
  @Test func aTrackWithoutASteadyBeatIsSaidToHaveNone() throws {
    var rubato = referenceFeatures(tempo: 80)
    rubato.tempoConfidence = 0.05
    let store = try storeWith([("Steady", referenceFeatures(tempo: 120)), ("Rubato", rubato)])
    let found = try ReferenceFinder(store: store).references(for: referenceFeatures(tempo: 78))
    let reasons = Dictionary(uniqueKeysWithValues: found.map { ($0.title, $0.reason) })
    #expect(reasons["Rubato"]?.contains("no steady beat") == true, "\(reasons)")
    #expect(reasons["Rubato"]?.contains("BPM") == false, "\(reasons)")
    #expect(reasons["Steady"]?.contains("42 BPM faster") == true, "\(reasons)")
  }

  /// 160 BPM against a 77 BPM draft is double time and a little faster, not "83 BPM faster".
  @Test func nearDoubleTimeIsSaidAsDoubleTime() {
    #expect(ReferenceReason.tempoPhrase(77, 160) == "double time, 6 BPM faster (160 BPM)")
    #expect(ReferenceReason.tempoPhrase(120, 57) == "half time, 3 BPM slower (57 BPM)")
    #expect(ReferenceReason.tempoPhrase(100, 140) == "40 BPM faster")
  }

  @Test func relativeAndNeighbouringKeysBeatDistantOnes() throws {
    let draft = referenceFeatures(key: "C")
    let store = try storeWith([
      ("Tritone", referenceFeatures(key: "F#")), ("Relative", referenceFeatures(key: "Am")),
      ("Neighbour", referenceFeatures(key: "G")),
    ])
    let results = try ReferenceFinder(store: store).references(for: draft)
    #expect(Set(results.prefix(2).map(\.title)) == ["Relative", "Neighbour"])
    #expect(
      results.first { $0.title == "Relative" }?.reason.hasPrefix("relative minor (Am)") == true)
    #expect(
      results.first { $0.title == "Neighbour" }?.reason.hasPrefix("neighbouring key (G)") == true)
  }

  @Test func moodPullMovesAMatchingTrackUp() throws {
    let draft = referenceFeatures(valence: 0.6, arousal: 0.5)
    let store = try storeWith([
      ("Happy", referenceFeatures(valence: 0.6, arousal: 0.5)),
      ("Sad", referenceFeatures(valence: -0.7, arousal: -0.6)),
    ])
    let finder = try ReferenceFinder(store: store)
    #expect(try finder.references(for: draft).first?.title == "Happy")
    var options = ReferenceOptions()
    options.targetMood = (-0.8, -0.7)
    #expect(try finder.references(for: draft, options: options).first?.title == "Sad")
  }

  @Test func diverseReRankingSpreadsTheList() throws {
    let draft = referenceFeatures(valence: 0, tempo: 100)
    var tracks: [(String, Features)] = (0..<6).map {
      ("Copy\($0)", referenceFeatures(valence: 0.01 * Double($0), tempo: 100))
    }
    tracks.append(("Other", referenceFeatures(valence: 0.35, tempo: 112, key: "C")))
    let finder = try ReferenceFinder(store: try storeWith(tracks))
    var options = ReferenceOptions()
    options.k = 3
    #expect(try !finder.references(for: draft, options: options).map(\.title).contains("Other"))
    options.diverse = true
    options.diversityLambda = 0.4
    let diverse = try finder.references(for: draft, options: options).map(\.title)
    #expect(diverse.first == "Copy0")
    #expect(diverse.contains("Other"))
  }

  @Test func styleAndTempoFiltersKeepOnlyMatchingTracks() throws {
    let store = try storeWith(
      [
        ("A", referenceFeatures(tempo: 90)), ("B", referenceFeatures(tempo: 180)),
        ("C", referenceFeatures(tempo: 130)),
      ],
      styles: ["A": "Lo-Fi", "B": "rock", "C": "lofi"])
    let finder = try ReferenceFinder(store: store)
    var options = ReferenceOptions()
    options.style = "lofi"
    #expect(
      Set(try finder.references(for: referenceFeatures(), options: options).map(\.title)) == [
        "A", "C",
      ])
    options.style = nil
    options.excludedPaths = ["/music/C.wav"]
    #expect(
      try finder.references(for: referenceFeatures(), options: options).map(\.title).sorted() == [
        "A", "B",
      ])
    options.excludedPaths = []
    options.tempoRange = 80...100
    // 180 BPM is 90 in half time.
    #expect(
      Set(try finder.references(for: referenceFeatures(), options: options).map(\.title)) == [
        "A", "B",
      ])
  }

  @Test func weightsParseAndRejectUnknownGroups() throws {
    let w = try ReferenceWeights(parsing: "mood=2, key=0")
    #expect(w.mood == 2 && w.key == 0 && w.tempo == 1)
    #expect(throws: RecommendError.self) { try ReferenceWeights(parsing: "colour=1") }
    #expect(throws: RecommendError.self) { try ReferenceWeights(parsing: "tempo=-1") }
  }

  @Test func anEmptyCatalogGivesNoReferences() throws {
    #expect(try references(for: referenceFeatures(), in: try CatalogStore.inMemory()).isEmpty)
  }
}

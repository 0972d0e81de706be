import Analysis
import Foundation
import GRDB
import Testing
import Theory

@testable import Catalog

@Suite struct TrackVectorTests {
  func distance(_ a: [Float], _ b: [Float], _ dims: Range<Int>) -> Float {
    dims.reduce(0) { $0 + ($1 < a.count ? (a[$1] - b[$1]) * (a[$1] - b[$1]) : 0) }
  }

  @Test func halfAndDoubleTimeShareATempoPoint() {
    let v100 = TrackVector.make(from: sampleFeatures(tempo: 100)).values
    let v200 = TrackVector.make(from: sampleFeatures(tempo: 200)).values
    let v120 = TrackVector.make(from: sampleFeatures(tempo: 120)).values
    #expect(distance(v100, v200, FeatureGroup.tempo.dimensions) < 1e-6)
    #expect(distance(v100, v120, FeatureGroup.tempo.dimensions) > 1)
  }

  @Test func relatedKeysAreCloserThanDistantOnesInMIREXOrder() {
    func v(_ key: String) -> [Float] {
      TrackVector.make(from: sampleFeatures(key: Key(parsing: key)!)).values
    }
    let keyDims = FeatureGroup.key.dimensions
    let c = v("C")
    let fifth = distance(c, v("G"), keyDims)
    let relative = distance(c, v("Am"), keyDims)
    let parallel = distance(c, v("Cm"), keyDims)
    let tritone = distance(c, v("F#"), keyDims)
    #expect(distance(c, v("C"), keyDims) == 0)
    #expect(fifth < relative)
    #expect(abs(relative - parallel) < 1e-5)
    #expect(relative < 1.5 && tritone > 3.9)
    #expect(
      TrackVector.camelotStep(of: Key(parsing: "Em")!)
        == TrackVector.camelotStep(of: Key(parsing: "G")!))
  }

  @Test func unknownGroupsAreMaskedNotGuessed() {
    let noKey = TrackVector.make(from: sampleFeatures(tempo: nil, key: nil))
    #expect(noKey.known & FeatureGroup.key.bit == 0)
    #expect(noKey.known & FeatureGroup.tempo.bit == 0)
    #expect(noKey.known & FeatureGroup.brightness.bit != 0)
    #expect(noKey.known & FeatureGroup.timbre.bit == 0)
    let blob = TrackVector.blob(noKey.values)
    #expect(TrackVector.values(fromBlob: blob) == noKey.values)
  }

  @Test func aTempoHeardWithAWeakPulseIsMaskedAndItsMIDICounterpartIsNot() {
    var weak = sampleFeatures(tempo: 109)
    weak.tempoConfidence = 0.05
    #expect(weak.hasWeakPulse)
    let masked = TrackVector.make(from: weak)
    #expect(masked.known & FeatureGroup.tempo.bit == 0)
    #expect(masked.values[2] == 0 && masked.values[3] == 0)
    #expect(masked.known & FeatureGroup.key.bit != 0)
    var steady = weak
    steady.tempoConfidence = Features.weakPulseConfidence
    #expect(TrackVector.make(from: steady).known & FeatureGroup.tempo.bit != 0)
    var score = weak
    score.source = .midi
    #expect(TrackVector.make(from: score).known & FeatureGroup.tempo.bit != 0)
  }

  /// A catalog saved before weak-pulse tempi were masked loses the tempo bit on exactly those rows.
  @Test func theMigrationMasksTheWeakPulseTempoOfOlderRows() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.sqlite").path
    do {
      let queue = try DatabaseQueue(path: path)
      try CatalogSchema.migrator.migrate(queue, upTo: "addTrackInferredStyle")
      try queue.write { db in
        for (name, confidence) in [("weak", 0.05), ("steady", 0.8)] {
          var features = sampleFeatures(tempo: 109)
          features.tempoConfidence = confidence
          var t = CatalogTrack(
            title: name, path: "/\(name).wav", sourceKey: "/\(name).wav", features: features)
          t.knownGroups = Int(FeatureGroup.allKnown)  // as the previous release saved every row
          try insertOlderRow(t, into: db)
        }
      }
    }
    let store = try CatalogStore(path: path)
    let known = try store.databaseWriter.read { db in
      try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT title, knownGroups FROM track").map {
          (row: Row) -> (String, Int) in (row["title"], row["knownGroups"])
        })
    }
    #expect(known["weak"].map { $0 & Int(FeatureGroup.tempo.bit) } == 0)
    #expect(known["steady"] == Int(FeatureGroup.allKnown))
    #expect(known["weak"] == Int(FeatureGroup.allKnown & ~FeatureGroup.tempo.bit))
  }
}

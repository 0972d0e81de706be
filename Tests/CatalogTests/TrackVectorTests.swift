import Analysis
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

  @Test func relativeAndNeighbouringKeysAreCloserThanDistantOnes() {
    func v(_ key: Key) -> [Float] { TrackVector.make(from: sampleFeatures(key: key)).values }
    let keyDims = FeatureGroup.key.dimensions
    let c = v(Key(parsing: "C")!)
    let relative = distance(c, v(Key(parsing: "Am")!), keyDims)
    let neighbour = distance(c, v(Key(parsing: "G")!), keyDims)
    let tritone = distance(c, v(Key(parsing: "F#")!), keyDims)
    #expect(distance(c, v(Key(parsing: "C")!), keyDims) == 0)
    #expect(relative < 0.3 && neighbour < 0.3)
    #expect(tritone > 3.9)
    #expect(TrackVector.camelotStep(of: Key(parsing: "Em")!) == TrackVector.camelotStep(of: Key(parsing: "G")!))
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
}

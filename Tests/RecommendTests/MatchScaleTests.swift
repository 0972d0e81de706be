import Analysis
import Catalog
import Foundation
import Testing

@testable import Recommend

/// The 0–100 match score: calibrated on the catalog's own nearest-neighbour distances.
@Suite struct MatchScaleTests {
  @Test func scoresRankADistanceAmongTheCatalogsOwnPairs() throws {
    let scale = MatchScale(neighbourDistances: [0.4, 0.1, 0.2, 0.3, 0.5])
    #expect(scale.score(0) == 100)
    #expect(scale.score(0.1) == 100, "as close as the closest pair")
    #expect(scale.score(0.3) == 50, "the median pair")
    #expect(scale.score(0.35) == 38)
    #expect(scale.score(0.5) == 0)
    #expect(scale.score(9) == 0)
    let scores = stride(from: 0.0, through: 0.6, by: 0.01).compactMap { scale.score($0) }
    #expect(scores == scores.sorted(by: >), "farther never scores higher")
    #expect(MatchScale(neighbourDistances: []).score(0.2) == nil)
  }

  @Test func aTrackFindsItselfAtOneHundredAndAStrangerIsNoCloseMatch() throws {
    let tracks = (0..<12).map { i -> (String, Features) in
      let v = Double(i % 4) / 2 - 0.75
      let a = Double(i / 4) / 1.5 - 0.6
      return (
        "t\(i)",
        referenceFeatures(
          valence: v, arousal: a, tempo: 80 + Double(i) * 4, key: i % 2 == 0 ? "Am" : "C",
          centroid: 1200 + Double(i) * 60)
      )
    }
    let store = try storeWith(tracks)
    let finder = try ReferenceFinder(store: store)
    let same = try finder.references(for: tracks[5].1)
    #expect(same.first?.title == "t5")
    #expect(same.first?.matchScore == 100)
    #expect(same.first?.isCloseMatch == true)
    let scores = same.compactMap(\.matchScore)
    #expect(scores == scores.sorted(by: >))
    // Far from every track: brighter, louder, faster and in another key than anything in the catalog.
    let stranger = referenceFeatures(
      valence: 1, arousal: 1, tempo: 200, key: "F#", lufs: -4, centroid: 6000,
      mfcc: Array(repeating: 40, count: 13))
    let far = try finder.references(for: stranger)
    #expect(far.first.map { $0.matchScore ?? 100 } ?? 100 < MatchScale.closeMatch)
    #expect(far.first?.isCloseMatch == false)
  }
}

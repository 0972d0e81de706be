import Analysis
import Catalog
import Foundation
import GRDB
import Testing

@testable import Recommend

/// The style term of reference similarity: same style closer, weighted by how sure the catalog is.
@Suite struct ReferenceStyleTermTests {
  /// Four tracks identical in sound; only their styles differ.
  func catalog() throws -> CatalogStore {
    let same = referenceFeatures()
    let store = try storeWith(
      [("known-jazz", same), ("inferred-jazz", same), ("no-style", same), ("known-rock", same)],
      styles: ["known-jazz": "jazz", "known-rock": "rock"])
    try store.databaseWriter.write { db in
      try db.execute(
        sql:
          "UPDATE track SET inferredStyle = 'jazz', styleConfidence = 0.6 WHERE title = 'inferred-jazz'"
      )
    }
    return store
  }

  @Test func aDraftsStyleRanksKnownThenInferredThenUnknownThenOther() throws {
    let finder = try ReferenceFinder(store: try catalog())
    var options = ReferenceOptions()
    options.draftStyle = "Jazz"
    let found = try finder.references(for: referenceFeatures(), options: options)
    #expect(found.map(\.title) == ["known-jazz", "inferred-jazz", "no-style", "known-rock"])
    let style = found.map { $0.contributions["style"] ?? -1 }
    // 0 for a known match, 1 − (½ + ½·0.6) = 0.2 for the inferred one, ½ unknown, 1 for another style.
    #expect(zip(style, [0, 0.2, 0.5, 1]).allSatisfy { abs($0 - $1) < 1e-6 })
    #expect(found[1].styleInferred == true && found[1].styleConfidence == 0.6)
    #expect(found[0].styleInferred == false && found[0].styleConfidence == nil)
    // An unknown style scores as it would without the term; a known match better.
    options.draftStyle = nil
    let plain = try finder.references(for: referenceFeatures(), options: options)
    #expect(found[2].matchScore == plain[0].matchScore)
    #expect(found[0].similarity >= plain[0].similarity)
    #expect(plain.allSatisfy { $0.contributions["style"] == nil })
  }

  @Test func theStyleFilterKeepsInferredTracksAndWeightZeroDropsTheTerm() throws {
    let finder = try ReferenceFinder(store: try catalog())
    var options = ReferenceOptions()
    options.style = "jazz"
    let found = try finder.references(for: referenceFeatures(), options: options)
    #expect(found.map(\.title) == ["known-jazz", "inferred-jazz"])
    options.weights = try ReferenceWeights(parsing: "style=0")
    let unweighted = try finder.references(for: referenceFeatures(), options: options)
    #expect(Set(unweighted.map(\.title)) == ["known-jazz", "inferred-jazz"])
    #expect(unweighted.allSatisfy { $0.contributions["style"] == nil })
  }

  @Test func aCatalogWithoutStylesIsRankedAsBefore() throws {
    let store = try storeWith([
      ("a", referenceFeatures(tempo: 100)), ("b", referenceFeatures(tempo: 130)),
    ])
    var options = ReferenceOptions()
    options.draftStyle = "lofi"
    let found = try ReferenceFinder(store: store).references(
      for: referenceFeatures(tempo: 101), options: options)
    options.draftStyle = nil
    let plain = try ReferenceFinder(store: store).references(
      for: referenceFeatures(tempo: 101), options: options)
    #expect(found == plain)
  }
}

import Catalog
import Foundation
import Testing

@Suite struct ListeningStoreTests {
  func temporaryCatalog() throws -> CatalogStore {
    let folder = RecommendFixture.temporaryFolder("listen")
    return try CatalogStore(path: folder.appendingPathComponent("catalog.sqlite").path)
  }

  @Test func importedHistoryReadsBackWithDuplicatesSummed() throws {
    let store = ListeningStore(try temporaryCatalog())
    let summary = try store.importHistory(
      events: [
        ListeningEvent(user: "u1", item: "a", weight: 2),
        ListeningEvent(user: "u1", item: "a", weight: 3),
        ListeningEvent(user: "u2", item: "b", weight: 1, timestamp: 1_300_000_000),
      ],
      items: [ListeningItem(id: "a", name: "Artist A")],
      tags: [ListeningItemTag(item: "a", tag: "melancholic", count: 4)])
    #expect(summary.users == 2 && summary.events == 3)
    let events = try store.events()
    #expect(
      events == [
        ListeningEvent(user: "u1", item: "a", weight: 5),
        ListeningEvent(user: "u2", item: "b", weight: 1, timestamp: 1_300_000_000),
      ])
    #expect(
      try store.items().sorted { $0.id < $1.id } == [
        ListeningItem(id: "a", name: "Artist A"), ListeningItem(id: "b", name: "b"),
      ])
    #expect(try store.tags() == [ListeningItemTag(item: "a", tag: "melancholic", count: 4)])
  }
}

import Testing

@testable import Recommend

@Suite(.enabled(if: RecommendSharedData.available, "needs ../shared/data/lastfm_hetrec2011"))
struct LastFMHetRecTests {
  @Test func loadsEveryPlayCountNameAndLatin1Tag() throws {
    let set = try LastFMHetRec.load(directory: RecommendSharedData.lastFM)
    #expect(set.events.count == 92_834)
    #expect(Set(set.events.map(\.user)).count == 1_892)
    #expect(set.items.count == 17_632)
    #expect(set.items.first { $0.id == "51" }?.name == "Duran Duran")
    #expect(set.tags.reduce(0) { $0 + $1.count } == 186_479)
    // tags.dat is Latin-1: accented tags must decode to real letters, not replacement characters.
    #expect(set.tags.contains { $0.tag == "tropicália" })
    #expect(set.tags.contains { $0.tag == "rock français" })
    #expect(!set.tags.contains { $0.tag.contains("\u{FFFD}") })
  }

  @Test func splitOfTheRealDataNeverLeaks() throws {
    let set = try LastFMHetRec.load(directory: RecommendSharedData.lastFM, includeTags: false)
    let split = try HoldOutSplit.make(events: set.events, seed: 1)
    let train = Set(split.train.map { "\($0.user)|\($0.item)" })
    #expect(split.test.allSatisfy { !train.contains("\($0.user)|\($0.item)") })
    #expect(split.train.count + split.test.count == 92_834)
  }
}

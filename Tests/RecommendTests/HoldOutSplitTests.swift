import Catalog
import Testing

@testable import Recommend

@Suite struct HoldOutSplitTests {
  /// 40 users with 3…42 items each, overlapping items, one duplicate event.
  static let events: [ListeningEvent] = {
    var e: [ListeningEvent] = []
    for u in 0..<40 {
      for i in 0..<(3 + u) {
        e.append(ListeningEvent(user: "u\(u)", item: "i\((i * 7 + u) % 60)", weight: Double(i + 1)))
      }
    }
    e.append(ListeningEvent(user: "u10", item: "i10", weight: 5))
    return e
  }()

  @Test func testItemsNeverLeakIntoTraining() throws {
    let split = try HoldOutSplit.make(events: Self.events, seed: 7)
    let train = Set(split.train.map { "\($0.user)|\($0.item)" })
    let test = split.test.map { "\($0.user)|\($0.item)" }
    #expect(!test.isEmpty)
    #expect(test.allSatisfy { !train.contains($0) })
    #expect(Set(test).count == test.count)
  }

  @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
    let a = try HoldOutSplit.make(events: Self.events, seed: 7)
    let b = try HoldOutSplit.make(events: Self.events, seed: 7)
    let c = try HoldOutSplit.make(events: Self.events, seed: 8)
    #expect(a.test == b.test && a.train == b.train)
    #expect(a.test != c.test)
  }

  @Test func smallHistoriesStayInTrainingAndOthersHoldOutAFifth() throws {
    var p = HoldOutSplit.Parameters()
    p.coldStartFraction = 0
    let split = try HoldOutSplit.make(events: Self.events, seed: 1, parameters: p)
    #expect(split.test.allSatisfy { $0.user != "u0" && $0.user != "u1" })  // 3 and 4 items
    let heldOut = split.test.filter { $0.user == "u20" }.count  // 23 items → round(4.6) = 5
    #expect(heldOut == 5)
    // Duplicates are summed before splitting: the doubled event appears once with both weights.
    let dup = (split.train + split.test).filter { $0.user == "u10" && $0.item == "i10" }
    #expect(dup.count == 1)
  }

  @Test func coldStartUsersKeepOnlyAFewTrainingItems() throws {
    var p = HoldOutSplit.Parameters()
    p.coldStartFraction = 1
    p.coldStartKeep = 3
    let split = try HoldOutSplit.make(events: Self.events, seed: 1, parameters: p)
    #expect(split.train.filter { $0.user == "u30" }.count == 3)
    #expect(split.test.filter { $0.user == "u30" }.count == 30)
  }

  @Test func badFractionsAreRejected() {
    var p = HoldOutSplit.Parameters()
    p.testFraction = 1.5
    #expect(throws: RecommendError.self) {
      try HoldOutSplit.make(events: Self.events, seed: 1, parameters: p)
    }
  }
}

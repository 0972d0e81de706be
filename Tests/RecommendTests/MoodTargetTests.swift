import Catalog
import Testing

@testable import Recommend

@Suite struct MoodTargetTests {
  /// Ten users who all play a0…a3; twenty candidate items, half tagged sad, half happy, equally popular.
  static let events: [ListeningEvent] = {
    var e: [ListeningEvent] = []
    for u in 0..<10 {
      for a in 0..<4 { e.append(ListeningEvent(user: "u\(u)", item: "a\(a)", weight: 10)) }
      for c in 0..<20 where (c + u) % 3 == 0 {
        e.append(ListeningEvent(user: "u\(u)", item: "c\(c)", weight: 5))
      }
    }
    e.append(ListeningEvent(user: "me", item: "a0", weight: 20))
    e.append(ListeningEvent(user: "me", item: "a1", weight: 20))
    return e
  }()
  static let tags: [ListeningItemTag] = (0..<20).map { c in
    ListeningItemTag(item: "c\(c)", tag: c % 2 == 0 ? "sad" : "happy", count: 3)
  }
  static let lexicon: [String: TagAffect] = [
    "sad": TagAffect(valence: -0.7, arousal: -0.4), "happy": TagAffect(valence: 0.8, arousal: 0.5),
  ]

  func meanValence(_ result: RecommendationResult) -> Double {
    let values = result.items.compactMap { r -> Double? in
      guard let c = Int(r.item.dropFirst()), r.item.hasPrefix("c") else { return nil }
      return c % 2 == 0 ? -0.7 : 0.8
    }
    return values.reduce(0, +) / Double(max(1, values.count))
  }

  func recommend(mood: MoodTarget?) throws -> RecommendationResult {
    var request = RecommendationRequest(user: "me")
    request.k = 6
    request.model = .itemknn
    request.mood = mood
    request.diversity = 1
    return try Recommendations.make(
      events: Self.events, names: [:], tags: Self.tags, lexicon: Self.lexicon, request: request)
  }

  @Test func aSadTargetMovesResultsTowardSadItems() throws {
    let plain = try recommend(mood: nil)
    let sad = try recommend(mood: MoodTarget(valence: -0.8, arousal: -0.5, prompt: "melancholic"))
    let happy = try recommend(mood: MoodTarget(valence: 0.8, arousal: 0.5, prompt: "joyful"))
    #expect(meanValence(sad) < meanValence(plain))
    #expect(meanValence(happy) > meanValence(plain))
    #expect(meanValence(sad) < -0.5)
    #expect(sad.items.contains { $0.reason.contains("tagged sad, matches your mood") })
  }

  @Test func matchIsHighestAtTheTargetAndNeutralWithoutMoodTags() {
    let target = MoodTarget(valence: -0.7, arousal: -0.4, prompt: "sad")
    let sad = ItemAffect(tags: [("sad", 1)], lexicon: Self.lexicon)
    let happy = ItemAffect(tags: [("happy", 1)], lexicon: Self.lexicon)
    #expect(target.match(sad) == 1)
    #expect(target.match(happy) < 0.5)
    #expect(target.match(nil) == 0.5)
    #expect(target.match(happy) < target.match(nil) && target.match(nil) < target.match(sad))
    #expect(target.fittingTags(of: sad!, lexicon: Self.lexicon) == ["sad"])
    #expect(target.fittingTags(of: happy!, lexicon: Self.lexicon).isEmpty)
  }

  @Test func unknownUsersGetColdStartPicksWithANote() throws {
    var request = RecommendationRequest(user: "stranger")
    request.k = 3
    let result = try Recommendations.make(
      events: Self.events, names: [:], tags: [], lexicon: [:], request: request)
    #expect(result.note?.contains("no listening history for user stranger") == true)
    #expect(result.items.count == 3)
    #expect(result.items.allSatisfy { $0.item.hasPrefix("a") })  // the most played
  }

  @Test func recommendationsExplainThemselvesAndSkipPlayedItems() throws {
    let result = try recommend(mood: nil)
    #expect(result.items.allSatisfy { $0.item != "a0" && $0.item != "a1" })
    #expect(result.items.allSatisfy { $0.reason.contains("because you play") })
  }

  @Test func kZeroIsAUsageError() {
    var request = RecommendationRequest(user: "me")
    request.k = 0
    #expect(throws: RecommendError.self) {
      try Recommendations.make(
        events: Self.events, names: [:], tags: [], lexicon: [:], request: request)
    }
  }
}

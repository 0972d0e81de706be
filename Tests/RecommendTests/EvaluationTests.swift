import Catalog
import Testing
import Theory

@testable import Recommend

@Suite struct EvaluationTests {
  /// Two taste groups of 30 users over 20 artists each; every user plays a seeded ~60% of their group.
  static let events: [ListeningEvent] = {
    var rng = SeededGenerator(seed: 11)
    var e: [ListeningEvent] = []
    for u in 0..<60 {
      let group = u < 30 ? "a" : "b"
      for i in 0..<20 where rng.nextUnit() < 0.6 {
        e.append(
          ListeningEvent(
            user: "u\(u)", item: "\(group)\(i)", weight: Double(1 + rng.int(in: 0...50))))
      }
    }
    return e
  }()

  func run() throws -> (Evaluation.Ground, Evaluation.Report, Evaluation.Lists) {
    let split = try HoldOutSplit.make(events: Self.events, seed: 2)
    let ground = Evaluation.Ground(train: split.train, test: split.test)
    var settings = ModelSettings()
    settings.als.factors = 4
    settings.threads = 2
    let (report, lists) = try Evaluation.run(
      ground: ground, models: [.pop, .itemknn, .als], k: 5, settings: settings)
    return (ground, report, lists)
  }

  @Test func listsNeverHoldTrainingItemsAndCFBeatsPopularity() throws {
    let (ground, report, lists) = try run()
    for (_, byUser) in lists {
      for (user, items) in byUser {
        let u = ground.data.users.index(of: user)!
        #expect(
          items.allSatisfy {
            !ground.data.matrix.contains(row: u, column: ground.data.items.index(of: $0)!)
          })
      }
    }
    let ndcg = Dictionary(uniqueKeysWithValues: report.models.map { ($0.model, $0.all.ndcg) })
    #expect(ndcg["als"]! > ndcg["pop"]! && ndcg["itemknn"]! > ndcg["pop"]!, "\(ndcg)")
  }

  @Test func externalListsScoreExactlyLikeOurOwn() throws {
    let (ground, report, lists) = try run()
    let external = try Evaluation.score(ground: ground, external: lists, k: 5)
    for (ours, theirs) in zip(report.models, external.models) {
      #expect(
        ours.all == theirs.all && ours.fewEvents == theirs.fewEvents
          && ours.coverage == theirs.coverage)
    }
  }

  @Test func kMustBePositive() throws {
    let split = try HoldOutSplit.make(events: Self.events, seed: 2)
    let ground = Evaluation.Ground(train: split.train, test: split.test)
    #expect(
      throws: RecommendError.invalidParameter(
        name: "--k", value: "0", allowed: "use a list length of at least 1")
    ) {
      try Evaluation.run(ground: ground, models: [.pop], k: 0, settings: ModelSettings())
    }
  }
}

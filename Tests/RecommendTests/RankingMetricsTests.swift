import Testing

@testable import Recommend

@Suite struct RankingMetricsTests {
  // List [a, x, b, y] against relevant {a, b, c}: hits at ranks 1 and 3.
  let m = RankingMetrics.user(list: [0, 10, 1, 11], relevant: [0, 1, 2], k: 4)

  @Test func precisionRecallAndF1MatchHandComputedValues() {
    #expect(abs(m.precision - 0.5) < 1e-12)
    #expect(abs(m.recall - 2.0 / 3.0) < 1e-12)
    #expect(abs(m.f1 - 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0)) < 1e-12)
    #expect(m.hitRate == 1)
  }

  @Test func ndcgMatchesHandComputedValue() {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG (3 relevant, k = 4) = 1 + 1/log2(3) + 1/log2(4) = 2.1309…
    let ideal = 1 + 1 / 1.584962500721156 + 0.5
    #expect(abs(m.ndcg - 1.5 / ideal) < 1e-12)
    #expect(abs(m.ndcg - 0.70393) < 1e-4)
  }

  @Test func mapMatchesHandComputedValue() {
    // AP = (1/1 + 2/3) / min(k, |R|) = (5/3) / 3
    #expect(abs(m.map - 5.0 / 9.0) < 1e-12)
  }

  @Test func missesScoreZeroAndPerfectListsScoreOne() {
    let miss = RankingMetrics.user(list: [5, 6], relevant: [1], k: 2)
    #expect(miss.ndcg == 0 && miss.precision == 0 && miss.f1 == 0 && miss.hitRate == 0)
    let perfect = RankingMetrics.user(list: [1, 2], relevant: [1, 2], k: 2)
    #expect(perfect.ndcg == 1 && perfect.map == 1 && perfect.precision == 1 && perfect.recall == 1)
  }

  @Test func meanAveragesUsersAndCoverageCountsDistinctItems() {
    let mean = RankingMetrics.mean([
      RankingMetrics.user(list: [1], relevant: [1], k: 1),
      RankingMetrics.user(list: [2], relevant: [1], k: 1),
    ])
    #expect(mean.precision == 0.5 && mean.users == 2)
    #expect(RankingMetrics.coverage([[0, 1], [1, 2]], catalogSize: 10) == 0.3)
  }
}

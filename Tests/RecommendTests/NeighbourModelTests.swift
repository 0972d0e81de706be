import Testing

@testable import Recommend

@Suite struct NeighbourModelTests {
  /// Users × items, plays chosen so log(1 + plays) = 1 or 2 exactly is not needed: tests compare orderings and
  /// hand-computed cosines of the log weights.
  static let plays = SparseMatrix(
    rows: 4, columns: 4,
    entries: [
      (0, 0, 3), (0, 1, 3),  // u0: a, b
      (1, 0, 3), (1, 1, 3), (1, 2, 3),  // u1: a, b, c
      (2, 2, 3), (2, 3, 3),  // u2: c, d
      (3, 0, 3),  // u3: a
    ])

  @Test func userCosineNeighboursMatchHandComputedSimilarities() {
    let model = UserKNNModel(training: Self.plays, similarity: .cosine, neighbours: 10)
    let n = model.neighbourhood(ofUser: 0)
    // Equal weights w: cos(u0, u1) = 2w² / (√2w · √3w) = 2/√6; cos(u0, u3) = w² / (√2w · w) = 1/√2; u2 shares nothing.
    #expect(n.map(\.user) == [1, 3])
    #expect(abs(Double(n[0].similarity) - 2 / 6.0.squareRoot()) < 1e-6)
    #expect(abs(Double(n[1].similarity) - 1 / 2.0.squareRoot()) < 1e-6)
  }

  @Test func userKNNRecommendsWhatTheNeighbourPlays() {
    let model = UserKNNModel(training: Self.plays, similarity: .cosine, neighbours: 1)
    let top = TopK.select(model.scores(forUser: 0), k: 1, excludingRow: 0, of: Self.plays)
    #expect(top == [2])  // u1 is the nearest and also plays c
  }

  @Test func pearsonNeedsTwoSharedItemsAndVariation() {
    let varied = SparseMatrix(
      rows: 3, columns: 3,
      entries: [(0, 0, 1), (0, 1, 50), (1, 0, 2), (1, 1, 90), (1, 2, 5), (2, 0, 60), (2, 1, 1)])
    let model = UserKNNModel(training: varied, similarity: .pearson, neighbours: 5)
    // u1 likes b far more than a, as u0 does: positive correlation; u2 the reverse: excluded.
    #expect(model.neighbourhood(ofUser: 0).map(\.user) == [1])
  }

  @Test func itemCosineNeighboursMatchHandComputedSimilarities() {
    let model = ItemKNNModel(training: Self.plays, neighbours: 10, threads: 1)
    // Item columns: a = {u0, u1, u3}, b = {u0, u1}: cos = 2/√6; c = {u1, u2}: cos(a, c) = 1/√6.
    let row = model.similarities.range(ofRow: 0)
    let neighbours = row.map { Int(model.similarities.columnIndex[$0]) }
    #expect(neighbours == [1, 2])
    #expect(abs(model.similarities.values[row.lowerBound] - Float(2 / 6.0.squareRoot())) < 1e-6)
    #expect(abs(model.similarities.values[row.lowerBound + 1] - Float(1 / 6.0.squareRoot())) < 1e-6)
  }

  @Test func trainingItemsAreNeverRecommended() {
    let model = PopularityModel(training: Self.plays)
    let top = TopK.select(model.scores(forUser: 1), k: 4, excludingRow: 1, of: Self.plays)
    #expect(top == [3])
  }
}

import Testing
import Theory

@testable import Recommend

@Suite struct ALSModelTests {
  /// Two taste groups: users 0..<20 play items 0..<15, users 20..<40 play items 15..<30, each user a seeded
  /// random 60% of their group's items: a rank-2 structure with noise.
  static let planted: SparseMatrix = {
    var rng = SeededGenerator(seed: 3)
    var entries: [(row: Int, column: Int, value: Float)] = []
    for u in 0..<40 {
      let base = u < 20 ? 0 : 15
      for i in base..<(base + 15) where rng.nextUnit() < 0.6 {
        entries.append((u, i, Float(1 + rng.int(in: 0...20))))
      }
    }
    return SparseMatrix(rows: 40, columns: 30, entries: entries)
  }()

  static var parameters: ALSModel.Parameters {
    var p = ALSModel.Parameters()
    p.factors = 4
    p.iterations = 1
    p.threads = 2
    return p
  }

  @Test func lossDecreasesWithEverySweep() {
    var losses: [Double] = []
    for iterations in [1, 2, 4, 8] {
      var p = Self.parameters
      p.iterations = iterations
      losses.append(ALSModel(training: Self.planted, parameters: p).loss(on: Self.planted))
    }
    #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 > $1 }, "losses \(losses)")
  }

  @Test func recoversThePlantedGroups() {
    var p = Self.parameters
    // As many factors as the planted rank: the model must find exactly the two groups.
    p.factors = 2
    p.iterations = 15
    p.regularization = 0.1
    let model = ALSModel(training: Self.planted, parameters: p)
    for u in 0..<40 {
      let own = u < 20 ? 0..<15 : 15..<30
      // Ask for no more than the user's unplayed items of their own group.
      let unplayed = own.filter { !Self.planted.contains(row: u, column: $0) }.count
      let top = TopK.select(
        model.scores(forUser: u), k: min(3, unplayed), excludingRow: u, of: Self.planted)
      #expect(top.allSatisfy { own.contains($0) }, "user \(u) got \(top)")
    }
  }

  @Test func sameSeedSameFactorsWhateverTheThreads() {
    var one = Self.parameters
    one.iterations = 3
    one.threads = 1
    var two = one
    two.threads = 2
    #expect(
      ALSModel(training: Self.planted, parameters: one).userFactors
        == ALSModel(training: Self.planted, parameters: two).userFactors)
  }

  @Test func bprAlsoSeparatesThePlantedGroups() {
    var p = BPRModel.Parameters()
    p.factors = 4
    p.iterations = 200
    let model = BPRModel(training: Self.planted, parameters: p)
    var own = 0
    for u in 0..<40 {
      let top = TopK.select(model.scores(forUser: u), k: 3, excludingRow: u, of: Self.planted)
      own += top.filter { (u < 20 ? 0..<15 : 15..<30).contains($0) }.count
    }
    #expect(own >= 108, "\(own) of 120 recommendations from the user's own group")
  }
}

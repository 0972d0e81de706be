import Catalog

/// Tunes the hybrid's weights on a validation split carved out of the training events, never the test set.
///
/// The training events are split again with ``HoldOutSplit`` (seed `seed`), the parts are trained on the inner
/// training side, and every weight combination on a small grid (user-kNN 0…0.6, content 0…0.4, popularity
/// 0…0.1) is scored by NDCG@k on the validation side, separately for users with few events and the rest.
public enum HybridTuner {
  /// The tuned weights and the validation NDCG each group reached.
  public struct Result: Sendable, Codable {
    public var weights: HybridModel.Weights
    public var fewValidationNDCG: Double
    public var manyValidationNDCG: Double
  }

  public static func tune(
    train: [ListeningEvent], tags: [ListeningItemTag], lexicon: [String: TagAffect],
    settings: ModelSettings,
    k: Int = 10, seed: UInt64 = 0x7EED, progress: (String) -> Void = { _ in }
  ) throws -> Result {
    let inner = try HoldOutSplit.make(events: train, seed: seed)
    let ground = Evaluation.Ground(train: inner.train, test: inner.test)
    let content = ItemContent(items: ground.data.items, tags: tags, lexicon: lexicon)
    var trainer = ModelTrainer(training: ground.data.matrix, settings: settings, content: content)
    progress("tuning hybrid: training parts")
    guard let hybrid = try trainer.train(.hybrid) as? HybridModel else {
      fatalError("hybrid kind makes a HybridModel")
    }
    var grid: [HybridModel.Weights.Mix] = []
    for n in stride(from: 0.0, through: 0.6, by: 0.2) {
      for c in stride(from: 0.0, through: 0.4, by: 0.1) {
        for p in [0.0, 0.05, 0.1] where n + c + p <= 0.9 {
          grid.append(.init(neighbours: n, content: c, popularity: p))
        }
      }
    }
    let users = ground.scoredUsers
    let fewEvents = settings.hybrid.fewEvents
    // ndcg[user position][grid position]
    let results = SharedBuffer<[Double]>(repeating: [], count: users.count)
    progress("tuning hybrid: scoring \(grid.count) weight mixes")
    Parallel.forEachChunk(users.count, threads: settings.threads) { range in
      for n in range {
        let u = users[n]
        let s = hybrid.parts.scaledScores(forUser: u)
        results.pointer[n] = grid.map { mix in
          let list = TopK.select(
            HybridModel.fuse(s, mix: mix), k: k, excludingRow: u, of: ground.data.matrix)
          return RankingMetrics.user(list: list, relevant: ground.relevant[u] ?? [], k: k).ndcg
        }
      }
    }
    func best(_ few: Bool) -> (HybridModel.Weights.Mix, Double) {
      var sums = [Double](repeating: 0, count: grid.count)
      var count = 0
      for (n, u) in users.enumerated()
      where (ground.data.matrix.count(ofRow: u) <= fewEvents) == few {
        for g in 0..<grid.count { sums[g] += results.pointer[n][g] }
        count += 1
      }
      let top = sums.indices.max { sums[$0] != sums[$1] ? sums[$0] < sums[$1] : $0 > $1 } ?? 0
      return (grid[top], count > 0 ? sums[top] / Double(count) : 0)
    }
    var weights = settings.hybrid
    let (few, fewScore) = best(true)
    let (many, manyScore) = best(false)
    weights.few = few
    weights.many = many
    return Result(weights: weights, fewValidationNDCG: fewScore, manyValidationNDCG: manyScore)
  }
}

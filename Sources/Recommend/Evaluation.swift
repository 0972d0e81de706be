import Catalog
import Foundation

/// Offline evaluation: train models on training events, rank items for every test user, score the top-k lists
/// against the held-out items.
///
/// Only users with at least one training item and one test item are scored. Test items never seen in training
/// stay in the relevant set (no model can find them, so they count as misses). Training items are never
/// recommended. Users are grouped by training history: "few" (≤ `fewEvents` items) and "rest".
public enum Evaluation {
  /// Metrics for one model.
  public struct ModelResult: Sendable, Codable {
    public var model: String
    /// Wall-clock training seconds (for the hybrid, including the ALS model it builds on).
    public var trainingSeconds: Double
    /// Processor seconds spent training, all threads together: on a shared machine a fairer measure of
    /// single-threaded work than wall-clock time.
    public var trainingCPUSeconds: Double
    public var all: RankingMetrics
    public var fewEvents: RankingMetrics
    public var rest: RankingMetrics
    /// Share of training items recommended to at least one scored user.
    public var coverage: Double
  }

  public struct Report: Sendable, Codable {
    public var k: Int
    public var trainingUsers: Int
    public var trainingItems: Int
    public var trainingEvents: Int
    public var testEvents: Int
    public var scoredUsers: Int
    /// The bound of the "few" group (training items ≤ this).
    public var fewEvents: Int
    public var models: [ModelResult]
  }

  /// Top-k lists by model name, as user id → item ids best first.
  public typealias Lists = [(model: String, lists: [(user: String, items: [String])])]

  /// The relevant sets and scored users for a split.
  public struct Ground: Sendable {
    public let data: InteractionData
    /// Test items per scored user (item indices; items unseen in training have indices ≥ training item count).
    public let relevant: [Int: Set<Int>]
    public let scoredUsers: [Int]
    public let trainingItemCount: Int
    public let testEvents: Int

    public init(train: [ListeningEvent], test: [ListeningEvent]) {
      let data = InteractionData(events: train)
      var items = data.items
      var relevant: [Int: Set<Int>] = [:]
      for e in test {
        guard let u = data.users.index(of: e.user), data.matrix.count(ofRow: u) > 0 else {
          continue
        }
        let i = items.insert(e.item)
        if i < data.items.count, data.matrix.contains(row: u, column: i) { continue }
        relevant[u, default: []].insert(i)
      }
      self.data = data
      self.relevant = relevant
      scoredUsers = relevant.keys.sorted()
      trainingItemCount = data.items.count
      testEvents = test.count
    }
  }

  /// Trains and scores `models`.
  ///
  /// - Parameters:
  ///   - ground: training data and relevant sets.
  ///   - tags: item tags for content models (may be empty).
  ///   - lexicon: tag meanings for item affect.
  ///   - progress: short messages while it runs ("training als", "scoring als 40%").
  /// - Returns: the report and the lists it scored.
  public static func run(
    ground: Ground, models: [ModelKind], k: Int, settings: ModelSettings,
    tags: [ListeningItemTag] = [],
    lexicon: [String: TagAffect] = [:], progress: (String) -> Void = { _ in }
  ) throws -> (Report, Lists) {
    try validate(k: k)
    try settings.validate()
    let content: ItemContent? =
      models.contains(where: \.needsContent)
      ? ItemContent(items: ground.data.items, tags: tags, lexicon: lexicon) : nil
    var trainer = ModelTrainer(training: ground.data.matrix, settings: settings, content: content)
    var results: [ModelResult] = []
    var allLists: Lists = []
    for kind in models {
      progress("training \(kind.rawValue)")
      let alsBefore = trainer.alsSeconds
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = processorSeconds()
      let model = try trainer.train(kind) { progress("training \(kind.rawValue): iteration \($0)") }
      var seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      var cpu = processorSeconds() - cpuStart
      if kind == .hybrid, trainer.alsSeconds == alsBefore {
        seconds += trainer.alsSeconds
        cpu += trainer.alsCPUSeconds
      }
      progress("scoring \(kind.rawValue)")
      let lists = TopK.lists(
        model: model, users: ground.scoredUsers, k: k, training: ground.data.matrix,
        threads: settings.threads)
      var result = score(ground: ground, lists: lists, k: k, model: kind.rawValue)
      result.trainingSeconds = seconds
      result.trainingCPUSeconds = cpu
      results.append(result)
      allLists.append(
        (
          kind.rawValue,
          zip(ground.scoredUsers, lists).map { u, items in
            (ground.data.users.ids[u], items.map { ground.data.items.ids[$0] })
          }
        ))
    }
    return (
      report(ground: ground, k: k, fewEvents: settings.hybrid.fewEvents, models: results), allLists
    )
  }

  /// Scores lists made elsewhere (e.g. by another library) with the same code path.
  ///
  /// Users without a list count as empty lists; items unknown to training count as misses unless relevant.
  public static func score(ground: Ground, external: Lists, k: Int, fewEvents: Int = 5) throws
    -> Report
  {
    try validate(k: k)
    var results: [ModelResult] = []
    var items = ground.data.items
    for (model, byUser) in external {
      var map: [Int: [Int]] = [:]
      for (user, list) in byUser {
        guard let u = ground.data.users.index(of: user) else { continue }
        map[u] = list.map { items.insert($0) }
      }
      let lists = ground.scoredUsers.map { map[$0] ?? [] }
      results.append(score(ground: ground, lists: lists, k: k, model: model, fewEvents: fewEvents))
    }
    return report(ground: ground, k: k, fewEvents: fewEvents, models: results)
  }

  static func validate(k: Int) throws {
    guard k > 0 else {
      throw RecommendError.invalidParameter(
        name: "--k", value: "\(k)", allowed: "use a list length of at least 1")
    }
  }

  static func score(ground: Ground, lists: [[Int]], k: Int, model: String, fewEvents: Int = 5)
    -> ModelResult
  {
    var all: [RankingMetrics] = []
    var few: [RankingMetrics] = []
    var rest: [RankingMetrics] = []
    for (u, list) in zip(ground.scoredUsers, lists) {
      let m = RankingMetrics.user(list: list, relevant: ground.relevant[u] ?? [], k: k)
      all.append(m)
      if ground.data.matrix.count(ofRow: u) <= fewEvents { few.append(m) } else { rest.append(m) }
    }
    let inCatalog = lists.map { $0.filter { $0 < ground.trainingItemCount } }
    return ModelResult(
      model: model, trainingSeconds: 0, trainingCPUSeconds: 0, all: .mean(all),
      fewEvents: .mean(few), rest: .mean(rest),
      coverage: RankingMetrics.coverage(inCatalog, catalogSize: ground.trainingItemCount))
  }

  static func report(ground: Ground, k: Int, fewEvents: Int, models: [ModelResult]) -> Report {
    Report(
      k: k, trainingUsers: ground.data.users.count, trainingItems: ground.trainingItemCount,
      trainingEvents: ground.data.matrix.nonZeroCount, testEvents: ground.testEvents,
      scoredUsers: ground.scoredUsers.count, fewEvents: fewEvents, models: models)
  }
}

/// Processor time used by this process so far, in seconds.
func processorSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

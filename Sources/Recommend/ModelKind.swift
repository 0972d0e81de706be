import Foundation

/// The recommendation models by their command-line names.
public enum ModelKind: String, Sendable, Codable, CaseIterable {
  case pop, userknn
  case userknnPearson = "userknn-pearson"
  case itemknn, als, bpr, content, hybrid

  /// Parses a comma-separated list such as `pop,itemknn,als`.
  ///
  /// - Throws: ``RecommendError/invalidParameter(name:value:allowed:)`` naming the unknown model.
  public static func list(_ text: String) throws -> [ModelKind] {
    let kinds = try text.split(separator: ",").map { part in
      let name = part.trimmingCharacters(in: .whitespaces).lowercased()
      guard let kind = ModelKind(rawValue: name) else {
        throw RecommendError.invalidParameter(
          name: "model", value: name,
          allowed: "choose from \(ModelKind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return kind
    }
    guard !kinds.isEmpty else {
      throw RecommendError.invalidParameter(
        name: "model list", value: "\"\(text)\"",
        allowed:
          "name at least one of \(ModelKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return kinds
  }

  /// Whether the model needs item tags.
  public var needsContent: Bool { self == .content || self == .hybrid }
}

/// Hyper-parameters of every model, with the defaults the command line shows.
public struct ModelSettings: Sendable, Hashable, Codable {
  public var als = ALSModel.Parameters()
  public var bpr = BPRModel.Parameters()
  /// Neighbours for user-kNN; default 50.
  public var userNeighbours = 50
  /// Neighbours kept per item for item-kNN; default 100.
  public var itemNeighbours = 100
  public var hybrid = HybridModel.Weights()
  /// Threads for training and scoring; default all cores.
  public var threads = Parallel.cores
  public init() {}

  /// Checks ranges, naming the flag at fault.
  public func validate() throws {
    func check(_ ok: Bool, _ name: String, _ value: Any, _ allowed: String) throws {
      if !ok {
        throw RecommendError.invalidParameter(name: name, value: "\(value)", allowed: allowed)
      }
    }
    try check(als.factors >= 1 && als.factors <= 1024, "--factors", als.factors, "use 1…1024")
    // Past these bounds the factors overflow Float or shrink to nothing: an empty list, not a ranking.
    try check(
      (0...1e4).contains(als.regularization), "--regularization", als.regularization,
      "use a number from 0 to 10000")
    try check((0...1e4).contains(als.alpha), "--alpha", als.alpha, "use a number from 0 to 10000")
    try check(als.iterations >= 1, "--iterations", als.iterations, "use at least 1")
    try check(als.cgSteps >= 1, "--cg-steps", als.cgSteps, "use at least 1")
    try check(bpr.iterations >= 1, "--bpr-iterations", bpr.iterations, "use at least 1")
    try check(
      bpr.learningRate > 0 && bpr.learningRate <= 1, "--learning-rate", bpr.learningRate,
      "use a number above 0 and at most 1")
    try check(userNeighbours >= 1, "--neighbours", userNeighbours, "use at least 1")
    try check(itemNeighbours >= 1, "--item-neighbours", itemNeighbours, "use at least 1")
    try check(threads >= 1, "--threads", threads, "use at least 1")
    for mix in [hybrid.few, hybrid.many] {
      let parts = [mix.neighbours, mix.content, mix.popularity]
      try check(
        parts.allSatisfy { $0 >= 0 } && parts.reduce(0, +) <= 1, "hybrid weights",
        parts.map { "\($0)" }.joined(separator: "/"), "use shares ≥ 0 that sum to at most 1")
    }
  }
}

/// Trains models by kind on one training matrix, sharing what several need (ALS inside the hybrid).
public struct ModelTrainer {
  public let training: SparseMatrix
  public let settings: ModelSettings
  public let content: ItemContent?
  private var alsCache: ALSModel?
  /// Seconds spent training the shared ALS model, so the hybrid's time can include it.
  public private(set) var alsSeconds = 0.0
  /// Processor seconds of the same.
  public private(set) var alsCPUSeconds = 0.0

  public init(training: SparseMatrix, settings: ModelSettings, content: ItemContent?) {
    self.training = training
    self.settings = settings
    self.content = content
  }

  /// Trains `kind`.
  ///
  /// - Throws: ``RecommendError/invalidParameter(name:value:allowed:)`` when a content model is asked for
  ///   without item tags.
  public mutating func train(_ kind: ModelKind, onIteration: (Int) -> Void = { _ in }) throws
    -> any Recommender
  {
    switch kind {
    case .pop: return PopularityModel(training: training)
    case .userknn:
      return UserKNNModel(
        training: training, similarity: .cosine, neighbours: settings.userNeighbours)
    case .userknnPearson:
      return UserKNNModel(
        training: training, similarity: .pearson, neighbours: settings.userNeighbours)
    case .itemknn:
      return ItemKNNModel(
        training: training, neighbours: settings.itemNeighbours, threads: settings.threads)
    case .als:
      return try finite(als(onIteration), factors: [\.userFactors, \.itemFactors])
    case .bpr:
      return try finite(
        BPRModel(training: training, parameters: settings.bpr, onIteration: onIteration),
        factors: [\.userFactors, \.itemFactors, \.itemBias])
    case .content, .hybrid:
      // The hybrid works without tags (its content part is then off); the content model cannot.
      let content =
        kind == .hybrid
        ? (self.content ?? ItemContent(items: IDIndex(), tags: [], lexicon: [:])) : self.content
      guard let content, kind == .hybrid || !content.isEmpty else {
        throw RecommendError.invalidParameter(
          name: "model", value: kind.rawValue,
          allowed:
            "it needs item tags; use --dataset lastfm-hetrec DIR or a catalog with imported tags")
      }
      let contentModel = ContentModel(training: training, content: content)
      if kind == .content { return contentModel }
      let parts = HybridModel.Parts(
        collaborative: try finite(als(onIteration), factors: [\.userFactors, \.itemFactors]),
        neighbours: UserKNNModel(
          training: training, similarity: .cosine, neighbours: settings.userNeighbours),
        content: contentModel, popularity: PopularityModel(training: training))
      return HybridModel(training: training, parts: parts, weights: settings.hybrid)
    }
  }

  /// `model`, unless training diverged: a factor that is NaN or infinite scores every item NaN, which would
  /// come out as an empty or arbitrary list.
  private func finite<M: Recommender>(_ model: M, factors: [KeyPath<M, [Float]>]) throws -> M {
    for path in factors where !model[keyPath: path].allSatisfy(\.isFinite) {
      throw RecommendError.diverged(
        model: model.name,
        hint: model.name == "bpr"
          ? "lower --learning-rate" : "lower --alpha or raise --regularization")
    }
    return model
  }

  private mutating func als(_ onIteration: (Int) -> Void) -> ALSModel {
    if let alsCache { return alsCache }
    var p = settings.als
    p.threads = settings.threads
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = processorSeconds()
    let model = ALSModel(training: training, parameters: p, onIteration: onIteration)
    alsSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    alsCPUSeconds = processorSeconds() - cpuStart
    alsCache = model
    return model
  }
}

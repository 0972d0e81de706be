/// Fuses matrix factorisation (ALS), user neighbourhoods (user-kNN), content (tag) scores and popularity, with
/// separate weights for users with few events, who need more help than their own history gives.
///
/// Each part's scores are min–max scaled to 0…1 for the user, then
/// score = (1 − n − c − p)·ALS + n·userKNN + c·content + p·popularity with the ``Weights/Mix`` of the user's
/// group. A user without training items gets popularity alone. The default weights were tuned with
/// ``HybridTuner`` on a validation split carved from the Last.fm training data (see
/// `Benchmarks/recommend/README.md`); `evaluate --tune-hybrid` tunes them again on any training set.
public struct HybridModel: Recommender {
  public struct Weights: Sendable, Hashable, Codable {
    /// Shares of the non-ALS parts; ALS gets the rest.
    public struct Mix: Sendable, Hashable, Codable {
      public var neighbours: Double
      public var content: Double
      public var popularity: Double
      public init(neighbours: Double, content: Double, popularity: Double) {
        self.neighbours = neighbours
        self.content = content
        self.popularity = popularity
      }
      /// The ALS share.
      public var collaborative: Double { 1 - neighbours - content - popularity }
    }
    /// For users with at most `fewEvents` training items.
    public var few = Mix(neighbours: 0.2, content: 0.3, popularity: 0.1)
    /// For everyone else.
    public var many = Mix(neighbours: 0.4, content: 0.3, popularity: 0.05)
    /// "Few" means at most this many training items; default 5.
    public var fewEvents = 5
    public init() {}

    /// The mix for a user with `events` training items.
    public func mix(events: Int) -> Mix { events <= fewEvents ? few : many }
  }

  public let name = "hybrid"
  public let weights: Weights
  let parts: Parts
  let training: SparseMatrix

  /// The trained parts the hybrid fuses.
  public struct Parts: Sendable {
    public var collaborative: any Recommender
    public var neighbours: any Recommender
    public var content: ContentModel
    public var popularity: PopularityModel
    public init(
      collaborative: any Recommender, neighbours: any Recommender, content: ContentModel,
      popularity: PopularityModel
    ) {
      self.collaborative = collaborative
      self.neighbours = neighbours
      self.content = content
      self.popularity = popularity
    }

    /// Each part's scaled scores for a user: ALS, user-kNN, content, popularity.
    func scaledScores(forUser user: Int) -> [[Float]] {
      [
        HybridModel.scaled(collaborative.scores(forUser: user)),
        HybridModel.scaled(neighbours.scores(forUser: user)),
        HybridModel.scaled(content.scores(forUser: user)),
        HybridModel.scaled(popularity.listeners),
      ]
    }
  }

  public init(training: SparseMatrix, parts: Parts, weights: Weights = Weights()) {
    self.training = training
    self.parts = parts
    self.weights = weights
  }

  public func scores(forUser user: Int) -> [Float] {
    guard user < training.rows, training.count(ofRow: user) > 0 else {
      return HybridModel.scaled(parts.popularity.listeners)
    }
    let s = parts.scaledScores(forUser: user)
    var mix = weights.mix(events: training.count(ofRow: user))
    // Without tags the content share goes to ALS rather than to a column of zeros.
    if parts.content.content.isEmpty { mix.content = 0 }
    return HybridModel.fuse(s, mix: mix)
  }

  static func fuse(_ s: [[Float]], mix: Weights.Mix) -> [Float] {
    let w = [mix.collaborative, mix.neighbours, mix.content, mix.popularity].map(Float.init)
    var out = [Float](repeating: 0, count: s[0].count)
    for (part, weight) in zip(s, w) where weight != 0 {
      for i in 0..<out.count { out[i] += weight * part[i] }
    }
    return out
  }

  /// Scores min–max scaled to 0…1 (all zero when constant).
  static func scaled(_ s: [Float]) -> [Float] {
    guard let lo = s.min(), let hi = s.max(), hi > lo else {
      return [Float](repeating: 0, count: s.count)
    }
    let span = hi - lo
    return s.map { ($0 - lo) / span }
  }
}

import Catalog
import Foundation

/// One recommended item with the reason for it.
public struct Recommendation: Sendable, Hashable, Codable {
  public var rank: Int
  public var item: String
  public var name: String
  /// The score that ranked it (model score scaled to 0…1, re-weighted by mood when asked).
  public var score: Double
  /// One sentence: "because you play X and Y; tagged melancholic, matches your mood".
  public var reason: String
  /// Names of the user's items it is most co-listened with.
  public var becauseOf: [String]
  /// Its mood tags that matched the target mood.
  public var moodTags: [String]
}

/// Recommendations for one user.
public struct RecommendationResult: Sendable, Codable {
  public var user: String
  /// Training items the user has.
  public var historySize: Int
  public var model: String
  public var mood: MoodTarget?
  public var items: [Recommendation]
  /// Said when the user is unknown or the model had to fall back.
  public var note: String?
}

/// What the `recommend` command asks for.
public struct RecommendationRequest: Sendable {
  public var user: String
  /// List length; default 10.
  public var k = 10
  public var model = ModelKind.hybrid
  public var mood: MoodTarget?
  /// Share of the final score given to mood match (0…1); default 0.5.
  public var moodStrength = 0.5
  /// MMR λ: 1 = no diversification; default 0.7.
  public var diversity: Float = 0.7
  public var settings = ModelSettings()

  public init(user: String) { self.user = user }
}

/// Turns a listening history into explained recommendations.
public enum Recommendations {
  /// Candidates kept from the model before mood re-weighting and MMR: the mood and diversity only reorder
  /// items the model already finds plausible for the user.
  static let pool = 200

  /// Recommends items for `request.user`.
  ///
  /// An unknown user, or one without events, gets cold-start recommendations: the most listened items (nearest
  /// to the mood when one is given), with a note saying there is no history.
  ///
  /// - Parameters:
  ///   - events: the whole listening history.
  ///   - names: display names by item id (missing names show the id).
  ///   - tags: item tags (for content, hybrid and mood); may be empty.
  ///   - lexicon: tag meanings from the mood lexicon.
  /// - Throws: ``RecommendError`` for k ≤ 0, bad settings, or a content model without tags.
  public static func make(
    events: [ListeningEvent], names: [String: String], tags: [ListeningItemTag],
    lexicon: [String: TagAffect],
    request: RecommendationRequest
  ) throws -> RecommendationResult {
    try Evaluation.validate(k: request.k)
    try request.settings.validate()
    guard (0...1).contains(request.moodStrength) else {
      throw RecommendError.invalidParameter(
        name: "--mood-strength", value: "\(request.moodStrength)",
        allowed: "use a number from 0 to 1")
    }
    guard (0...1).contains(request.diversity) else {
      throw RecommendError.invalidParameter(
        name: "--diversity", value: "\(request.diversity)",
        allowed: "use a number from 0 (most varied) to 1 (off)")
    }
    let data = InteractionData(events: events)
    let content = ItemContent(items: data.items, tags: tags, lexicon: lexicon)
    let explainer = Explainer(training: data.matrix)
    let user = data.users.index(of: request.user)
    let history = user.map { data.items(ofUser: $0) } ?? []
    var note: String?
    var modelName = request.model.rawValue
    var scores: [Float]
    var contentProfile: [(tag: Int, weight: Float)] = []
    if let user, !history.isEmpty {
      var trainer = ModelTrainer(
        training: data.matrix, settings: request.settings, content: content)
      let model = try trainer.train(request.model)
      scores = model.scores(forUser: user)
      if request.model.needsContent {
        contentProfile = ContentModel(training: data.matrix, content: content).profile(ofUser: user)
      }
    } else {
      note =
        "no listening history for user \(request.user); these are cold-start picks: the most played items"
        + (request.mood == nil ? "" : " that fit the mood")
      modelName = "pop"
      scores = PopularityModel(training: data.matrix).listeners
    }
    let excluded = Set(history)
    let candidates = TopK.select(scores, k: max(pool, request.k * 20)) { excluded.contains($0) }
    let scaled = HybridModel.scaled(candidates.map { scores[$0] })
    var relevance: [(item: Int, relevance: Float)] = []
    for (item, r) in zip(candidates, scaled) { relevance.append((item, r)) }
    if let mood = request.mood {
      let s = Float(request.moodStrength)
      for n in relevance.indices {
        let fit = Float(mood.match(content.affect[relevance[n].item]))
        relevance[n].relevance = (1 - s) * relevance[n].relevance + s * fit
      }
      relevance.sort {
        $0.relevance != $1.relevance ? $0.relevance > $1.relevance : $0.item < $1.item
      }
    }
    let similarity: (Int, Int) -> Float = { a, b in
      let listened = explainer.coListening(a, b)
      return content.isEmpty ? listened : max(content.similarity(a, b), listened)
    }
    let chosen: [Int]
    if request.diversity >= 1 {
      chosen = relevance.prefix(request.k).map(\.item)
    } else {
      chosen = Diversity.mmr(
        candidates: relevance, k: request.k, lambda: request.diversity, similarity: similarity)
    }
    var finalScore: [Int: Float] = [:]
    for c in relevance { finalScore[c.item] = c.relevance }
    let name: (Int) -> String = { names[data.items.ids[$0]] ?? data.items.ids[$0] }
    var items: [Recommendation] = []
    for (rank, item) in chosen.enumerated() {
      var parts: [String] = []
      let because = explainer.because(item: item, history: history).map(name)
      if !because.isEmpty { parts.append("because you play \(spokenList(because))") }
      let shared =
        contentProfile.isEmpty ? [] : content.sharedTags(item: item, profile: contentProfile)
      if !shared.isEmpty { parts.append("tagged \(spokenList(shared)) like music you play") }
      var moodTags: [String] = []
      if let mood = request.mood, let affect = content.affect[item] {
        moodTags = mood.fittingTags(of: affect, lexicon: lexicon)
        if !moodTags.isEmpty { parts.append("tagged \(spokenList(moodTags)), matches your mood") }
      }
      if parts.isEmpty {
        let listeners = data.matrix.transposedCount(column: item)
        parts.append("popular: \(listeners) listener\(listeners == 1 ? "" : "s") play it")
      }
      items.append(
        Recommendation(
          rank: rank + 1, item: data.items.ids[item], name: name(item),
          score: Double(finalScore[item] ?? 0),
          reason: parts.joined(separator: "; "), becauseOf: because, moodTags: moodTags))
    }
    return RecommendationResult(
      user: request.user, historySize: history.count, model: modelName, mood: request.mood,
      items: items, note: note)
  }
}

extension SparseMatrix {
  /// How many rows have an entry in `column` (a linear scan; for explanations only).
  func transposedCount(column: Int) -> Int {
    var n = 0
    for c in columnIndex where Int(c) == column { n += 1 }
    return n
  }
}

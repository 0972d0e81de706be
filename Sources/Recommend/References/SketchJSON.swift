import Analysis
import Catalog
import Foundation
import Theory

/// Reads a sketch folder's `sketch.json` as a draft: a ``Score`` (or `{"score": …}`), or the report
/// `moodsketch sketch` writes, whose plan gives key, tempo and mood.
enum SketchJSON {
  /// The fields of `moodsketch sketch`'s report that describe the music (Compose's `SketchReport`).
  private struct Plan: Decodable {
    struct Mood: Decodable {
      var valence: Double
      var arousal: Double
    }
    var key: String
    var tempoBPM: Double
    var mood: Mood
    var durationSeconds: Double?
  }

  private struct Wrapped: Decodable { var score: Score }

  private struct Styled: Decodable { var style: String }

  /// What a sketch.json holds, read and decoded once.
  struct Contents {
    /// The score, when the file is one (or wraps one in `score`).
    var score: Score?
    /// The report's plan, or why the file is not one.
    var plan: Result<PlannedFacts, RecommendError>
    /// The style a report names (`"style": "lofi"`), cleaned.
    var style: String?
  }

  /// What a sketch report's plan says of the music: exact where an analysis only estimates.
  struct PlannedFacts {
    var key: Key
    var tempoBPM: Double
    var valence: Double
    var arousal: Double
    var durationSeconds: Double?
  }

  /// The file at `path`, read once; nil when there is none.
  static func contents(at path: String) -> Contents? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      return Contents(
        plan: .failure(.unreadable(path: path, reason: "it cannot be opened")), style: nil)
    }
    let decoder = JSONDecoder()
    let score =
      (try? decoder.decode(Score.self, from: data))
      ?? (try? decoder.decode(Wrapped.self, from: data))?.score
    let style = (try? decoder.decode(Styled.self, from: data)).flatMap { TagText.clean($0.style) }
    return Contents(
      score: score,
      plan: Result { () throws(RecommendError) in try plannedFacts(data, path: path) },
      style: style)
  }

  /// Why a sketch.json that is neither a score nor a readable plan gives no plan (a broken or foreign
  /// file beside a sketch's other files): said, so the user knows the mood was measured.
  static func planProblem(_ contents: Contents) -> String? {
    guard contents.score == nil, case .failure(let error) = contents.plan else { return nil }
    return "\(error)"
  }

  /// The draft's features from a sketch.json alone: its score analysed, or its plan.
  ///
  /// - Throws: ``RecommendError/invalidSketch(path:reason:)`` saying where the JSON breaks, or what it lacks.
  static func features(_ contents: Contents, analyzer: Analyzer) throws -> Features {
    if let score = contents.score { return analyzer.analyzeScore(score) }
    let plan = try contents.plan.get()
    // The plan is exact about key, tempo and mood; timbre, energy and brightness stay unknown, so the
    // search compares on what the sketch really says.
    return Features(
      source: .midi, durationSeconds: plan.durationSeconds ?? 0, tempoBPM: plan.tempoBPM,
      tempoConfidence: 1, key: plan.key, keyStrength: 1, loudnessLUFS: nil, loudnessRangeLU: nil,
      valence: plan.valence, arousal: plan.arousal, summary: [:])
  }

  private static func plannedFacts(_ data: Data, path: String) throws(RecommendError)
    -> PlannedFacts
  {
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      throw RecommendError.invalidSketch(
        path: path, reason: "it is not valid JSON (\(syntaxProblem(error, in: data)))")
    }
    guard let plan = try? JSONDecoder().decode(Plan.self, from: data) else {
      throw RecommendError.invalidSketch(
        path: path,
        reason: "it is JSON but neither a score nor a sketch report (no key, tempoBPM and mood)")
    }
    guard let key = Key(parsing: plan.key) else {
      throw RecommendError.invalidSketch(path: path, reason: "its key \"\(plan.key)\" is not a key")
    }
    guard plan.tempoBPM.isFinite, plan.tempoBPM > 0, plan.mood.valence.isFinite,
      plan.mood.arousal.isFinite
    else {
      throw RecommendError.invalidSketch(
        path: path, reason: "its tempo or mood is not a finite number")
    }
    return PlannedFacts(
      key: key, tempoBPM: plan.tempoBPM, valence: max(-1, min(1, plan.mood.valence)),
      arousal: max(-1, min(1, plan.mood.arousal)), durationSeconds: plan.durationSeconds)
  }

  /// "line L, column C: what" from Foundation's "… around character N." message.
  static func syntaxProblem(_ error: any Error, in data: Data) -> String {
    let text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
    guard let range = text.range(of: "character "),
      let offset = Int(text[range.upperBound...].prefix { $0.isNumber })
    else { return text }
    var line = 1
    var column = 1
    for byte in data.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    let what = text[..<text.range(of: " around")!.lowerBound].lowercased()
    return "line \(line), column \(column): \(what)"
  }
}

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

  /// The style a sketch report names (`"style": "lofi"`), if the file at `path` is one.
  static func style(at path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path),
      let styled = try? JSONDecoder().decode(Styled.self, from: data)
    else { return nil }
    return TagText.clean(styled.style)
  }

  /// The score in the file at `path`, if it holds one.
  static func score(at path: String) -> Score? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let decoder = JSONDecoder()
    if let score = try? decoder.decode(Score.self, from: data) { return score }
    return (try? decoder.decode(Wrapped.self, from: data))?.score
  }

  /// What a sketch report's plan says of the music: exact where an analysis only estimates.
  struct PlannedFacts {
    var key: Key
    var tempoBPM: Double
    var valence: Double
    var arousal: Double
    var durationSeconds: Double?
  }

  /// The plan of the sketch report at `path`, or nil when the file is missing, unreadable or not a
  /// report (a sketch folder's other files then speak for it).
  static func plan(at path: String) -> PlannedFacts? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try? plannedFacts(at: path)
  }

  /// Why the file at `path` gives no plan, when it exists and is not a score either (a broken or
  /// foreign sketch.json beside a sketch's other files): said, so the user knows the mood was measured.
  static func planProblem(at path: String) -> String? {
    guard FileManager.default.fileExists(atPath: path), score(at: path) == nil else { return nil }
    do {
      _ = try plannedFacts(at: path)
      return nil
    } catch {
      return "\(error)"
    }
  }

  /// The draft's features from the JSON file at `path`.
  ///
  /// - Throws: ``RecommendError/invalidSketch(path:reason:)`` saying where the JSON breaks, or what it lacks.
  static func features(at path: String, analyzer: Analyzer) throws -> Features {
    if let data = FileManager.default.contents(atPath: path),
      (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil,
      let score = score(at: path)
    {
      return analyzer.analyzeScore(score)
    }
    let plan = try plannedFacts(at: path)
    // The plan is exact about key, tempo and mood; timbre, energy and brightness stay unknown, so the
    // search compares on what the sketch really says.
    return Features(
      source: .midi, durationSeconds: plan.durationSeconds ?? 0, tempoBPM: plan.tempoBPM,
      tempoConfidence: 1, key: plan.key, keyStrength: 1, loudnessLUFS: nil, loudnessRangeLU: nil,
      valence: plan.valence, arousal: plan.arousal, summary: [:])
  }

  private static func plannedFacts(at path: String) throws -> PlannedFacts {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RecommendError.unreadable(path: path, reason: "it cannot be opened")
    }
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

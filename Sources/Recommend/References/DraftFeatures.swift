import Analysis
import Foundation
import Theory

/// Turns what a user passes as DRAFT into ``Features``: an audio file, a MIDI file, or a sketch folder.
public enum DraftFeatures {
  /// The draft's own style, when it states one: a sketch folder's `sketch.json` names the plan's style.
  public static func style(path: String) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    return SketchJSON.style(
      at: URL(fileURLWithPath: path).appendingPathComponent("sketch.json").path)
  }

  /// Analyses `path`.
  ///
  /// A folder is read as a `moodsketch sketch` output: its `sketch.wav` for the sound with key and tempo
  /// from its `sketch.mid` when both are there; else `sketch.mid`, else `sketch.json` (a ``Score``, an object
  /// with a `score` field, or the sketch report whose plan gives key, tempo and mood), else `sketch.wav`.
  ///
  /// - Throws: ``AnalysisError`` for unreadable files; ``RecommendError/invalidParameter(name:value:allowed:)``
  ///   for a folder with no sketch in it.
  public static func load(path: String, analyzer: Analyzer = Analyzer()) throws -> Features {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw AnalysisError.missingFile(path)
    }
    if !isDirectory.boolValue {
      return Analyzer.isMIDI(path: path)
        ? try analyzer.analyzeMIDI(path: path).features
        : try analyzer.analyzeAudio(path: path).features
    }
    let folder = URL(fileURLWithPath: path)
    let midi = folder.appendingPathComponent("sketch.mid").path
    let wav = folder.appendingPathComponent("sketch.wav").path
    let hasMIDI = FileManager.default.fileExists(atPath: midi)
    let hasWAV = FileManager.default.fileExists(atPath: wav)
    if hasMIDI && hasWAV {
      // The rendering carries the sound (timbre, brightness, loudness) the catalog's audio is compared on;
      // the MIDI knows the key and tempo exactly, so those come from it.
      var features = try analyzer.analyzeAudio(path: wav).features
      let symbolic = try analyzer.analyzeMIDI(path: midi).features
      features.tempoBPM = symbolic.tempoBPM ?? features.tempoBPM
      features.tempoConfidence =
        symbolic.tempoBPM == nil ? features.tempoConfidence : symbolic.tempoConfidence
      if let key = symbolic.key {
        features.key = key
        features.keyStrength = symbolic.keyStrength
      }
      return features
    }
    if hasMIDI { return try analyzer.analyzeMIDI(path: midi).features }
    let json = folder.appendingPathComponent("sketch.json").path
    let hasJSON = FileManager.default.fileExists(atPath: json)
    if hasJSON && !hasWAV { return try SketchJSON.features(at: json, analyzer: analyzer) }
    if hasJSON, let score = SketchJSON.score(at: json) { return analyzer.analyzeScore(score) }
    if hasWAV { return try analyzer.analyzeAudio(path: wav).features }
    throw RecommendError.invalidParameter(
      name: "DRAFT folder", value: path,
      allowed:
        "it holds none of sketch.mid, sketch.json or sketch.wav; pass a sketch folder, an audio or a MIDI file"
    )
  }
}

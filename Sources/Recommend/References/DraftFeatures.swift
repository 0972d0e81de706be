import Analysis
import Foundation
import Theory

/// Turns what a user passes as DRAFT into ``Features``: an audio file, a MIDI file, or a sketch folder.
public enum DraftFeatures {
  /// A draft's features and, for a sketch folder, which of its files said what.
  public struct Reading: Sendable {
    public var features: Features
    /// For a sketch folder, where key, tempo, mood and sound came from ("key, tempo and mood from the
    /// plan in sketch.json; sound from sketch.wav"); nil for a single file, which is analysed.
    public var origin: String?
    /// Whether valence and arousal are the sketch plan's (what the sketch was written to express)
    /// rather than measured.
    public var moodIsPlanned: Bool
    /// Set when a sketch folder's sketch.json could not be read as a plan and the other files were used.
    public var warning: String? = nil
    /// The draft's own style, when it states one: a sketch folder's sketch.json names the plan's style.
    public var style: String? = nil
  }

  /// Analyses `path` (see ``read(path:analyzer:)``).
  public static func load(path: String, analyzer: Analyzer = Analyzer()) throws -> Features {
    try read(path: path, analyzer: analyzer).features
  }

  /// Analyses `path`.
  ///
  /// A folder is read as a `moodsketch sketch` output. Its `sketch.json` plan, when there is one, gives
  /// key, tempo and mood: the sketch was written to them, so they are known rather than estimated (an
  /// analysis of the render hears the planned quadrant for about 86 %, Benchmarks/mood). Its
  /// `sketch.wav` gives the sound (timbre, brightness, loudness) that catalog audio is compared on;
  /// without a plan, key and tempo come from `sketch.mid` and the mood from the audio. A folder with only
  /// some of the files uses what it has: `sketch.mid`, else `sketch.json` (a ``Score``, an object with a
  /// `score` field, or the sketch report), else `sketch.wav`.
  ///
  /// - Throws: ``AnalysisError`` for unreadable files; ``RecommendError/invalidParameter(name:value:allowed:)``
  ///   for a folder with no sketch in it.
  public static func read(path: String, analyzer: Analyzer = Analyzer()) throws -> Reading {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw AnalysisError.missingFile(path)
    }
    if !isDirectory.boolValue {
      let features =
        Analyzer.isMIDI(path: path)
        ? try analyzer.analyzeMIDI(path: path).features
        : try analyzer.analyzeAudio(path: path).features
      return Reading(features: features, origin: nil, moodIsPlanned: false)
    }
    let folder = URL(fileURLWithPath: path)
    let midi = folder.appendingPathComponent("sketch.mid").path
    let wav = folder.appendingPathComponent("sketch.wav").path
    let json = folder.appendingPathComponent("sketch.json").path
    let hasMIDI = FileManager.default.fileExists(atPath: midi)
    let hasWAV = FileManager.default.fileExists(atPath: wav)
    let sketchJSON = SketchJSON.contents(at: json)
    let plan = sketchJSON.flatMap { try? $0.plan.get() }
    let style = sketchJSON?.style
    if hasWAV || hasMIDI {
      var features =
        hasWAV
        ? try analyzer.analyzeAudio(path: wav).features
        : try analyzer.analyzeMIDI(path: midi).features
      let sound = hasWAV ? "sound from sketch.wav" : "notes from sketch.mid"
      if let plan {
        features.key = plan.key
        features.keyStrength = 1
        features.tempoBPM = plan.tempoBPM
        features.tempoConfidence = 1
        features.valence = plan.valence
        features.arousal = plan.arousal
        return Reading(
          features: features, origin: "key, tempo and mood from the plan in sketch.json; \(sound)",
          moodIsPlanned: true, style: style)
      }
      let warning = sketchJSON.flatMap(SketchJSON.planProblem).map {
        "\($0); key, tempo and mood are measured from the folder's other files instead"
      }
      guard hasWAV && hasMIDI else {
        return Reading(
          features: features, origin: "all from \(hasWAV ? "sketch.wav" : "sketch.mid")",
          moodIsPlanned: false, warning: warning, style: style)
      }
      // The MIDI knows the key and tempo exactly, so those come from it.
      let symbolic = try analyzer.analyzeMIDI(path: midi).features
      features.tempoBPM = symbolic.tempoBPM ?? features.tempoBPM
      features.tempoConfidence =
        symbolic.tempoBPM == nil ? features.tempoConfidence : symbolic.tempoConfidence
      if let key = symbolic.key {
        features.key = key
        features.keyStrength = symbolic.keyStrength
      }
      return Reading(
        features: features, origin: "key and tempo from sketch.mid; sound and mood from sketch.wav",
        moodIsPlanned: false, warning: warning, style: style)
    }
    if let sketchJSON {
      return Reading(
        features: try SketchJSON.features(sketchJSON, analyzer: analyzer),
        origin: plan == nil
          ? "the score in sketch.json" : "key, tempo and mood from the plan in sketch.json",
        moodIsPlanned: plan != nil, style: style)
    }
    throw RecommendError.invalidParameter(
      name: "DRAFT folder", value: path,
      allowed:
        "it holds none of sketch.mid, sketch.json or sketch.wav; pass a sketch folder, an audio or a MIDI file"
    )
  }
}

import Foundation
import Theory

/// Everything the composer learned from real music: chord n-grams per mode, how each chord
/// function is coloured, harmonic rhythm, and the melody's rhythm, steps and chord tones.
///
/// Trained by ``ModelTrainer`` (run `moodsketch train --data ../shared/data`) from POP909 (MIT) and
/// the McGill Billboard annotations (CC0) only, and shipped as `Resources/composition-model.json`.
public struct CompositionModel: Sendable, Hashable, Codable {
  /// Bumped when the layout changes so an old file is rejected with a clear message.
  public static let formatVersion = 1
  /// File name of the shipped model inside the module's resources.
  public static let resourceName = "composition-model"

  public var formatVersion: Int
  /// What the model was trained on, for reports and `--json`.
  public var summary: TrainingSummary
  /// Chord n-grams over triad-level Roman numerals in major keys (context up to 3 chords, i.e. order 4).
  public var majorChords: BackoffTable
  /// The same for minor keys.
  public var minorChords: BackoffTable
  /// Per mode ("major"/"minor"), per chord token: how often each colour (`ChordQuality` raw value) was played.
  public var colours: [String: [String: [String: Int]]]
  /// Chord durations in beats (rounded to whole beats, capped at 16) → count: the corpus's harmonic rhythm.
  public var chordBeats: [String: Int]
  /// Melody rhythm: next note symbol after [previous symbol, metric position class].
  public var melodyRhythm: BackoffTable
  /// Melody steps in scale steps after the previous two steps.
  public var melodySteps: BackoffTable
  /// Melody pitch class above the chord root after [chord class, metric class].
  public var melodyChordTones: BackoffTable

  public struct TrainingSummary: Sendable, Hashable, Codable {
    public var chordSongs: Int
    public var chordTokens: Int
    public var melodySongs: Int
    public var melodyNotes: Int
    public var sources: [String]
    public init(
      chordSongs: Int, chordTokens: Int, melodySongs: Int, melodyNotes: Int, sources: [String]
    ) {
      self.chordSongs = chordSongs
      self.chordTokens = chordTokens
      self.melodySongs = melodySongs
      self.melodyNotes = melodyNotes
      self.sources = sources
    }
  }

  public init(
    summary: TrainingSummary, majorChords: BackoffTable, minorChords: BackoffTable,
    colours: [String: [String: [String: Int]]], chordBeats: [String: Int],
    melodyRhythm: BackoffTable,
    melodySteps: BackoffTable, melodyChordTones: BackoffTable
  ) {
    self.formatVersion = Self.formatVersion
    self.summary = summary
    self.majorChords = majorChords
    self.minorChords = minorChords
    self.colours = colours
    self.chordBeats = chordBeats
    self.melodyRhythm = melodyRhythm
    self.melodySteps = melodySteps
    self.melodyChordTones = melodyChordTones
  }

  /// The chord table for a key's mode: modes with a minor third use the minor table.
  public func chords(for mode: Mode) -> BackoffTable {
    mode.hasMinorThird ? minorChords : majorChords
  }

  /// Chord tokens the model can produce in a mode (its vocabulary, without the start symbol).
  public func vocabulary(for mode: Mode) -> [String] {
    chords(for: mode).outcomes.filter { $0 != ChordModelSymbols.start }
  }

  /// Encodes the model as compact JSON with sorted keys: the same model always gives the same bytes.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// Reads a model file written by ``encoded()``.
  ///
  /// - Throws: ``ComposeError/modelMissing(_:)`` or ``ComposeError/modelCorrupt(path:reason:)``.
  public static func load(path: String) throws -> CompositionModel {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ComposeError.modelMissing(path)
    }
    return try decode(data, path: path)
  }

  /// The model shipped with moodsketch.
  ///
  /// Found through ``RuntimeResources`` (installed copy, `$MOODSKETCH_RESOURCES`, the SwiftPM bundle
  /// next to the binary, then the source checkout), never through `Bundle.module`, which stops the
  /// program when the build folder is gone.
  ///
  /// - Throws: ``ComposeError`` when the resource is missing or unreadable (rebuild it with `moodsketch train`).
  public static func bundled() throws -> CompositionModel {
    guard let path = bundledPath else {
      let looked = RuntimeResources.candidates(
        "\(resourceName).json", module: "Compose", sourceFolder: sourceResources)
      throw ComposeError.modelMissing(looked.first ?? "\(resourceName).json")
    }
    return try load(path: path)
  }

  /// Where the shipped model was found, or nil (see ``bundled()``).
  public static var bundledPath: String? {
    RuntimeResources.locate(
      "\(resourceName).json", module: "Compose", sourceFolder: sourceResources)
  }

  /// `Sources/Compose/Resources` of the checkout this binary was built from.
  private static let sourceResources =
    ((#filePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
      "Resources")

  static func decode(_ data: Data, path: String) throws -> CompositionModel {
    let model: CompositionModel
    do {
      model = try JSONDecoder().decode(CompositionModel.self, from: data)
    } catch {
      throw ComposeError.modelCorrupt(path: path, reason: "not a composition model JSON")
    }
    guard model.formatVersion == formatVersion else {
      throw ComposeError.modelCorrupt(
        path: path, reason: "format \(model.formatVersion), this moodsketch reads \(formatVersion)")
    }
    return model
  }
}

/// Symbols with special meaning in the chord tables.
public enum ChordModelSymbols {
  /// Pads the start of each run of harmony, so the model learns how songs open.
  public static let start = "<s>"
}

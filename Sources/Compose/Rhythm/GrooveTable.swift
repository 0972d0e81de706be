import Foundation
import Theory

/// Drum bars learned from real drummers (the Groove MIDI Dataset), per genre: the grooves they played
/// most, how they moved from one to the next, and the fills they played in that genre.
///
/// Built by ``GrooveTrainer`` (`moodsketch train --data ../shared/data`) and shipped as
/// `Resources/grooves.json`. Timing is kept as played: each hit has its sixteenth on the grid and its
/// offset from it, so the table carries the drummers' swing, push and drag as well as their dynamics.
public struct GrooveTable: Sendable, Hashable, Codable {
  /// Bumped when the layout changes so an old file is rejected with a clear message.
  public static let formatVersion = 1
  /// File name of the shipped table inside the module's resources.
  public static let resourceName = "grooves"
  /// The ticks per quarter note that hit offsets are counted in.
  public static let ticksPerQuarter = 480

  public var formatVersion: Int
  /// The data set and its licence, as its SOURCE.md asks to credit it.
  public var source: String
  /// Genre name as GMD spells it (`rock`, `funk`, `latin`, …) → what was learned.
  public var genres: [String: GenreGrooves]

  public init(source: String, genres: [String: GenreGrooves]) {
    self.formatVersion = Self.formatVersion
    self.source = source
    self.genres = genres
  }

  /// Encodes the table as compact JSON with sorted keys: the same table always gives the same bytes.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// The table shipped with moodsketch, found like the composition model through ``RuntimeResources``
  /// (never `Bundle.module`, which stops the program when the build folder is gone).
  ///
  /// - Throws: ``ComposeError`` when the resource is missing or unreadable (rebuild it with `moodsketch train`).
  public static func bundled() throws -> GrooveTable {
    guard let path = bundledPath, let data = FileManager.default.contents(atPath: path) else {
      let looked = RuntimeResources.candidates(
        "\(resourceName).json", module: "Compose", sourceFolder: sourceResources)
      throw ComposeError.modelMissing(looked.first ?? "\(resourceName).json")
    }
    return try decode(data, path: path)
  }

  /// Where the shipped table was found, or nil (see ``bundled()``).
  public static var bundledPath: String? {
    RuntimeResources.locate(
      "\(resourceName).json", module: "Compose", sourceFolder: sourceResources)
  }

  /// `Sources/Compose/Resources` of the checkout this binary was built from.
  private static let sourceResources =
    (((#filePath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    as NSString).appendingPathComponent("Resources")

  /// The shipped table, read once; nil when it is missing (the composer then writes rule-based drums).
  public static let shipped: GrooveTable? = try? bundled()

  static func decode(_ data: Data, path: String) throws -> GrooveTable {
    let table: GrooveTable
    do {
      table = try JSONDecoder().decode(GrooveTable.self, from: data)
    } catch {
      throw ComposeError.modelCorrupt(path: path, reason: "not a groove table JSON")
    }
    guard table.formatVersion == formatVersion else {
      throw ComposeError.modelCorrupt(
        path: path, reason: "format \(table.formatVersion), this moodsketch reads \(formatVersion)")
    }
    return table
  }
}

/// What one genre's drummers played.
public struct GenreGrooves: Sendable, Hashable, Codable {
  /// Groove bars, the most representative first (each stands for many similar bars played).
  public var beats: [GrooveBar]
  /// `transitions[i][j]`: how often a bar like `beats[i]` was followed by one like `beats[j]`.
  public var transitions: [[Int]]
  /// Fill bars from the takes GMD marks as fills, the most representative first.
  public var fills: [GrooveBar]
  /// Bars of groove and of fills read for this genre (how much the choice rests on).
  public var beatBarsRead: Int
  public var fillBarsRead: Int
  /// Median tempo of the genre's takes, BPM.
  public var medianBPM: Double
}

/// One 4/4 bar of drums as played.
public struct GrooveBar: Sendable, Hashable, Codable {
  public var hits: [GrooveHit]
  public init(hits: [GrooveHit]) { self.hits = hits }
}

/// One drum hit: a GM key, its sixteenth in the bar, how far from that sixteenth it was played, and how hard.
public struct GrooveHit: Sendable, Hashable, Codable {
  /// General MIDI drum key, 35–81.
  public var key: Int
  /// Sixteenth of the 4/4 bar, 0–15.
  public var step: Int
  /// Ticks (at 480 per quarter) from the sixteenth: negative = ahead of the beat, positive = behind.
  public var offset: Int
  /// MIDI velocity 1–127 as played.
  public var velocity: Int

  public init(key: Int, step: Int, offset: Int, velocity: Int) {
    self.key = key
    self.step = step
    self.offset = offset
    self.velocity = velocity
  }

  // Stored as [key, step, offset, velocity]: the table holds tens of thousands of hits.
  public init(from decoder: Decoder) throws {
    var c = try decoder.unkeyedContainer()
    key = try c.decode(Int.self)
    step = try c.decode(Int.self)
    offset = try c.decode(Int.self)
    velocity = try c.decode(Int.self)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(key)
    try c.encode(step)
    try c.encode(offset)
    try c.encode(velocity)
  }
}

import Catalog

/// One reference track found for a draft, with why it was chosen.
public struct Reference: Sendable, Hashable, Codable {
  public var trackID: Int64
  public var title: String
  public var artist: String?
  /// The audio or MIDI file; nil for tracks imported from a table.
  public var path: String?
  /// 0…1, `exp(−distance)`: 1 is identical on every weighted group.
  public var similarity: Double
  /// The weighted squared distance (see ``ReferenceMetric``).
  public var distance: Double
  /// One line for people: "same key, 2 BPM slower, similar brightness, a bit darker".
  public var reason: String
  public var tempoBPM: Double?
  /// Key name as a chord chart writes it (`Am`, `Eb`).
  public var key: String?
  public var valence: Double
  public var arousal: Double
  /// Each weighted group's share of ``distance`` (`style` too when the draft has a style, see ``StyleTerm``).
  public var contributions: [String: Double]
  /// The track's known style, else its inferred one; nil when neither.
  public var style: String?
  /// Whether ``style`` was inferred from the catalog's tagged tracks (nil without a style).
  public var styleInferred: Bool?
  /// For an inferred style: its share of the neighbour vote, 0…1.
  public var styleConfidence: Double?
  /// 0–100, calibrated on the catalog's own nearest-neighbour distances (``MatchScale``); nil for a
  /// catalog of one track.
  public var matchScore: Int? {
    didSet { isCloseMatch = (matchScore ?? 100) >= MatchScale.closeMatch }
  }
  /// Whether ``matchScore`` reaches ``MatchScale/closeMatch`` (stored, so `--json` carries it).
  public private(set) var isCloseMatch = true

  /// "Artist – Title", or the title alone.
  public var displayName: String {
    if let artist, !artist.isEmpty { return "\(artist) – \(title)" }
    return title
  }
}

/// The groups of descriptors that reference similarity weighs separately.
///
/// Each group owns a fixed slice of ``TrackVector`` and one bit in a track's `knownGroups` mask, so a track
/// imported from a CSV (no timbre, no brightness) is compared only on what is known about it.
public enum FeatureGroup: String, Sendable, Hashable, Codable, CaseIterable {
  /// Valence and arousal (Russell's circumplex), each −1…1.
  case mood
  /// Tempo on a log-2 circle, so half and double time land close together.
  case tempo
  /// Key: its place on the Camelot wheel (relative major/minor together), its tonic on the circle of fifths
  /// (parallel major/minor together) and a small major/minor offset.
  case key
  /// Timbre: MFCC means (coefficients 1–12).
  case timbre
  /// Energy 0…1: from integrated loudness for audio, Spotify `energy` for imported tables.
  case energy
  /// Brightness: log-2 of the mean spectral centroid relative to 1.5 kHz.
  case brightness

  /// The bit for this group in a known-groups mask.
  public var bit: UInt8 { UInt8(1) << UInt8(FeatureGroup.allCases.firstIndex(of: self)!) }

  /// All groups set.
  public static let allKnown: UInt8 = FeatureGroup.allCases.reduce(0) { $0 | $1.bit }

  /// The vector indices that belong to this group.
  public var dimensions: Range<Int> {
    switch self {
    case .mood: 0..<2
    case .tempo: 2..<4
    case .key: 4..<9
    case .energy: 9..<10
    case .brightness: 10..<11
    case .timbre: 11..<23
    }
  }
}

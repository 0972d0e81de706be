import Analysis
import Foundation

/// The timbre and rhythm descriptors style inference compares tracks on, each with whether it is known.
///
/// Taken from ``TrackVector`` (tempo circle, energy, brightness, MFCC timbre) plus the onset rate of audio and
/// MIDI analyses, the note density, velocity, register and pitch range of MIDI (for a drum part, register
/// says which drums are played), and the rhythm and texture columns a Spotify-style table carries
/// (danceability, acousticness, instrumentalness, speechiness, liveness). Mood and key are left out on purpose: a ballad and
/// a banger share a style, and style is not a key. A descriptor a source cannot measure is unknown, never 0.
public struct StyleDescriptors: Sendable, Hashable {
  /// Values, laid out as ``groups`` say; unknown entries are 0.
  public var values: [Double]
  /// One flag per group of ``groups``.
  public var known: [Bool]

  /// Named slices of ``values``; distances average over groups, so 12 MFCCs weigh as much as one tempo.
  public static let groups: [(name: String, dimensions: Range<Int>)] = [
    ("tempo", 0..<2), ("energy", 2..<3), ("brightness", 3..<4), ("timbre", 4..<16),
    ("onset rate", 16..<17), ("danceability", 17..<18), ("acousticness", 18..<19),
    ("instrumentalness", 19..<20), ("speechiness", 20..<21), ("liveness", 21..<22),
    ("note density", 22..<23), ("velocity", 23..<24), ("register", 24..<25),
    ("pitch range", 25..<26),
  ]
  public static let dimension = 26

  public init(values: [Double], known: [Bool]) {
    precondition(values.count == Self.dimension && known.count == Self.groups.count)
    self.values = values
    self.known = known
  }

  /// The descriptors of an analysis (or an imported row).
  public init(features: Features) {
    let (vector, mask) = TrackVector.make(from: features)
    var values = [Double](repeating: 0, count: Self.dimension)
    var known = [Bool](repeating: false, count: Self.groups.count)
    func copy(_ group: FeatureGroup, to slot: Int) {
      guard mask & group.bit != 0 else { return }
      for (i, d) in group.dimensions.enumerated() {
        values[Self.groups[slot].dimensions.lowerBound + i] = Double(vector[d])
      }
      known[slot] = true
    }
    copy(.tempo, to: 0)
    copy(.energy, to: 1)
    copy(.brightness, to: 2)
    copy(.timbre, to: 3)
    let named: [(slot: Int, key: String, transform: (Double) -> Double)] = [
      (4, "onset_rate_per_s", { log1p(max(0, $0)) }), (5, "danceability", { $0 }),
      (6, "acousticness", { $0 }), (7, "instrumentalness", { $0 }), (8, "speechiness", { $0 }),
      (9, "liveness", { $0 }), (10, "note_density_per_s", { log1p(max(0, $0)) }),
      (11, "velocity_mean", { $0 }), (12, "pitch_mean_midi", { $0 }),
      (13, "pitch_range_semitones", { $0 }),
    ]
    for (slot, key, transform) in named {
      guard let v = features.summary[key], v.isFinite else { continue }
      values[Self.groups[slot].dimensions.lowerBound] = transform(v)
      known[slot] = true
    }
    self.init(values: values, known: known)
  }
}

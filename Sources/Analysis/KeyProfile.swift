/// Key profiles: how strongly each scale degree is expected in a major and a minor key, tonic first.
///
/// Chosen by name like Essentia's `Key(profileType:)`: `krumhansl` (Krumhansl & Kessler 1982, probe-tone
/// ratings; good for pop), `temperley` (Temperley 1999, revised from corpus counts; good for classical,
/// especially minor), `edma` (Faraldo et al. 2016, derived from electronic dance music).
public enum KeyProfile: String, Sendable, Hashable, Codable, CaseIterable {
  case krumhansl, temperley, edma

  /// Weights for the 12 semitones above the tonic in a major key.
  public var major: [Double] {
    switch self {
    case .krumhansl: [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
    case .temperley: [5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0]
    case .edma:
      [
        0.16519551, 0.04749026, 0.08293076, 0.06687112, 0.09994645, 0.09274123, 0.05294487,
        0.13159476,
        0.05218986, 0.07443653, 0.06940723, 0.0642515,
      ]
    }
  }

  /// Weights for the 12 semitones above the tonic in a minor key.
  public var minor: [Double] {
    switch self {
    case .krumhansl: [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]
    case .temperley: [5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0]
    case .edma:
      [
        0.17235348, 0.05336489, 0.0761009, 0.10043649, 0.05621498, 0.08527853, 0.0497915,
        0.13451001,
        0.07458916, 0.05003023, 0.09187879, 0.05545106,
      ]
    }
  }
}

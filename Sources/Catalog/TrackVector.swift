import Analysis
import Foundation
import Theory

/// The compact embedding a catalog track is searched by: 24 Float32 values, stored as a BLOB next to the
/// full ``Features`` so a query scans one contiguous matrix instead of decoding JSON.
///
/// Layout (version ``version``), each slice owned by a ``FeatureGroup``:
///
/// | index | group | value |
/// |---|---|---|
/// | 0, 1 | mood | valence, arousal, each −1…1 |
/// | 2, 3 | tempo | cos, sin of 2π·log2(BPM / 60): 60, 120 and 240 BPM share a point, so half/double time is close |
/// | 4, 5 | key | cos, sin of the Camelot position (parent major on the circle of fifths, 30° a step), times √½ |
/// | 6, 7 | key | cos, sin of the tonic on the circle of fifths, times √½ |
/// | 8 | key | +0.25 for a major third, −0.25 for a minor one |
/// | 9 | energy | 0…1: integrated loudness mapped −35…−5 LUFS → 0…1 for audio; Spotify `energy` for imported rows |
/// | 10 | brightness | log2(mean spectral centroid / 1500 Hz), clamped to ±3 |
/// | 11…22 | timbre | MFCC i means (i = 1…12) divided by ``timbreScale(_:)`` |
/// | 23 | — | zero padding so a row is three SIMD8 lanes |
///
/// The two key circles make the keys that key estimators confuse (and that musicians hear as related)
/// close, in the order MIREX key scoring credits them: a fifth apart (both circles one step) is closest,
/// then relative major/minor (same Camelot place) and parallel major/minor (same tonic), then the rest.
///
/// Groups a source cannot measure (no timbre in a Spotify table, no loudness in MIDI) are left at 0 and
/// cleared in the known-groups mask; similarity then ignores them instead of guessing. So is the tempo of
/// audio heard with a weak pulse (``Analysis/Features/hasWeakPulse``).
public enum TrackVector {
  /// Floats per row.
  public static let dimension = 24
  /// Bumped whenever the layout above changes; rows with another version are re-analysed by `catalog add`.
  public static let version = 1
  /// What MFCC coefficient `i`'s mean is divided by: 30/√i, the rough spread of librosa-style MFCC means
  /// across recordings (higher coefficients vary less), so each coefficient counts about equally.
  public static func timbreScale(_ i: Int) -> Double { 30 / Double(i).squareRoot() }

  /// The embedding and the mask of groups it knows (see ``FeatureGroup/bit``).
  public static func make(from features: Features) -> (values: [Float], known: UInt8) {
    var v = [Float](repeating: 0, count: dimension)
    var known: UInt8 = FeatureGroup.mood.bit
    v[0] = Float(max(-1, min(1, features.valence)))
    v[1] = Float(max(-1, min(1, features.arousal)))
    // A tempo heard without a steady pulse is a guess (often a metrical level off): matching on it
    // would pull a rubato draft toward tracks at an arbitrary tempo.
    if let bpm = features.tempoBPM, bpm > 0, !features.hasWeakPulse {
      let angle = 2 * Double.pi * log2(bpm / 60)
      v[2] = Float(cos(angle))
      v[3] = Float(sin(angle))
      known |= FeatureGroup.tempo.bit
    }
    if let key = features.key {
      let camelot = 2 * Double.pi * Double(camelotStep(of: key)) / 12
      let tonic = 2 * Double.pi * Double((key.tonic.pitchClass * 7) % 12) / 12
      let radius = 0.5.squareRoot()
      v[4] = Float(radius * cos(camelot))
      v[5] = Float(radius * sin(camelot))
      v[6] = Float(radius * cos(tonic))
      v[7] = Float(radius * sin(tonic))
      v[8] = key.mode.hasMinorThird ? -0.25 : 0.25
      known |= FeatureGroup.key.bit
    }
    if let energy = energy(of: features) {
      v[9] = Float(energy)
      known |= FeatureGroup.energy.bit
    }
    if let centroid = summaryValue(features, ["spectral_centroid_hz_mean"]),
      centroid > 0
    {
      v[10] = Float(max(-3, min(3, log2(centroid / 1500))))
      known |= FeatureGroup.brightness.bit
    }
    var mfccs: [Double] = []
    for i in 1...12 {
      guard let m = summaryValue(features, ["mfcc_\(i)_mean", "mfcc\(i)_mean"]) else { break }
      mfccs.append(m)
    }
    if mfccs.count == 12 {
      for (i, m) in mfccs.enumerated() { v[11 + i] = Float(m / timbreScale(i + 1)) }
      known |= FeatureGroup.timbre.bit
    }
    return (v, known)
  }

  /// Position 0…11 of a key on the circle of fifths, counted from its parent major (C major = A minor = 0,
  /// G major = E minor = 1, …): the Camelot wheel's number minus 8, modulo 12.
  public static func camelotStep(of key: Key) -> Int {
    let parentMajor = key.mode == .major ? key.tonic.pitchClass : key.relative.tonic.pitchClass
    return (parentMajor * 7) % 12
  }

  /// Energy 0…1 from a CSV's `energy` entry, else from loudness.
  static func energy(of features: Features) -> Double? {
    if let e = features.summary["energy"] { return max(0, min(1, e)) }
    if let lufs = features.loudnessLUFS, lufs.isFinite { return max(0, min(1, (lufs + 35) / 30)) }
    return nil
  }

  static func summaryValue(_ features: Features, _ names: [String]) -> Double? {
    for name in names { if let v = features.summary[name], v.isFinite { return v } }
    return nil
  }

  /// Packs floats as little-endian Float32 bytes for the `vector` BLOB.
  public static func blob(_ values: [Float]) -> Data {
    values.map { $0.bitPattern.littleEndian }.withUnsafeBufferPointer { Data(buffer: $0) }
  }

  /// Unpacks a `vector` BLOB; nil when its length is not ``dimension`` floats.
  public static func values(fromBlob data: Data) -> [Float]? {
    guard data.count == dimension * 4 else { return nil }
    return data.withUnsafeBytes { raw in
      (0..<dimension).map {
        Float(
          bitPattern: UInt32(
            littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
      }
    }
  }
}

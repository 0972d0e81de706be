import Foundation
import Theory

/// Key and mode from a 12-bin pitch-class profile (C = 0) by correlation with rotated key profiles
/// (the Krumhansl–Schmuckler method, as in Essentia's `Key`).
struct KeyEstimator {
  var profile: KeyProfile

  /// The best of the 24 major and minor keys and its Pearson correlation (the strength, -1 … 1);
  /// nil when the profile is flat or empty (silence, unpitched noise with no preferred pitch class).
  func estimate(pitchClasses: [Double]) -> (key: Key, strength: Double)? {
    precondition(pitchClasses.count == 12)
    let mean = pitchClasses.reduce(0, +) / 12
    let spread = pitchClasses.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
    guard pitchClasses.allSatisfy(\.isFinite), spread > 1e-12 * max(1, mean * mean) else {
      return nil
    }
    var best: (tonic: Int, mode: Mode, r: Double) = (0, .major, -2)
    for candidate in correlations(pitchClasses) where candidate.r > best.r { best = candidate }
    return (Self.spelled(tonic: best.tonic, mode: best.mode), best.r)
  }

  /// The correlation of `pitchClasses` with each of the 24 keys, major keys first, tonics C … B.
  func correlations(_ pitchClasses: [Double]) -> [(tonic: Int, mode: Mode, r: Double)] {
    [(Mode.major, profile.major), (Mode.minor, profile.minor)].flatMap { mode, weights in
      (0..<12).map { tonic in
        let rotated = (0..<12).map { weights[(($0 - tonic) % 12 + 12) % 12] }
        return (tonic, mode, KeyEstimator.pearson(pitchClasses, rotated))
      }
    }
  }

  /// The key on `tonic`, spelled the way its key signature does (Bb major, not A# major; F# minor,
  /// not Gb minor).
  static func spelled(tonic: Int, mode: Mode) -> Key {
    let sharps = Key(NoteClass.spelling(ofPitchClass: tonic, preferFlats: false), mode)
    let flats = Key(NoteClass.spelling(ofPitchClass: tonic, preferFlats: true), mode)
    return abs(flats.signatureAccidentals) < abs(sharps.signatureAccidentals) ? flats : sharps
  }

  static func pearson(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(a.count)
    let ma = a.reduce(0, +) / n
    let mb = b.reduce(0, +) / n
    var sab = 0.0
    var saa = 0.0
    var sbb = 0.0
    for i in a.indices {
      sab += (a[i] - ma) * (b[i] - mb)
      saa += (a[i] - ma) * (a[i] - ma)
      sbb += (b[i] - mb) * (b[i] - mb)
    }
    guard saa > 0, sbb > 0 else { return 0 }
    return sab / (saa * sbb).squareRoot()
  }
}

import Analysis
import Catalog
import Foundation
import Theory

/// Writes the one-line "why" for a reference, comparing it with the draft group by group.
enum ReferenceReason {
  /// - Parameters:
  ///   - query: the draft's features (with any mood pull already applied to valence/arousal).
  ///   - track: the catalog track.
  ///   - groups: the weighted groups of this search, so ignored groups are not mentioned.
  static func line(
    query: Features, queryVector: [Float], track: CatalogTrack, trackVector: [Float], known: UInt8,
    groups: [FeatureGroup]
  ) -> String {
    var parts: [String] = []
    let active = Set(groups)
    if active.contains(.key), let q = query.key, let t = track.key { parts.append(keyPhrase(q, t)) }
    if active.contains(.tempo), known & FeatureGroup.tempo.bit != 0, !query.hasWeakPulse,
      let q = query.tempoBPM, let t = track.tempoBPM
    {
      parts.append(tempoPhrase(q, t))
    } else if active.contains(.tempo), known & FeatureGroup.tempo.bit == 0, !query.hasWeakPulse,
      query.tempoBPM != nil, track.tempoBPM != nil
    {
      // The track's tempo was measured with too little confidence to compare (rubato, no drums):
      // saying so beats leaving the tempo out, which reads as "same tempo".
      parts.append("no steady beat")
    }
    if active.contains(.brightness), known & FeatureGroup.brightness.bit != 0 {
      let b = FeatureGroup.brightness.dimensions.lowerBound
      let delta = Double(trackVector[b] - queryVector[b])
      // "tone" keeps the sound's brightness apart from the mood's "darker" in the same line
      // ("brighter tone, darker" rather than "brighter, darker").
      parts.append(
        abs(delta) < 0.2
          ? "similar brightness"
          : delta > 0
            ? (delta > 0.6 ? "much brighter tone" : "brighter tone")
            : (delta < -0.6 ? "much warmer tone" : "warmer tone"))
    }
    if active.contains(.timbre), known & FeatureGroup.timbre.bit != 0 {
      var d = 0.0
      for i in FeatureGroup.timbre.dimensions {
        d += pow(Double(trackVector[i] - queryVector[i]), 2)
      }
      let rms = (d / 12).squareRoot()
      if rms < 0.3 {
        parts.append("similar timbre")
      } else if rms > 1 {
        parts.append("different timbre")
      }
    }
    // Energy is mentioned only where brightness is unknown (imported tables), to keep the line short.
    if active.contains(.energy), known & FeatureGroup.energy.bit != 0,
      known & FeatureGroup.brightness.bit == 0
    {
      let e = FeatureGroup.energy.dimensions.lowerBound
      let delta = Double(trackVector[e] - queryVector[e])
      if abs(delta) >= 0.1 { parts.append(delta > 0 ? "more energy" : "less energy") }
    }
    if active.contains(.mood) {
      parts.append(
        contentsOf: moodPhrases(
          dv: track.valence - query.valence, da: track.arousal - query.arousal))
    }
    return parts.isEmpty ? "close on every measure" : parts.joined(separator: ", ")
  }

  static func keyPhrase(_ q: Key, _ t: Key) -> String {
    let qMinor = q.mode.hasMinorThird
    let tMinor = t.mode.hasMinorThird
    if q.tonic.pitchClass == t.tonic.pitchClass && qMinor == tMinor { return "same key" }
    let steps = (TrackVector.camelotStep(of: t) - TrackVector.camelotStep(of: q) + 12) % 12
    let around = min(steps, 12 - steps)
    if around == 0 { return "relative \(tMinor ? "minor" : "major") (\(t.shortName))" }
    if around == 1 && qMinor == tMinor { return "neighbouring key (\(t.shortName))" }
    if q.tonic.pitchClass == t.tonic.pitchClass {
      return "parallel \(tMinor ? "minor" : "major") (\(t.shortName))"
    }
    return "key \(t.shortName), \(around) \(around == 1 ? "fifth" : "fifths") away"
  }

  static func tempoPhrase(_ q: Double, _ t: Double) -> String {
    if abs(t - q) < 1.5 { return "same tempo" }
    // A track near twice (or half) the draft's tempo feels like it in double (half) time: say so,
    // with what is left over, rather than "83 BPM faster" for 160 against 77.
    for (factor, name) in [(2.0, "double time"), (0.5, "half time")] {
      let felt = q * factor
      let off = t - felt
      if abs(off) < 0.03 * felt { return "\(name) (\(Int(t.rounded())) BPM)" }
      if abs(off) < 0.1 * felt {
        return
          "\(name), \(Int(abs(off).rounded())) BPM \(off < 0 ? "slower" : "faster") (\(Int(t.rounded())) BPM)"
      }
    }
    let diff = Int(abs(t - q).rounded())
    return "\(diff) BPM \(t < q ? "slower" : "faster")"
  }

  static func moodPhrases(dv: Double, da: Double) -> [String] {
    var parts: [String] = []
    if dv <= -0.15 { parts.append(dv <= -0.4 ? "darker" : "a bit darker") }
    if dv >= 0.15 { parts.append(dv >= 0.4 ? "happier" : "a bit happier") }
    if da <= -0.15 { parts.append(da <= -0.4 ? "calmer" : "a bit calmer") }
    if da >= 0.15 { parts.append(da >= 0.4 ? "more intense" : "a bit more intense") }
    if parts.isEmpty { parts.append("same mood") }
    return parts
  }
}

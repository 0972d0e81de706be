import Foundation
import Theory

/// What a reference track (`sketch --like REF`) lends a plan: its tempo, key and mode, energy,
/// brightness and density, each only where the user did not set it with a flag.
public struct PlanShape: Sendable, Hashable {
  /// The reference's name, for the reasons.
  public var name: String
  public var tempoBPM: Double?
  public var key: Key?
  /// The reference's arousal, −1…1 (its energy as the analysis hears it).
  public var arousal: Double?
  /// Spectral centroid in Hz (brightness).
  public var brightnessHz: Double?
  /// Onsets per second across the whole track.
  public var onsetsPerSecond: Double?

  public init(
    name: String, tempoBPM: Double? = nil, key: Key? = nil, arousal: Double? = nil,
    brightnessHz: Double? = nil, onsetsPerSecond: Double? = nil
  ) {
    self.name = name
    self.tempoBPM = tempoBPM
    self.key = key
    self.arousal = arousal
    self.brightnessHz = brightnessHz
    self.onsetsPerSecond = onsetsPerSecond
  }

  /// The overrides with the reference's tempo and key where the user gave none.
  public func overrides(_ given: PlanOverrides) -> PlanOverrides {
    var o = given
    if o.tempoBPM == nil, let t = tempoBPM {
      o.tempoBPM = min(PlanOverrides.tempoRange.upperBound, max(40, t.rounded()))
    }
    if o.key == nil, let key { o.key = key }
    return o
  }

  /// The mood with the reference's energy in place of the prompt's (the prompt keeps its valence
  /// and styles).
  public func mood(_ mood: Mood) -> Mood {
    var m = mood
    if let arousal { m.arousal = max(-1, min(1, arousal)) }
    return m
  }

  /// The plan shaped by the reference's brightness (melody register) and density (notes per beat),
  /// with a reason for everything the reference decided.
  ///
  /// - Parameter given: which of tempo and key the user fixed with flags (those stay the user's).
  public func shaped(_ plan: Plan, userTempo: Bool, userKey: Bool) -> Plan {
    var p = plan
    var reasons: [String] = []
    if !userTempo, let t = tempoBPM {
      reasons.append(
        "tempo \(Int(p.tempoBPM.rounded())) BPM: from \(name) (\(Int(t.rounded())) BPM)")
    }
    if !userKey, key != nil { reasons.append("key \(p.key): from \(name)") }
    if let arousal {
      reasons.append(
        "energy: \(name)'s arousal \(AffectFormat.signed(arousal)) in place of the prompt's")
    }
    if let hz = brightnessHz, hz.isFinite {
      // A brighter mix (centroid above about 2 kHz) gets a higher tune, up to a fourth either way.
      let shift = Int((max(-1, min(1, (hz - 2000) / 1500)) * 5).rounded())
      p.melodyRange = (plan.melodyRange.lowerBound + shift)...(plan.melodyRange.upperBound + shift)
      reasons.append(
        "melody register \(shift >= 0 ? "+" : "")\(shift) semitones: \(name)'s brightness (\(Int(hz)) Hz)"
      )
    }
    if let rate = onsetsPerSecond, rate.isFinite, rate > 0 {
      // About half a mix's onsets belong to its tune (the rest are chords, bass and drums).
      let perBeat = rate / max(0.1, p.tempoBPM / 60)
      p.melodyDensity = max(0.4, min(2.2, perBeat * 0.5))
      reasons.append(
        String(
          format: "melody %.1f notes a beat: %@ has %.1f onsets a beat", p.melodyDensity, name,
          perBeat))
    }
    // The planner's own lines for what the reference decided ("given explicitly", the mood's
    // register and density) make way for the reference's.
    let tempoFromShape = !userTempo && tempoBPM != nil
    let keyFromShape = !userKey && key != nil
    let registerFromShape = brightnessHz?.isFinite == true
    let densityFromShape = (onsetsPerSecond ?? 0) > 0
    p.reasons =
      plan.reasons.filter { line in
        !(tempoFromShape && line.hasPrefix("tempo ")) && !(keyFromShape && line.hasPrefix("key "))
          && !(registerFromShape && line.hasPrefix("melody range"))
          && !(densityFromShape && line.hasPrefix("melody ") && line.contains("notes per beat"))
      } + reasons
    return p
  }
}

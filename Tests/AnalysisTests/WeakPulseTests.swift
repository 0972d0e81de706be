import Foundation
import Testing
import Theory

@testable import Analysis

/// A tempo heard without a steady pulse is flagged as weak (``Features/hasWeakPulse``), so `analyze` can
/// say that it may be a metrical level off; a steady beat is not flagged.
@Suite struct WeakPulseTests {
  /// Soft, slowly fading piano-like tones at irregular times (gaps of 0.7–2.3 s): rubato with no beat.
  static func rubatoTones(seconds: Double, seed: UInt64) -> [Float] {
    let rate = Double(Signals.rate)
    var out = [Float](repeating: 0, count: Int(seconds * rate))
    var generator = SeededGenerator(seed: seed)
    var t = 0.3
    let scale = [60, 62, 64, 65, 67, 69, 71, 72]
    while t < seconds - 1 {
      let pitch = scale[Int(generator.nextUnit() * Double(scale.count)) % scale.count]
      let hz = 440 * pow(2, Double(pitch - 69) / 12)
      let start = Int(t * rate)
      for i in 0..<Int(2.5 * rate) where start + i < out.count {
        let time = Double(i) / rate
        let envelope = min(1, time / 0.08) * exp(-time / 0.9)
        let tone = (1...3).reduce(0.0) { sum, k in
          sum + sin(2 * Double.pi * hz * Double(k) * time) / Double(k)
        }
        out[start + i] += Float(0.25 * envelope * tone)
      }
      t += 0.7 + 1.6 * generator.nextUnit()
    }
    return out
  }

  @Test func aSteadyBeatIsNotWeak() throws {
    let analysis = Analyzer().analyzeSamples(Signals.clickTrack(bpm: 120, seconds: 20))
    let bpm = try #require(analysis.features.tempoBPM)
    #expect(abs(bpm - 120) < 2)
    #expect(analysis.features.tempoConfidence >= Features.weakPulseConfidence)
    #expect(!analysis.features.hasWeakPulse)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func rubatoWithoutABeatIsWeakOrHasNoTempo(seed: UInt64) {
    let features = Analyzer().analyzeSamples(Self.rubatoTones(seconds: 20, seed: seed)).features
    #expect(
      features.tempoBPM == nil || features.hasWeakPulse,
      "tempo \(features.tempoBPM ?? 0) at confidence \(features.tempoConfidence)")
  }

  @Test func aMIDITempoMapIsNeverWeak() {
    var features = Analyzer().analyzeSamples(Self.rubatoTones(seconds: 20, seed: 1)).features
    features.source = .midi
    features.tempoBPM = 90
    features.tempoConfidence = 0
    #expect(!features.hasWeakPulse)
  }
}

import Foundation
import Testing

@testable import Analysis

/// A 3 + 3 + 2 rhythm is heard in its beat's metre, not at its dotted grouping; a plain pulse keeps its
/// tempo.
@Suite struct MetricalLevelTests {
  let frameRate = 22050.0 / 512

  /// An onset envelope of `seconds`: a hit of `strength` at every sixteenth of `bpm` that `pattern`
  /// (over one bar of 16 sixteenths) names, with a short decay.
  func envelope(bpm: Double, seconds: Double, hits: [(sixteenths: [Int], strength: Float)])
    -> [Float]
  {
    var out = [Float](repeating: 0.01, count: Int(seconds * frameRate))
    let sixteenth = 60 / bpm / 4
    var bar = 0.0
    while bar < seconds {
      for (sixteenths, strength) in hits {
        for s in sixteenths {
          let frame = Int(((bar + Double(s) * sixteenth) * frameRate).rounded())
          guard frame + 1 < out.count else { continue }
          out[frame] += strength
          out[frame + 1] += strength * 0.4
        }
      }
      bar += 16 * sixteenth
    }
    return out
  }

  @Test func fromItsDottedGroupingATresilloMovesToItsBeat() {
    // Bossa-like at 110 BPM: the tresillo (3 + 3 + 2 sixteenths) twice a bar, loud; a soft shaker
    // on every eighth. Its dotted-eighth period (146.7 BPM) is what the prior-weighted peak can pick.
    let onsets = envelope(
      bpm: 110, seconds: 40,
      hits: [([0, 3, 6, 8, 11, 14], 1.0), ([0, 2, 4, 6, 8, 10, 12, 14], 0.25)])
    let estimator = TempoEstimator(frameRate: frameRate)
    let tempogram = estimator.meanAutocorrelation(onsets.map(Double.init))
    let dotted = Int((60 * frameRate / (110 * 4 / 3)).rounded())
    let settled = MetricalLevel.settle(lag: dotted, tempogram: tempogram, allowed: 8...200)
    // The beat's metrical family (110 or its double, the shaker's eighths): no longer a 4 : 3 tempo.
    let bpm = 60 * frameRate / Double(settled)
    let octaves = log2(bpm / 110)
    #expect(abs(octaves - octaves.rounded()) < 0.04, "settled at \(bpm) BPM")
    // And from the beat it stays.
    let beat = Int((60 * frameRate / 110).rounded())
    #expect(MetricalLevel.settle(lag: beat, tempogram: tempogram, allowed: 8...200) == beat)
  }

  @Test func aPlainPulseKeepsItsTempo() throws {
    for bpm in [96.0, 120, 140] {
      let onsets = envelope(
        bpm: bpm, seconds: 30, hits: [([0, 4, 8, 12], 1.0), ([2, 6, 10, 14], 0.3)])
      let estimate = try #require(
        TempoEstimator(frameRate: frameRate).estimate(onsetEnvelope: onsets))
      #expect(abs(estimate.bpm - bpm) / bpm < 0.03, "\(bpm) BPM heard as \(estimate.bpm)")
    }
  }

  @Test func onlyAClearlyStrongerMetreTakesOver() {
    // A tempogram with equal autocorrelation everywhere: nothing moves.
    let flat = [Double](repeating: 0.5, count: 400)
    #expect(MetricalLevel.settle(lag: 24, tempogram: flat, allowed: 8...200) == 24)
  }
}

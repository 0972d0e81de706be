import Foundation

/// The octave of a slow, sparse piece: when fewer than half of the tracked beats could carry an onset,
/// the beat found is a subdivision, and half the tempo is the one a listener taps.
///
/// The autocorrelation tempo with librosa's prior centred on 120 BPM picks the faster of two metrical
/// levels whenever both are in the envelope: slow ambient and cinematic sketches at 64–77 BPM, with an
/// onset every beat or two, were heard at 128–154 BPM (16 of 88 sketch renders in
/// Benchmarks/mood/sketch_renders.sh), which made calm music read as lively. A pulse is salient to the
/// degree that events fall on it (Parncutt 1994, "A perceptual model of pulse salience and metrical
/// accent in musical rhythms", Music Perception 11(4)), and a level whose beats are mostly silent is
/// heard as a subdivision: at 0.7 onsets per second a 136 BPM beat is sounded one time in three, a
/// 68 BPM one two times in three.
enum SparsePulse {
  /// Below this many onsets per beat, the tempo is halved.
  static let minimumOnsetsPerBeat = 0.5
  /// Never halve below this tempo (the slow end of the preferred tapping range).
  static let slowestBPM = 40.0

  /// The estimate at the level that carries the onsets: halved (with every other beat kept, on the
  /// phase where the onset envelope is stronger) while under half of its beats could be sounded.
  static func settle(
    _ estimate: TempoEstimator.Estimate, onsetRate: Double, envelope: [Float], frameRate: Double
  ) -> TempoEstimator.Estimate {
    var estimate = estimate
    while onsetRate < minimumOnsetsPerBeat * estimate.bpm / 60, estimate.bpm / 2 >= slowestBPM {
      estimate.bpm /= 2
      let strength = { (phase: Int) -> Double in
        stride(from: phase, to: estimate.beats.count, by: 2).reduce(0.0) { sum, index in
          let frame = Int((estimate.beats[index] * frameRate).rounded())
          return sum + (envelope.indices.contains(frame) ? Double(envelope[frame]) : 0)
        }
      }
      let phase = strength(1) > strength(0) ? 1 : 0
      estimate.beats = stride(from: phase, to: estimate.beats.count, by: 2).map {
        estimate.beats[$0]
      }
    }
    return estimate
  }
}

import Affect
import Foundation
import Theory

/// Choosing each melody pitch: the trained step and chord-tone models as a product of experts,
/// bent towards the phrase's contour and, where the phrase plan asks, towards a motif's step.
extension MelodyGenerator {
  struct PitchState {
    var previous: Int?
    var steps: [String]
    /// The last few pitches, oldest first.
    var recent: [Int] = []

    mutating func push(pitch: Int, step: Int) {
      if previous != nil { steps = Array((steps + [MelodyVocabulary.stepToken(step)]).suffix(2)) }
      previous = pitch
      recent = Array((recent + [pitch]).suffix(4))
    }
  }

  /// What the phrase plan wants of one note.
  struct NoteWish {
    /// The step from the previous note a motif asks for, and how firmly (a restatement insists,
    /// a development lets the harmony bend it).
    var step: Int?
    var firmness: Double = 6
    /// Where the contour would put the note (a MIDI pitch, fractional).
    var target: Double
    var endOfPhrase = false
    var home = false
  }

  func tonicToken(_ plan: Plan) -> String { ChordToken.tonic(for: plan.key.mode) }

  func chord(at onset16: Int, sixteenth: Int, in chords: [GeneratedChord]) -> GeneratedChord? {
    let tick = onset16 * sixteenth
    return chords.last { $0.start <= tick } ?? chords.first
  }

  /// The arch a phrase leans towards: from its base height up to a peak at `peakAt` (a fraction of
  /// the phrase), then down. The section's climax phrase peaks near the top of the range.
  func contourTarget(
    range: ClosedRange<Int>, progress: Double, base: Double, peak: Double, peakAt: Double
  )
    -> Double
  {
    let low = Double(range.lowerBound)
    let span = Double(range.upperBound - range.lowerBound)
    let shape =
      progress <= peakAt
      ? sin(Double.pi / 2 * progress / peakAt)
      : cos(Double.pi / 2 * min(1, (progress - peakAt) / max(0.1, 1 - peakAt)))
    return low + span * (base + peak * shape)
  }

  func choosePitch(
    state: PitchState, chord: GeneratedChord, plan: Plan, range: ClosedRange<Int>, position16: Int,
    bar16: Int, beat16: Int, wish: NoteWish, generator: inout SeededGenerator
  ) -> Int {
    let key = plan.key
    let chordPCs = Set(chord.chord.pitchClasses)
    // The chord's scale: the key's scale with its notes bent to the chord's own chromatic tones
    // (G♯ over E in A minor, G♭ and C♭ over a borrowed ♭VI in E♭), so passing notes never rub against the harmony.
    var scale = Set(key.scalePitchClasses)
    for pc in chordPCs where !scale.contains(pc) {
      scale.remove((pc + 1) % 12)
      scale.remove((pc + 11) % 12)
      scale.insert(pc)
    }
    scale.formUnion(chordPCs)
    let root = chord.chord.root.pitchClass
    let metric = MelodyVocabulary.metricClass(
      position16: position16, barLength16: bar16, beatLength16: beat16)
    let strong = metric == "S" || wish.endOfPhrase
    let chordTones = memos.chordTones.distribution(after: [
      MelodyVocabulary.chordClass(chord.chord.quality), metric,
    ])
    let steps = memos.steps.distribution(after: state.steps)
    var candidates: [Int] = []
    var weights: [Double] = []
    for p in range {
      let pc = p % 12
      let isChordTone = chordPCs.contains(pc)
      // Scale tones, plus chord tones outside the scale (a borrowed chord's note); never a semitone
      // clash with the chord on a strong beat.
      guard scale.contains(pc) || isChordTone else { continue }
      if strong, !isChordTone, chordPCs.contains((pc + 11) % 12) { continue }
      if wish.home, pc != key.tonic.pitchClass { continue }
      var w = 1.0
      let above = (pc - root + 12) % 12
      // The chord-tone model already holds POP909's share of non-chord tones on strong beats
      // (about a quarter: appoggiaturas, suspensions); a light extra push keeps lines anchored.
      w *= chordTones[model.melodyChordTones.index(of: "\(above)") ?? 0]
      if strong, !isChordTone { w *= 0.8 }
      if wish.endOfPhrase, !isChordTone { w *= 0.05 }
      if let previous = state.previous {
        let step =
          MelodyVocabulary.diatonicIndex(of: p, in: key)
          - MelodyVocabulary.diatonicIndex(of: previous, in: key)
        if let forced = wish.step {
          let miss = abs(step - forced)
          w *= miss == 0 ? wish.firmness : (miss == 1 ? 0.5 : 0.04)
        }
        w *= steps[model.melodySteps.index(of: MelodyVocabulary.stepToken(step)) ?? 0]
        if abs(p - previous) > 9 { w *= 0.2 }
        // POP909's sung lines repeat notes for syllables (which is why its step share is only 44 %);
        // played by an instrument many repeats sound stuck, so they are damped a little, and a third
        // in a row is ruled out even where a motif asks for it.
        if p == previous { w *= state.steps.suffix(1) == ["+0"] ? 0.002 : 0.55 }
        // Trilling between two notes (B C B C) is a figure, not a tune.
        if state.recent.count >= 3, p == state.recent[state.recent.count - 2],
          previous == state.recent[state.recent.count - 3]
        {
          w *= 0.05
        }
      } else {
        // The first note: a chord tone, ideally the root or fifth.
        w *= isChordTone ? (above == 0 || above == 7 ? 3 : 1.5) : 0.05
      }
      let distance =
        (Double(p) - wish.target) / max(3, Double(range.upperBound - range.lowerBound) / 3)
      w *= exp(-0.5 * distance * distance)
      candidates.append(p)
      weights.append(w)
    }
    guard !candidates.isEmpty else {
      // No scale tone fits (a tiny range): the pitch nearest the target.
      return Int(wish.target.rounded())
    }
    // Sharpen: the product of experts is already broad.
    let sharpened = weights.map { pow($0, 1.2) }
    return candidates[ChordGenerator.sampleNucleus(sharpened, topP: 0.95, generator: &generator)]
  }
}

import Affect
import Foundation
import Theory

/// Bar rhythms for the melody: drawn from the trained rhythm model to a planned number of notes,
/// compound-metre figures, and the breathing landing of a phrase.
extension MelodyGenerator {
  /// A length from the (4/4-trained) rhythm model, in sixteenths, fitted to the metre: a sixteenth
  /// is the same note value in every simple metre, while compound metres (6/8, 12/8) move in eighths,
  /// so there odd lengths round up to the eighth grid.
  static func fitted(_ length16: Int, compound: Bool) -> Int {
    compound ? max(2, (length16 + 1) / 2 * 2) : max(1, length16)
  }

  /// One bar with about `notes` notes: several bars are drawn from the rhythm model and the one
  /// whose note count is nearest a stochastic rounding of `notes` is kept, so a plan's density is
  /// honoured on average (the model alone drifts towards POP909's eighth-note pace).
  func drawBar(
    notes: Double, bar16: Int, beat16: Int, sustain: Double = 1, avoiding: [Motif.Onset]? = nil,
    generator: inout SeededGenerator
  ) -> [Motif.Onset] {
    let floor = Int(notes.rounded(.down))
    let wanted = max(1, floor + (generator.nextUnit() < notes - Double(floor) ? 1 : 0))
    var best: [Motif.Onset] = []
    var bestScore = Double.infinity
    for _ in 0..<16 {
      let bar = drawRhythm(
        bar16: bar16, beat16: beat16, notesPerBar: Double(wanted), sustain: sustain,
        generator: &generator)
      var score = Double(abs(bar.count - wanted))
      if let avoiding, bar == avoiding { score += 2 }
      if score < bestScore {
        best = bar
        bestScore = score
      }
      if score == 0 { break }
    }
    return best
  }

  /// One bar of onsets and lengths in sixteenths, drawn from the rhythm model.
  /// `sustain` favours long notes on the strong beats (held notes between quicker ones, which give a
  /// sung line its uneven pace).
  func drawRhythm(
    bar16: Int, beat16: Int, notesPerBar: Double, sustain: Double = 1,
    generator: inout SeededGenerator
  ) -> [Motif.Onset] {
    let compound = beat16 % 3 == 0
    let density = notesPerBar * Double(beat16) / Double(bar16)
    if compound {
      return drawCompoundRhythm(
        bar16: bar16, beat16: beat16, density: density, generator: &generator)
    }
    let table = model.melodyRhythm
    let targetIOI = max(1, min(16, Double(bar16) / max(0.5, notesPerBar)))
    var result: [Motif.Onset] = []
    var position = 0
    // Phrases often start after the downbeat, as a singer breathes in.
    let late = generator.nextUnit()
    if late < 0.1, beat16 >= 2 { position = beat16 / 2 } else if late < 0.16 { position = beat16 }
    var previous = "<s>"
    while position < bar16 {
      let cls = MelodyVocabulary.positionClass(
        position16: position, barLength16: bar16, beatLength16: beat16)
      var weights = memos.rhythm.distribution(after: [previous, cls])
      for (i, token) in table.outcomes.enumerated() {
        guard let (length, rest) = MelodyVocabulary.parseRhythm(token) else {
          weights[i] = 0
          continue
        }
        let ioi = Double(Self.fitted(length + rest, compound: compound))
        // Density pulls lengths towards the target spacing; sparse lines may rest more.
        weights[i] *= exp(-0.9 * abs(log(ioi / targetIOI))) * (rest > 0 ? 0.6 : 1)
        // An off-beat note held across the beat (the push of sung pop lines): the density pull
        // above would otherwise thin out these longer off-beat notes.
        if position % beat16 != 0, position % beat16 + length > beat16 { weights[i] *= 1.8 }
        if cls == "D0" || cls == "S0" {
          weights[i] *= length >= 8 ? sustain : (length >= 4 ? sustain.squareRoot() : 1)
        }
        if position + Int(ioi.rounded()) > bar16 + beat16 { weights[i] = 0 }
      }
      let choice = ChordGenerator.sampleNucleus(weights, topP: 0.92, generator: &generator)
      let token = table.outcomes[choice]
      guard let (length, rest) = MelodyVocabulary.parseRhythm(token) else { break }
      let len = Self.fitted(length, compound: compound)
      let ioi = max(len, Self.fitted(length + rest, compound: compound))
      result.append(Motif.Onset(offset: position, length: min(len, bar16 - position)))
      position += ioi
      previous = token
    }
    return result
  }

  /// The last bar of a phrase: a landing note held, then at least a beat of breath. It lands on the
  /// downbeat (after a sparse line, or in short bars) or on the middle of the bar after a lead-in,
  /// which is the head of the phrase's motif when there is one. The piece's last bar holds its note.
  func cadenceBar(
    bar16: Int, beat16: Int, notesPerBar: Double, lead: Motif?, finalBar: Bool, longBreath: Double,
    heldLanding: Double = 0, generator: inout SeededGenerator
  ) -> (rhythm: [Motif.Onset], leadSteps: [Int]) {
    let beats = bar16 / max(1, beat16)
    if finalBar {
      // Held through the bar: the release (``MelodyGenerator/longestReleaseGap16``) is the only
      // silence before the end, as when a singer holds the last note with the band.
      return ([Motif.Onset(offset: 0, length: bar16)], [])
    }
    let held = heldLanding > 0 && generator.nextUnit() < heldLanding
    let breath = held ? 0 : (beats >= 4 && generator.nextUnit() < longBreath ? 2 * beat16 : beat16)
    let landOnDownbeat =
      beats < 4 || beat16 % 3 == 0 || generator.nextUnit() < (notesPerBar < 3 ? 0.8 : 0.5)
    if landOnDownbeat {
      // Some landings lead into the next phrase, as sung lines do: the note held two beats or more,
      // a beat of breath, then a pickup on the last beat or its second half. Besides the varied bar
      // rhythm, this gives the long onset gaps of the songs (POP909: 4.3 % of a melody's onset
      // intervals are 3 beats or more; ours were 1.8 %, with a narrower spread of timing).
      if beats >= 4, beat16 % 2 == 0, generator.nextUnit() < 0.4 {
        let pickup = generator.nextUnit() < 0.5 ? bar16 - beat16 : bar16 - beat16 / 2
        let length =
          held ? pickup : min(pickup - beat16, (generator.nextUnit() < 0.5 ? 2 : 3) * beat16)
        return (
          [
            Motif.Onset(offset: 0, length: length),
            Motif.Onset(offset: pickup, length: bar16 - pickup),
          ], []
        )
      }
      return ([Motif.Onset(offset: 0, length: max(beat16, bar16 - breath))], [])
    }
    let half = bar16 / 2
    var rhythm: [Motif.Onset] = []
    var steps: [Int] = []
    if let lead, generator.nextUnit() < 0.65 {
      for (i, onset) in lead.rhythm.enumerated() where onset.offset < half {
        rhythm.append(
          Motif.Onset(offset: onset.offset, length: min(onset.length, half - onset.offset)))
        steps.append(lead.steps[i])
      }
    } else {
      rhythm = drawRhythm(
        bar16: half, beat16: beat16, notesPerBar: max(1, notesPerBar / 2), generator: &generator)
    }
    let length = max(beat16, bar16 - half - min(breath, half - beat16))
    rhythm.append(Motif.Onset(offset: half, length: length))
    return (rhythm, steps)
  }

  /// The figures a compound beat is made of, in sixths of the beat (sixteenths of a 6/8 dotted quarter):
  /// ♩. / ♩ ♪ (the jig's long–short) / ♪ ♪ ♪ / ♪ ♩ / ♪. ♬ ♪ (the siciliano's dotted figure).
  static let compoundFigures: [[Int]] = [[6], [4, 2], [2, 2, 2], [2, 4], [3, 1, 2]]
  /// How common each figure is in compound-time melodies, before density: long–short and running
  /// eighths carry most jigs and barcarolles, the dotted figure is a colour.
  static let compoundFigureWeights: [Double] = [0.7, 1.4, 1.2, 0.6, 0.35]

  /// One bar of a compound metre, beat by beat. The rhythm model was learned from 4/4 pop, whose
  /// sixteenth patterns put notes off the eighth-note grid of 6/8 and never give its lilt, so compound
  /// bars are built from the standard figures of a compound beat instead: each beat draws a figure
  /// whose note count is near the planned density, and a later beat repeats the previous figure half the
  /// time (a jig's bar is usually two of the same figure). Figures that do not fit the sixteenth grid
  /// (the siciliano in 6/16) are left out.
  func drawCompoundRhythm(
    bar16: Int, beat16: Int, density: Double, generator: inout SeededGenerator
  ) -> [Motif.Onset] {
    let usable = zip(Self.compoundFigures, Self.compoundFigureWeights).filter { figure, _ in
      figure.allSatisfy { $0 * beat16 % 6 == 0 }
    }
    let figures = usable.map { figure, _ in figure.map { $0 * beat16 / 6 } }
    let target = max(0.5, density)
    let weights = zip(figures, usable).map { figure, entry in
      entry.1 * exp(-1.2 * abs(log(Double(figure.count) / target)))
    }
    var result: [Motif.Onset] = []
    var previous: Int?
    var beatStart = 0
    // As in simple time, a phrase sometimes starts just after the downbeat: here, a third of a beat late.
    let breath = generator.nextUnit() < 0.2
    while beatStart + beat16 <= bar16 {
      let choice: Int
      if let previous, generator.nextUnit() < 0.5 {
        choice = previous
      } else {
        choice = ChordGenerator.sampleNucleus(weights, topP: 0.95, generator: &generator)
      }
      var offset = beatStart
      for length in figures[choice] {
        if !(breath && beatStart == 0 && offset < beat16 / 3) {
          result.append(Motif.Onset(offset: offset, length: length))
        }
        offset += length
      }
      previous = choice
      beatStart += beat16
    }
    return result
  }
}

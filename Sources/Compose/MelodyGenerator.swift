import Affect
import Foundation
import Theory

/// Writes the melody over a generated progression.
///
/// Rhythm and pitch come from three trained tables, combined as a product of experts for each note:
/// the rhythm model (next note length/rest after the previous one and the metric position), the step
/// model (next scale step after the previous two) and the chord-tone model (pitch class above the
/// chord root on strong, other and off beats). On top of them:
/// - **Density** (`melodyDensity`, notes per beat): note lengths are weighted towards the implied
///   inter-onset interval.
/// - **Range and contour** (`melodyRange`): pitches outside the range are excluded; each phrase
///   follows an arch (rising to about two thirds of the phrase, then falling), answer phrases a little lower.
/// - **Chord tones on strong beats**: a non-chord tone on the downbeat or beat 3 keeps a fifth of its weight.
/// - **Phrase structure** (``Form``): within a 4-bar phrase bar 3 repeats bar 1's rhythm and
///   intervals (a motif and its sequence), bar 4 ends on a long chord tone followed by a rest; an
///   answer phrase repeats the opening half of the first phrase; the piece ends on the tonic.
public struct MelodyGenerator {
  public let model: CompositionModel

  /// Per-piece caches of the three tables' distributions (so a generator is made per piece, not shared across threads).
  let memos: Memos

  struct Memos {
    let rhythm: DistributionMemo
    let steps: DistributionMemo
    let chordTones: DistributionMemo
  }

  public init(model: CompositionModel) {
    self.model = model
    memos = Memos(
      rhythm: DistributionMemo(model.melodyRhythm), steps: DistributionMemo(model.melodySteps),
      chordTones: DistributionMemo(model.melodyChordTones))
  }

  struct Note: Hashable {
    var onset16: Int
    var length16: Int
    var pitch: Int
  }

  /// The melody notes (start, duration in ticks; pitch; velocity) for the chords of a plan.
  public func generate(
    _ plan: Plan, form: Form, chords: [GeneratedChord], ticksPerQuarter: Int,
    generator: inout SeededGenerator
  ) -> [NoteEvent] {
    let sixteenth = max(1, ticksPerQuarter / 4)
    let bar16 = plan.meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter) / sixteenth
    let beat16 = max(1, plan.meter.ticksPerBeat(ticksPerQuarter: ticksPerQuarter) / sixteenth)
    let range =
      plan.melodyRange
      .lowerBound...max(plan.melodyRange.lowerBound + 12, plan.melodyRange.upperBound)
    var state = PitchState(previous: nil, steps: ["<s>"])
    var notes: [Note] = []
    var phraseNotes: [Form.Label: (bars: Int, chords: [String], notes: [Note])] = [:]

    for (phraseIndex, phrase) in form.phrases.enumerated() {
      let first16 = phrase.firstBar * bar16
      let phraseChords = chords.filter {
        $0.bar >= phrase.firstBar && $0.bar < phrase.firstBar + phrase.bars
      }
      let tokens = phraseChords.map(\.token)
      let isFinal = phraseIndex == form.phrases.count - 1
      // A repeated phrase over the same chords repeats its melody; the last phrase always gets its own ending.
      if let earlier = phraseNotes[phrase.label], earlier.bars == phrase.bars,
        earlier.chords == tokens, !isFinal
      {
        notes += earlier.notes.map {
          Note(onset16: $0.onset16 + first16, length16: $0.length16, pitch: $0.pitch)
        }
        state.previous = notes.last?.pitch
        continue
      }
      var mine: [Note] = []
      var copiedBars = 0
      var motifFromCopy: [(offset: Int, length: Int, step: Int)] = []
      let firstHalf = phraseChords.filter { $0.bar < phrase.firstBar + phrase.bars / 2 }.map(
        \.token)
      if phrase.label == .answer, let a = phraseNotes[.a], a.bars == phrase.bars,
        !firstHalf.isEmpty,
        Array(a.chords.prefix(firstHalf.count)) == firstHalf
      {
        // The answer restates the question's first half, then goes its own way.
        copiedBars = phrase.bars / 2
        mine = a.notes.filter { $0.onset16 < copiedBars * bar16 }.map {
          Note(
            onset16: $0.onset16 + first16,
            length16: min($0.length16, copiedBars * bar16 - $0.onset16), pitch: $0.pitch)
        }
        if let last = mine.last { state.previous = last.pitch }
        // The copied opening bar is still the phrase's motif, for bar 3 to answer.
        let key = harmonyKey(plan)
        var before: Int?
        for note in mine where note.onset16 < first16 + bar16 {
          let step = before.map {
            MelodyVocabulary.diatonicIndex(of: note.pitch, in: key)
              - MelodyVocabulary.diatonicIndex(of: $0, in: key)
          }
          motifFromCopy.append((note.onset16 - first16, note.length16, step ?? 0))
          before = note.pitch
        }
      }
      var motif = motifFromCopy
      for barInPhrase in copiedBars..<phrase.bars {
        let bar = phrase.firstBar + barInPhrase
        let barStart = bar * bar16
        let isCadenceBar = barInPhrase == phrase.bars - 1
        var rhythm: [(offset: Int, length: Int)]
        let reuseMotif = barInPhrase == 2 && !motif.isEmpty && !isCadenceBar
        if reuseMotif {
          rhythm = motif.map { ($0.offset, $0.length) }
        } else {
          rhythm = drawRhythm(
            bar16: bar16, beat16: beat16, density: plan.melodyDensity, cadence: isCadenceBar,
            finalBar: isCadenceBar && isFinal, generator: &generator)
        }
        var barNotes: [Note] = []
        for (i, r) in rhythm.enumerated() {
          let onset = barStart + r.offset
          guard let chord = chord(at: onset, sixteenth: sixteenth, in: chords) else { continue }
          let progress =
            Double(barInPhrase * bar16 + r.offset) / Double(max(1, phrase.bars * bar16))
          let target = contourTarget(
            range: range, progress: progress, answer: phrase.label == .answer)
          let isLastNote = isCadenceBar && i == rhythm.count - 1
          var forcedStep: Int?
          if reuseMotif, i > 0, i < motif.count { forcedStep = motif[i].step }
          let pitch = choosePitch(
            state: state, chord: chord, plan: plan, range: range, position16: r.offset,
            bar16: bar16, beat16: beat16,
            target: target, forcedStep: forcedStep, endOfPhrase: isLastNote,
            home: isLastNote && (isFinal || phrase.cadencesHome) && chord.token == tonicToken(plan),
            generator: &generator)
          let step =
            state.previous.map {
              MelodyVocabulary.diatonicIndex(of: pitch, in: harmonyKey(plan))
                - MelodyVocabulary.diatonicIndex(of: $0, in: harmonyKey(plan))
            } ?? 0
          state.push(pitch: pitch, step: step)
          barNotes.append(Note(onset16: onset, length16: r.length, pitch: pitch))
          if barInPhrase == 0 { motif.append((r.offset, r.length, step)) }
        }
        mine += barNotes
      }
      notes += mine
      phraseNotes[phrase.label] = (
        phrase.bars, tokens,
        mine.map { Note(onset16: $0.onset16 - first16, length16: $0.length16, pitch: $0.pitch) }
      )
      // A rest ends each phrase: the next one starts its own line.
      state.steps = ["<s>"]
    }
    return notes.map { note in
      let strong = MelodyVocabulary.isStrong(
        position16: note.onset16 % bar16, barLength16: bar16, beatLength16: beat16)
      let onBeat = note.onset16 % beat16 == 0
      let accent = strong ? 8 : (onBeat ? 2 : -5)
      let height = (note.pitch - range.lowerBound) / 4
      let velocity = max(
        1, min(127, plan.velocity + 6 + accent + height + generator.int(in: -3...3)))
      let sounding = max(
        sixteenth / 2, Int(Double(note.length16 * sixteenth) * min(1, max(0.3, plan.articulation))))
      return NoteEvent(
        start: note.onset16 * sixteenth, duration: sounding, pitch: Pitch(note.pitch),
        velocity: velocity)
    }
  }

  // MARK: - Rhythm

  /// A length from the (4/4-trained) rhythm model, in sixteenths, fitted to the metre: a sixteenth
  /// is the same note value in every simple metre, while compound metres (6/8, 12/8) move in eighths,
  /// so there odd lengths round up to the eighth grid.
  static func fitted(_ length16: Int, compound: Bool) -> Int {
    compound ? max(2, (length16 + 1) / 2 * 2) : max(1, length16)
  }

  /// One bar of onsets and lengths in sixteenths, drawn from the rhythm model.
  func drawRhythm(
    bar16: Int, beat16: Int, density: Double, cadence: Bool, finalBar: Bool,
    generator: inout SeededGenerator
  ) -> [(offset: Int, length: Int)] {
    if finalBar { return [(0, bar16)] }
    let compound = beat16 % 3 == 0
    if compound, !cadence {
      return drawCompoundRhythm(
        bar16: bar16, beat16: beat16, density: density, generator: &generator)
    }
    let table = model.melodyRhythm
    let targetIOI = max(1, min(16, Double(beat16) / max(0.25, density)))
    // A cadence bar lands on its long note at the middle of the bar (or on the downbeat when short).
    let landing = cadence ? (bar16 >= 4 * beat16 ? bar16 / 2 : 0) : bar16
    var result: [(offset: Int, length: Int)] = []
    var position = 0
    // Phrases often start just after the downbeat, as a singer breathes in.
    if !cadence, generator.nextUnit() < 0.2, beat16 >= 2 { position = beat16 / 2 }
    var previous = "<s>"
    while position < landing {
      let cls = MelodyVocabulary.positionClass(
        position16: position, barLength16: bar16, beatLength16: beat16)
      var weights = memos.rhythm.distribution(after: [previous, cls])
      for (i, token) in table.outcomes.enumerated() {
        guard let (length, rest) = MelodyVocabulary.parseRhythm(token) else {
          weights[i] = 0
          continue
        }
        let ioi = Double(Self.fitted(length + rest, compound: compound))
        // Rests mid-phrase are rarer; density pulls lengths towards the target spacing.
        weights[i] *= exp(-0.8 * abs(log(ioi / targetIOI))) * (rest > 0 ? 0.5 : 1)
        // A longer note on a strong beat lets the line breathe instead of running in even eighths.
        if cls == "D0" || cls == "S0", length >= 4 { weights[i] *= 1.6 }
        if position + Int(ioi.rounded()) > bar16 + beat16 { weights[i] = 0 }
      }
      let choice = ChordGenerator.sampleNucleus(weights, topP: 0.92, generator: &generator)
      let token = table.outcomes[choice]
      guard let (length, rest) = MelodyVocabulary.parseRhythm(token) else { break }
      let len = Self.fitted(length, compound: compound)
      let ioi = max(len, Self.fitted(length + rest, compound: compound))
      result.append((position, min(len, bar16 - position)))
      position += ioi
      previous = token
    }
    if cadence {
      // Hold the landing note, leaving a beat of breath before the next phrase.
      let start =
        result.isEmpty || landing == 0 ? landing : max(landing, (result.last?.offset ?? 0) + 1)
      if start < bar16 {
        let length = max(beat16, bar16 - start - max(1, beat16 / 2))
        result.append((start, min(length, bar16 - start)))
      }
      result = result.filter { $0.offset <= start }
    }
    return result.filter { $0.offset < bar16 }
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
  ) -> [(offset: Int, length: Int)] {
    let usable = zip(Self.compoundFigures, Self.compoundFigureWeights).filter { figure, _ in
      figure.allSatisfy { $0 * beat16 % 6 == 0 }
    }
    let figures = usable.map { figure, _ in figure.map { $0 * beat16 / 6 } }
    let target = max(0.5, density)
    let weights = zip(figures, usable).map { figure, entry in
      entry.1 * exp(-1.2 * abs(log(Double(figure.count) / target)))
    }
    var result: [(offset: Int, length: Int)] = []
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
          result.append((offset, length))
        }
        offset += length
      }
      previous = choice
      beatStart += beat16
    }
    return result
  }

  // MARK: - Pitch

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

  func harmonyKey(_ plan: Plan) -> Key { plan.key }

  func tonicToken(_ plan: Plan) -> String { plan.key.mode.hasMinorThird ? "i" : "I" }

  func chord(at onset16: Int, sixteenth: Int, in chords: [GeneratedChord]) -> GeneratedChord? {
    let tick = onset16 * sixteenth
    return chords.last { $0.start <= tick } ?? chords.first
  }

  /// The arch a phrase's melody leans towards: from the lower middle up to near the top at about
  /// 60 % of the phrase, then down; answers sit a little lower so the cadence sounds like coming home.
  func contourTarget(range: ClosedRange<Int>, progress: Double, answer: Bool) -> Double {
    let low = Double(range.lowerBound)
    let span = Double(range.upperBound - range.lowerBound)
    let arch = sin(Double.pi * min(1, progress / 1.2 + 0.1))
    return low + span * (answer ? 0.3 : 0.38) + span * 0.32 * arch
  }

  func choosePitch(
    state: PitchState, chord: GeneratedChord, plan: Plan, range: ClosedRange<Int>, position16: Int,
    bar16: Int,
    beat16: Int, target: Double, forcedStep: Int?, endOfPhrase: Bool, home: Bool,
    generator: inout SeededGenerator
  ) -> Int {
    let key = harmonyKey(plan)
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
    let strong = metric == "S" || endOfPhrase
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
      if home, pc != key.tonic.pitchClass { continue }
      var w = 1.0
      let above = (pc - root + 12) % 12
      w *= chordTones[model.melodyChordTones.index(of: "\(above)") ?? 0]
      if strong, !isChordTone { w *= 0.4 }
      if endOfPhrase, !isChordTone { w *= 0.05 }
      if let previous = state.previous {
        let step =
          MelodyVocabulary.diatonicIndex(of: p, in: key)
          - MelodyVocabulary.diatonicIndex(of: previous, in: key)
        if let forced = forcedStep {
          w *= step == forced ? 4 : (abs(step - forced) == 1 ? 0.6 : 0.08)
        }
        w *= steps[model.melodySteps.index(of: MelodyVocabulary.stepToken(step)) ?? 0]
        if abs(p - previous) > 9 { w *= 0.15 }
        // POP909's sung lines repeat notes for syllables; played by an instrument that sounds stuck,
        // so repeats are damped, and a third in a row nearly ruled out.
        if p == previous { w *= state.steps.suffix(1) == ["+0"] ? 0.005 : 0.25 }
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
      let distance = (Double(p) - target) / max(3, Double(range.upperBound - range.lowerBound) / 3)
      w *= exp(-0.5 * distance * distance)
      candidates.append(p)
      weights.append(w)
    }
    guard !candidates.isEmpty else {
      // No scale tone fits (a tiny range): the chord root nearest the target.
      return Int(target.rounded())
    }
    // Sharpen: the product of experts is already broad.
    let sharpened = weights.map { pow($0, 1.2) }
    return candidates[ChordGenerator.sampleNucleus(sharpened, topP: 0.95, generator: &generator)]
  }
}

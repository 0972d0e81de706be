import Affect
import Theory

/// Writes one phrase bar by bar from its ``BarOp`` plan: draws or develops the motif, then chooses
/// every pitch with ``MelodyGenerator/choosePitch``.
struct PhraseWriter {
  let frame: MelodyGenerator.Frame
  let phrase: Form.Phrase
  let isFinal: Bool
  let climax: Bool
  /// The chance that the phrase's second bar ends early on a held note and a rest (2 + 2 phrasing).
  let midBreath: Double
  /// The bars of the phrase this one answers or restates (empty for a statement).
  let source: [MelodyGenerator.WrittenBar]
  /// The bars as written, for later answers and returns.
  private(set) var bars: [MelodyGenerator.WrittenBar] = []
  private var motif: Motif?
  private var motifStart = 0

  init(
    frame: MelodyGenerator.Frame, phrase: Form.Phrase, isFinal: Bool, climax: Bool,
    midBreath: Double, source: [MelodyGenerator.WrittenBar]
  ) {
    self.midBreath = midBreath
    self.frame = frame
    self.phrase = phrase
    self.isFinal = isFinal
    self.climax = climax
    self.source = source
  }

  /// The height (share of the range) a phrase starts from and how far its arch rises: contrasting
  /// material sits higher; the climax phrase rises furthest and latest.
  var contour: (base: Double, peak: Double, peakAt: Double) {
    let base: Double
    switch phrase.label {
    case .a: base = 0.28
    case .answer: base = 0.24
    case .b: base = 0.4
    case .bAnswer: base = 0.36
    case .c: base = 0.34
    }
    return climax ? (base, 0.56, 0.7) : (base, 0.38, 0.55)
  }

  mutating func write(
    ops: [BarOp], generator g: MelodyGenerator, state: inout MelodyGenerator.PitchState,
    random: inout SeededGenerator
  ) -> [MelodyGenerator.Note] {
    let key = frame.plan.key
    let count = ops.count
    // The landing bar is thin (and a resting bar nearly empty); the other bars make up for them so
    // the phrase keeps the planned density.
    let resting = ops.last == .rest
    let thin = (isFinal ? 1 : min(frame.notesPerBar, 2)) + (resting ? 0.5 : 0)
    let full = count - (resting ? 2 : 1)
    let busy =
      full > 0
      ? max(
        1, min(frame.notesPerBar * 1.2, (frame.notesPerBar * Double(count) - thin) / Double(full)))
      : frame.notesPerBar
    var notes: [MelodyGenerator.Note] = []
    for (i, op) in ops.enumerated() {
      let barStart = (phrase.firstBar + i) * frame.bar16
      var rhythm: [Motif.Onset] = []
      var steps: [Int?] = []
      var start: Int?
      var firmness = 8.0
      // Notes whose step a variation changed: they must sound changed, so the harmony may not pull
      // them back to the original.
      var changed: Set<Int> = []
      func develop(_ m: Motif, from degree: Int, original: Motif? = nil) {
        rhythm = m.rhythm
        steps = m.steps.enumerated().map { $0.offset == 0 ? nil : $0.element }
        start = degree
        if let original, original.rhythm == m.rhythm {
          changed = Set(m.steps.indices.filter { $0 > 0 && m.steps[$0] != original.steps[$0] })
        }
      }
      switch op {
      case .newMotif, .free:
        rhythm = g.drawBar(
          notes: busy, bar16: frame.bar16, beat16: frame.beat16, sustain: frame.sustain,
          avoiding: op == .free ? motif?.rhythm : nil, generator: &random)
        steps = rhythm.map { _ in nil }
      case .sequence(let shift):
        // A sequence often bends its rhythm to the words: still heard as the motif moved.
        if let motif {
          develop(
            random.nextUnit() < 0.35 ? motif.rhythmicallyVaried(generator: &random) : motif,
            from: motifStart + shift)
          // Its shape is what makes it a sequence, so the harmony may bend it less than a variation.
          firmness = 20
        }
      case .varyRhythm(let shift):
        if let motif {
          develop(motif.rhythmicallyVaried(generator: &random), from: motifStart + shift)
        }
      case .varyIntervals(let shift):
        if let motif {
          develop(
            motif.intervallicallyVaried(generator: &random), from: motifStart + shift,
            original: motif)
        }
      case .invert:
        if let motif { develop(motif.inverted, from: motifStart) }
      case .fragment(let shift):
        if let motif {
          let beats = frame.bar16 / max(1, frame.beat16)
          let split = beats >= 2 ? beats / 2 * frame.beat16 : frame.bar16 / 2
          develop(motif.fragmented(split: max(1, split), shift: shift), from: motifStart + shift)
        }
      case .restate(let bar, let varied):
        if bar < source.count {
          let original = source[bar].motif
          let m =
            varied
            ? (random.nextUnit() < 0.5
              ? original.rhythmicallyVaried(generator: &random)
              : original.intervallicallyVaried(generator: &random))
            : original
          develop(m, from: source[bar].startDegree, original: original)
          firmness = varied ? 10 : 40
          if bar == 0 { motif = original }
        }
      case .cadence:
        let lead = g.cadenceBar(
          bar16: frame.bar16, beat16: frame.beat16, notesPerBar: frame.notesPerBar, lead: motif,
          finalBar: isFinal, longBreath: frame.longBreath, heldLanding: frame.heldLanding,
          generator: &random)
        rhythm = lead.rhythm
        steps = lead.leadSteps.enumerated().map { $0.offset == 0 ? nil : $0.element }
        while steps.count < rhythm.count { steps.append(nil) }
        if !lead.leadSteps.isEmpty { start = motifStart }
      case .rest:
        // Half the time a pickup on the last beat (or its second half) leads into the next phrase.
        if frame.beat16 % 2 == 0, frame.bar16 >= 2 * frame.beat16, random.nextUnit() < 0.5 {
          let pickup = frame.bar16 - (random.nextUnit() < 0.5 ? frame.beat16 : frame.beat16 / 2)
          rhythm = [Motif.Onset(offset: pickup, length: frame.bar16 - pickup)]
          steps = [nil]
        }
      }
      if rhythm.isEmpty, op != .rest {
        // A development with no motif to develop (a phrase shorter than its plan): new material.
        rhythm = g.drawBar(
          notes: busy, bar16: frame.bar16, beat16: frame.beat16, generator: &random)
        steps = rhythm.map { _ in nil }
      }
      if i == 1, count == 4, !resting, op != .newMotif, random.nextUnit() < midBreath {
        (rhythm, steps) = Self.breathing(rhythm, steps: steps, frame: frame, generator: &random)
      }
      var taken: [Int] = []
      var firstDegree = 0
      for (j, onset) in rhythm.enumerated() {
        let onset16 = barStart + onset.offset
        guard let chord = g.chord(at: onset16, sixteenth: frame.sixteenth, in: frame.chords) else {
          continue
        }
        let progress =
          Double(i * frame.bar16 + onset.offset) / Double(max(1, count * frame.bar16))
        let shape = contour
        var wish = MelodyGenerator.NoteWish(
          step: j < steps.count ? steps[j] : nil, firmness: changed.contains(j) ? 40 : firmness,
          target: g.contourTarget(
            range: frame.range, progress: progress, base: shape.base, peak: shape.peak,
            peakAt: shape.peakAt))
        if j == 0, let start {
          if let previous = state.previous {
            wish.step = start - MelodyVocabulary.diatonicIndex(of: previous, in: key)
            // A sequence must be heard to move: its first note insists on the new step.
            wish.firmness = max(firmness, 15)
          } else {
            wish.target = Double(MelodyVocabulary.pitch(ofDiatonicIndex: start, in: key))
          }
        }
        let isLast = op == .cadence && j == rhythm.count - 1
        wish.endOfPhrase = isLast
        wish.home =
          isLast && (isFinal || phrase.cadencesHome) && chord.token == g.tonicToken(frame.plan)
        let pitch = g.choosePitch(
          state: state, chord: chord, plan: frame.plan, range: frame.range,
          position16: onset.offset, bar16: frame.bar16, beat16: frame.beat16, wish: wish,
          generator: &random)
        let degree = MelodyVocabulary.diatonicIndex(of: pitch, in: key)
        let step =
          state.previous.map { degree - MelodyVocabulary.diatonicIndex(of: $0, in: key) } ?? 0
        state.push(pitch: pitch, step: step)
        if j == 0 { firstDegree = degree }
        taken.append(j == 0 ? 0 : step)
        notes.append(MelodyGenerator.Note(onset16: onset16, length16: onset.length, pitch: pitch))
      }
      let bar = MelodyGenerator.WrittenBar(
        motif: Motif(rhythm: Array(rhythm.prefix(taken.count)), steps: taken),
        startDegree: firstDegree)
      bars.append(bar)
      if op == .newMotif, motif == nil {
        motif = bar.motif
        motifStart = bar.startDegree
      } else if case .restate(0, _) = op {
        motifStart = bar.startDegree
      }
    }
    return notes
  }

  /// The bar cut short: its notes up to a beat or two before the bar line, the last one held to
  /// there, then silence (the half-way breath of a 2 + 2 bar phrase).
  static func breathing(
    _ rhythm: [Motif.Onset], steps: [Int?], frame: MelodyGenerator.Frame,
    generator: inout SeededGenerator
  ) -> ([Motif.Onset], [Int?]) {
    let beats = frame.bar16 / max(1, frame.beat16)
    guard beats >= 3 else { return (rhythm, steps) }
    // Half the time the first half-line lands on the downbeat, holds, and leads into the second
    // with a pickup on the last beat or its second half: the commonest long gap of POP909's sung
    // lines (a downbeat to beat 4: 1.6 onset gaps of 2½ beats or more per 8 bars there, 1.0 in ours).
    if beats >= 4, frame.beat16 % 2 == 0, let head = rhythm.first, head.offset == 0,
      generator.nextUnit() < 0.5
    {
      // A busy line takes the pickup as two eighths, so the breath does not thin it out.
      let beat = frame.bar16 - frame.beat16
      let half = frame.bar16 - frame.beat16 / 2
      let pickups =
        frame.notesPerBar >= 5 ? [beat, half] : [generator.nextUnit() < 0.5 ? beat : half]
      // The note is held up to the pickup as often as it breathes before it: half of POP909's onset
      // gaps of 2½ beats or more are a held note with less than a beat of silence after it.
      let gap = [frame.beat16, frame.beat16 / 2, 0][
        generator.pick(weights: frame.heldLanding > 0 ? [0, 0.5, 0.5] : [0.4, 0.3, 0.3])]
      // The bar keeps its first beat (the motif's head, so the half-line still starts as the motif
      // does), and the head's last note is held.
      let headCount = rhythm.prefix { $0.offset < frame.beat16 }.count
      var figure = Array(rhythm.prefix(headCount))
      figure[headCount - 1].length = pickups[0] - gap - figure[headCount - 1].offset
      for (k, onset) in pickups.enumerated() {
        let end = k + 1 < pickups.count ? pickups[k + 1] : frame.bar16
        figure.append(Motif.Onset(offset: onset, length: end - onset))
      }
      return (figure, Array(steps.prefix(headCount)) + pickups.map { _ in nil })
    }
    let rest = (beats >= 4 && generator.nextUnit() < frame.longBreath ? 2 : 1) * frame.beat16
    let cut = frame.bar16 - rest
    var kept = rhythm.filter { $0.offset < cut - frame.beat16 / 2 }
    guard !kept.isEmpty else { return (rhythm, steps) }
    kept[kept.count - 1].length = cut - kept[kept.count - 1].offset
    return (kept, Array(steps.prefix(kept.count)))
  }
}

import Affect
import Foundation
import Theory

/// Writes the melody over a generated progression, the way songwriters build one: a one- or two-bar
/// motif, then its development (sequence, rhythmic and intervallic variation, inversion, fragmentation)
/// and a contrasting answer, in phrases that answer each other and land with a breath.
///
/// - **Plan of each phrase** (``PhraseRecipe``): what every bar does with the motif, drawn per seed;
///   answers (A′, B′) restate the opening of the phrase they answer, varied, and find a new ending;
///   a returning phrase is restated with variation (note for note only in loop styles).
/// - **Notes within the plan**: rhythm from the trained rhythm model, drawn to the plan's density
///   (`melodyDensity`, notes per beat, including the phrase ends' breaths); pitches from the trained
///   step and chord-tone models, bent towards the motif's steps and the phrase's contour
///   (``MelodyGenerator/choosePitch``), so chord tones fall on strong beats about as often as in POP909.
/// - **Shape**: each phrase arches; the section's climax phrase (the contrast, or the answer) reaches
///   near the top of `melodyRange`, and the dynamics rise towards each phrase's high point. The piece
///   ends on the tonic.
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

  /// A bar as written: its motif form (rhythm and the steps actually taken) and where it started.
  struct WrittenBar {
    var motif: Motif
    var startDegree: Int
  }

  /// The fixed facts of one piece, shared by every bar.
  struct Frame {
    var plan: Plan
    var chords: [GeneratedChord]
    var range: ClosedRange<Int>
    var sixteenth: Int
    var bar16: Int
    var beat16: Int
    /// Notes per bar the plan asks for.
    var notesPerBar: Double
    /// The chance that a phrase's landing leaves two beats of silence rather than one (per piece:
    /// some songs breathe long, others run on).
    var longBreath: Double
    /// The chance that a phrase's landing note is held into the next phrase with no breath: songs
    /// that run on (in 29 % of POP909's 8-bar melody windows, rests of a beat or more fill under 2 %).
    var heldLanding: Double
    /// How strongly bars favour long notes on strong beats (per piece).
    var sustain: Double
  }

  /// The melody notes (start, duration in ticks; pitch; velocity) for the chords of a plan.
  public func generate(
    _ plan: Plan, form: Form, chords: [GeneratedChord], ticksPerQuarter: Int,
    generator: inout SeededGenerator
  ) -> [NoteEvent] {
    let sixteenth = max(1, ticksPerQuarter / 4)
    let bar16 = plan.meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter) / sixteenth
    let beat16 = max(1, plan.meter.ticksPerBeat(ticksPerQuarter: ticksPerQuarter) / sixteenth)
    // Per piece: how tightly it sticks to its motifs, and how much it breathes (half-way through a
    // phrase, and at its end). POP909's songs differ widely in both, so the draw is wide.
    let development = [0.2, 0.6, 0.95][generator.pick(weights: [1, 1.2, 1])]
    let midBreath = [0.15, 0.5, 0.85][generator.pick(weights: [1, 1, 0.8])]
    let sustain = [1.0, 2.0, 4.0][generator.pick(weights: [1, 1, 1])]
    let longBreath = [0.05, 0.3, 0.7][generator.pick(weights: [1, 1, 0.7])]
    // A piece that seldom breathes long runs on: its phrases mostly hold their landing into the next
    // one, and none lands early.
    let runsOn = longBreath < 0.1
    let earlyLanding = runsOn ? 0 : [0.0, 0.3, 0.6][generator.pick(weights: [1, 1, 0.5])]
    let frame = Frame(
      plan: plan, chords: chords,
      range: plan.melodyRange
        .lowerBound...max(plan.melodyRange.lowerBound + 12, plan.melodyRange.upperBound),
      sixteenth: sixteenth, bar16: bar16, beat16: beat16,
      notesPerBar: max(0.5, plan.melodyDensity) * Double(bar16) / Double(beat16),
      longBreath: longBreath, heldLanding: runsOn ? 0.85 : 0, sustain: sustain)
    var state = PitchState(previous: nil, steps: ["<s>"])
    var notes: [Note] = []
    var written: [Form.Label: (chords: [String], notes: [Note], bars: [WrittenBar])] = [:]
    var shapes: [PhraseShape] = []
    let climaxes = Self.climaxPhrases(form)

    for (index, phrase) in form.phrases.enumerated() {
      let first16 = phrase.firstBar * bar16
      let tokens = chords.filter {
        $0.bar >= phrase.firstBar && $0.bar < phrase.firstBar + phrase.bars
      }.map(\.token)
      let isFinal = index == form.phrases.count - 1
      let earlier = written[phrase.label]
      // Loop styles may bring a phrase back note for note over the same chords.
      if form.literalRepeats, let earlier, earlier.chords == tokens, !isFinal,
        earlier.bars.count == phrase.bars
      {
        let copy = earlier.notes.map {
          Note(onset16: $0.onset16 + first16, length16: $0.length16, pitch: $0.pitch)
        }
        notes += copy
        shapes.append(PhraseShape(notes: copy.count, climax: climaxes.contains(index)))
        state.previous = notes.last?.pitch
        continue
      }
      let source = earlier?.bars ?? phrase.label.answers.flatMap { written[$0]?.bars }
      var ops = PhraseRecipe.draw(
        bars: phrase.bars, answering: earlier == nil && source != nil,
        returning: earlier != nil, literal: form.literalRepeats, climax: climaxes.contains(index),
        development: development,
        generator: &generator)
      if !isFinal, !form.literalRepeats, phrase.bars >= 4, earlyLanding > 0,
        generator.nextUnit() < earlyLanding
      {
        ops = PhraseRecipe.landingEarly(ops)
      }
      var writer = PhraseWriter(
        frame: frame, phrase: phrase, isFinal: isFinal, climax: climaxes.contains(index),
        midBreath: midBreath, source: source ?? [])
      let mine = writer.write(ops: ops, generator: self, state: &state, random: &generator)
      notes += mine
      shapes.append(PhraseShape(notes: mine.count, climax: climaxes.contains(index)))
      if earlier == nil {
        written[phrase.label] = (
          tokens,
          mine.map { Note(onset16: $0.onset16 - first16, length16: $0.length16, pitch: $0.pitch) },
          writer.bars
        )
      }
      // A breath ends each phrase: the next one starts its own line.
      state.steps = ["<s>"]
    }
    return dynamics(notes, shapes: shapes, frame: frame, generator: &generator)
  }

  /// The phrase of each section (up to two phrases) that carries its high point: the contrasting
  /// phrase (B, C) when there is one, else the answer.
  static func climaxPhrases(_ form: Form) -> Set<Int> {
    var result: Set<Int> = []
    var index = 0
    while index < form.phrases.count {
      let section = Array(index..<min(index + 2, form.phrases.count))
      let contrast = section.first {
        [.b, .c, .bAnswer].contains(form.phrases[$0].label)
      }
      result.insert(contrast ?? section[section.count - 1])
      index += 2
    }
    return result
  }
}

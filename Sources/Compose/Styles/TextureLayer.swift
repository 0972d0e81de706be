import Affect
import Theory

/// An extra part for intense sketches: more players, the texture arrangers thicken for a climax.
///
/// Over arousal 0.55 a sustained layer doubles the harmony above the accompaniment in the
/// instrument the style would add: a second, octave-up guitar in power chords (rock, punk, metal),
/// strings (pop, soul, R&B), a choir (gospel), a polysynth pad (EDM, house) or French horns
/// (cinematic). Calmer sketches keep the core band.
enum TextureLayer {
  /// The arousal above which the layer plays.
  static let threshold = 0.55

  static func program(for style: Style) -> Int? {
    switch style {
    case .rock, .punk: 29
    case .metal: 30
    case .pop, .soul, .rnb: 48
    case .gospel: 52
    case .edm, .house: 90
    case .cinematic: 60
    default: nil
    }
  }

  static func track(for plan: Plan, chords: [GeneratedChord], sixteenth: Int) -> Track? {
    guard plan.arousal > threshold, let program = program(for: plan.style) else { return nil }
    let guitar = [.rock, .punk, .metal].contains(plan.style)
    var notes: [NoteEvent] = []
    for span in chords {
      let pc = span.chord.root.pitchClass
      let root = 55 + ((pc - 55) % 12 + 12) % 12
      let intervals =
        guitar
        ? [0, span.chord.quality.powerChordFifth, 12]
        : span.chord.quality.intervals.prefix(3).map { $0 } + [12]
      for i in intervals {
        notes.append(
          NoteEvent(
            start: span.start, duration: max(sixteenth, span.duration - sixteenth / 2),
            pitch: Pitch(root + i), velocity: max(1, plan.velocity - 24)))
      }
    }
    return Track(name: "Layer", program: program, channel: 3, notes: notes)
  }
}

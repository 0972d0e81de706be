import Affect
import Theory

extension MelodyGenerator {
  /// The longest silence detached articulation leaves after a note, in sixteenths (an eighth).
  static let longestReleaseGap16 = 2

  /// How many notes a phrase wrote and whether it is its section's climax.
  struct PhraseShape {
    var notes: Int
    var climax: Bool
  }

  /// Velocities and sounding lengths: each phrase swells towards its highest note and relaxes to
  /// its cadence (the climax phrase a little louder), with the usual metric accents. On average a
  /// note sits about 9 above the plan's velocity, as before the phrase shaping (the lead stands out
  /// from the accompaniment, and the mood's loudness is kept).
  func dynamics(
    _ notes: [Note], shapes: [PhraseShape], frame: Frame, generator: inout SeededGenerator
  ) -> [NoteEvent] {
    var swell: [Int] = []
    var index = 0
    for shape in shapes {
      let slice = Array(notes[index..<min(notes.count, index + shape.notes)])
      index += shape.notes
      guard let top = slice.map(\.pitch).max(),
        let peak = slice.firstIndex(where: { $0.pitch == top })
      else { continue }
      for k in slice.indices {
        let rise = peak == 0 ? 1 : Double(k) / Double(peak)
        let fall = slice.count - 1 == peak ? 0 : Double(k - peak) / Double(slice.count - 1 - peak)
        let value = k <= peak ? -5 + 11 * rise : 6 - 9 * fall
        swell.append(Int(value.rounded()) + (shape.climax ? 3 : 0))
      }
    }
    while swell.count < notes.count { swell.append(0) }
    let plan = frame.plan
    return zip(notes, swell).map { note, lift in
      let strong = MelodyVocabulary.isStrong(
        position16: note.onset16 % frame.bar16, barLength16: frame.bar16,
        beatLength16: frame.beat16)
      let onBeat = note.onset16 % frame.beat16 == 0
      let accent = strong ? 6 : (onBeat ? 2 : -4)
      let velocity = max(
        1, min(127, plan.velocity + 8 + accent + lift + generator.int(in: -2...2)))
      // Detached playing shortens a note by a release gap, not by a share of any length: a held
      // landing stays held (cut to 60 %, a four-beat landing left a beat and a half of silence, which
      // POP909's sung lines do not have), while quarters and eighths still come out staccato.
      let length = note.length16 * frame.sixteenth
      let gap = min(
        Double(length) * (1 - min(1, max(0.3, plan.articulation))),
        Double(Self.longestReleaseGap16 * frame.sixteenth))
      let sounding = max(frame.sixteenth / 2, length - Int(gap.rounded()))
      return NoteEvent(
        start: note.onset16 * frame.sixteenth, duration: sounding, pitch: Pitch(note.pitch),
        velocity: velocity)
    }
  }
}

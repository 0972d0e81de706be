import Theory

/// Film-score devices applied to finished parts: a tonic pedal under the opening phrase, and
/// swells (expression, CC 11, rising through each held chord) on sustained strings and pads.
enum CinematicIdioms {
  /// The bass holds the tonic (in its own rhythm) through the notes that start before `untilTick`,
  /// the pedal point that film music builds tension over.
  static func pedal(_ bass: [NoteEvent], tonic: NoteClass, untilTick: Int) -> [NoteEvent] {
    bass.map { note in
      guard note.start < untilTick else { return note }
      var n = note
      let pc = tonic.pitchClass
      let candidates = stride(from: 28 + ((pc - 28) % 12 + 12) % 12, through: 55, by: 12)
      n.pitch = Pitch(
        candidates.min { abs($0 - note.pitch.midi) < abs($1 - note.pitch.midi) } ?? note.pitch.midi)
      return n
    }
  }

  /// A crescendo through each chord: expression from 70 up to 120 in eight steps, then back for the next.
  static func swells(for chords: [GeneratedChord]) -> [ControlEvent] {
    chords.flatMap { span in
      (0..<8).map { step in
        ControlEvent(
          tick: span.start + span.duration * step / 8, kind: .controller, number: 11,
          value: 70 + 50 * step / 7)
      }
    }
  }
}

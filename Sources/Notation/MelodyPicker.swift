import Theory

/// Finds the melody of a score: the track named as one, else the highest mostly single-note line.
public enum MelodyPicker {
  /// Names that mark a melody track in moodsketch sketches and in common DAW templates.
  static let melodyNames = [
    "melody", "lead", "vocal", "voice", "vox", "melodie", "melodía", "tune",
  ]

  /// The index of the melody track, or nil when every track is drums or empty.
  ///
  /// A non-drum track whose name contains "melody", "lead", "vocal", "voice" (or similar) wins; otherwise
  /// the track with the highest mean pitch among those where at most a fifth of the notes overlap the
  /// next one; otherwise the highest track of all (its top line becomes the melody).
  public static func melodyTrack(in score: Score) -> Int? {
    let candidates = score.tracks.indices.filter {
      !score.tracks[$0].isDrums && !score.tracks[$0].notes.isEmpty
    }
    if let named = candidates.first(where: { index in
      let name = score.tracks[index].name.lowercased()
      return melodyNames.contains { name.contains($0) }
    }) {
      return named
    }
    let monophonic = candidates.filter { overlapShare(score.tracks[$0].notes) <= 0.2 }
    let pool = monophonic.isEmpty ? candidates : monophonic
    return pool.max { meanPitch(score.tracks[$0].notes) < meanPitch(score.tracks[$1].notes) }
  }

  /// Share of notes still sounding, for more than half their length, when the next note starts.
  static func overlapShare(_ notes: [NoteEvent]) -> Double {
    let sorted = notes.sorted { $0.start < $1.start }
    guard sorted.count > 1 else { return 0 }
    var overlapping = 0
    for (note, next) in zip(sorted, sorted.dropFirst())
    where note.start + note.duration - next.start > max(1, note.duration / 2) {
      overlapping += 1
    }
    return Double(overlapping) / Double(sorted.count - 1)
  }

  static func meanPitch(_ notes: [NoteEvent]) -> Double {
    notes.isEmpty ? 0 : Double(notes.reduce(0) { $0 + $1.pitch.midi }) / Double(notes.count)
  }
}

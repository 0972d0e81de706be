import Theory

/// One part of the score on the notation grid: its voices and how its staff looks.
struct NotationPart: Sendable {
  var id: String
  var name: String
  var channel: Int
  var program: Int
  var isDrums: Bool
  var voices: [[VoiceEvent]]
  /// Whether chord symbols are printed above this part (the first part only).
  var carriesHarmony: Bool

  /// Treble clef unless the part's notes lie mostly below G3 (bass lines, left hands).
  var clef: (sign: String, line: Int) {
    if isDrums { return ("percussion", 2) }
    let pitches = voices.flatMap { $0.flatMap { $0.notes.map(\.pitch.midi) } }
    let mean = pitches.isEmpty ? 60 : Double(pitches.reduce(0, +)) / Double(pitches.count)
    return mean < 55 ? ("F", 4) : ("G", 2)
  }

  /// The drum sounds this part uses, by MIDI note, for its `<score-instrument>` list.
  var drumPitches: [Int] {
    Array(Set(voices.flatMap { $0.flatMap { $0.notes.map(\.pitch.midi) } })).sorted()
  }

  static func make(
    track: Track, index: Int, layout: BarLayout, melodyOnly: Bool, carriesHarmony: Bool
  ) -> NotationPart {
    let grid = Quantizer.quantize(track.notes, layout: layout)
    let voices: [[VoiceEvent]] =
      if track.isDrums {
        Voices.drums(grid, layout: layout)
      } else if melodyOnly {
        [Quantizer.skyline(grid).map { VoiceEvent(start: $0.start, end: $0.end, notes: [$0]) }]
      } else {
        Voices.split(grid)
      }
    return NotationPart(
      id: "P\(index + 1)", name: track.name, channel: track.channel, program: track.program,
      isDrums: track.isDrums, voices: voices, carriesHarmony: carriesHarmony)
  }
}

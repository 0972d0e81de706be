import Theory

/// One part of the score on the notation grid: its voices and how its staff looks.
struct NotationPart: Sendable {
  var id: String
  var name: String
  var channel: Int
  var program: Int
  var isDrums: Bool
  var voices: [[VoiceEvent]]
  /// The staff (1 or 2) of each voice: a keyboard part spread around middle C gets a grand staff.
  var voiceStaves: [Int]
  /// Whether chord symbols are printed above this part (the first part only).
  var carriesHarmony: Bool

  var staves: Int { voiceStaves.max() ?? 1 }

  /// The clef of each staff: treble and bass on a grand staff; else treble unless the notes lie mostly
  /// below G3 (bass lines).
  var clefs: [(sign: String, line: Int)] {
    if isDrums { return [("percussion", 2)] }
    if staves == 2 { return [("G", 2), ("F", 4)] }
    let pitches = voices.flatMap { $0.flatMap { $0.notes.map(\.pitch.midi) } }
    let mean = pitches.isEmpty ? 60 : Double(pitches.reduce(0, +)) / Double(pitches.count)
    return [mean < 55 ? ("F", 4) : ("G", 2)]
  }

  /// The MusicXML voice number of a voice: 1… on the first staff, 5… on the second (as MuseScore numbers them).
  func voiceNumber(_ index: Int) -> Int {
    let staff = voiceStaves[index]
    let before = voiceStaves[..<index].filter { $0 == staff }.count
    return (staff - 1) * 4 + before + 1
  }

  /// The drum sounds this part uses, by MIDI note, for its `<score-instrument>` list.
  var drumPitches: [Int] {
    Array(Set(voices.flatMap { $0.flatMap { $0.notes.map(\.pitch.midi) } })).sorted()
  }

  static func make(
    track: Track, index: Int, layout: BarLayout, melodyOnly: Bool, carriesHarmony: Bool
  ) -> NotationPart {
    let grid = Quantizer.quantize(track.notes, layout: layout)
    var voices: [[VoiceEvent]]
    var staves: [Int]
    if track.isDrums {
      voices = Voices.drums(grid, layout: layout)
      staves = voices.map { _ in 1 }
    } else if melodyOnly {
      voices = [
        Quantizer.skyline(grid).map { VoiceEvent(start: $0.start, end: $0.end, notes: [$0]) }
      ]
      staves = [1]
    } else {
      voices = Voices.split(grid)
      staves = voices.map { _ in 1 }
      if needsGrandStaff(grid, voices: voices.count) {
        // Right hand from middle C up, left hand below, as a pianist would read it.
        let upper = Voices.split(grid.filter { $0.pitch.midi >= 60 })
        let lower = Voices.split(grid.filter { $0.pitch.midi < 60 })
        voices = upper + lower
        staves = upper.map { _ in 1 } + lower.map { _ in 2 }
      }
    }
    return NotationPart(
      id: "P\(index + 1)", name: track.name, channel: track.channel, program: track.program,
      isDrums: track.isDrums, voices: voices, voiceStaves: staves, carriesHarmony: carriesHarmony)
  }

  /// Chords (more than one voice) reaching well below and above middle C: below G3 and above E4.
  static func needsGrandStaff(_ grid: [GridNote], voices: Int) -> Bool {
    guard voices > 1, let low = grid.map(\.pitch.midi).min(),
      let high = grid.map(\.pitch.midi).max()
    else { return false }
    return low < 55 && high > 64
  }
}

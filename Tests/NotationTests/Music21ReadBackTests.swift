import Affect
import Compose
import Foundation
import Notation
import Testing
import Theory

/// music21 reads what moodsketch writes back as the same notes, lengths and chord symbols.
@Suite(.enabled(if: Music21.python != nil, Comment(rawValue: Music21.skipReason)))
struct Music21ReadBackTests {
  private func written(_ score: Score, _ options: NotationOptions) throws -> Music21.Document {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "notation-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("score.musicxml").path
    try MusicXML.write(score, options: options, to: path)
    return try Music21.read(path)
  }

  @Test func leadSheetReadsBackNoteForNote() throws {
    let score = NotationFixtures.leadSheet
    let part = try #require(
      written(score, NotationOptions(sections: NotationFixtures.sections)).parts.first)
    let expected = score.tracks[0].notes.map {
      ($0.pitch.midi, Double($0.start) / 480, Double($0.duration) / 480)
    }
    #expect(part.notes.map { $0.pitches } == expected.map { [$0.0] })
    for (got, want) in zip(part.notes, expected) {
      #expect(abs(got.offset - want.1) < 1e-6, "offset of \(want.0)")
      #expect(abs(got.length - want.2) < 1e-6, "length of \(want.0)")
    }
    #expect(
      part.notes.map { $0.names?.first ?? "" } == [
        "F#4", "A4", "B4", "C#5", "D5", "E5", "F#5", "G4", "A4", "D4",
      ])
    #expect(part.bars.allSatisfy { $0.length == 4 && $0.expected == 4 })
    #expect(part.keys.map(\.sharps) == [2])
    #expect(part.times == ["4/4"])
    #expect(part.tempos.map(\.number) == [90])
    #expect(part.rehearsals == ["A", "B"])
  }

  @Test func chordSymbolsReadBackWithRootBassAndTones() throws {
    let score = NotationFixtures.leadSheet
    let part = try #require(written(score, NotationOptions()).parts.first)
    #expect(part.chordSymbols.count == score.chords.count)
    for (got, span) in zip(part.chordSymbols, score.chords) {
      #expect(got.offset == Double(span.start) / 480)
      #expect(got.root.replacingOccurrences(of: "-", with: "b") == span.chord.root.description)
      let bass = span.chord.bass ?? span.chord.root
      #expect(got.bass?.replacingOccurrences(of: "-", with: "b") == bass.description)
      #expect(
        Set(got.pitchClasses) == Set(span.chord.pitchClasses),
        "\(span.chord.symbol) read as \(got.figure)")
    }
  }

  @Test func everyChordQualityReadsBackWithItsTones() throws {
    var score = NotationFixtures.scale(
      Array(repeating: 60, count: ChordQuality.allCases.count), key: Key(NoteClass(.C)))
    score.meters = [MeterChange(tick: 0, meter: Meter(1, 4))]
    score.chords = ChordQuality.allCases.enumerated().map { index, quality in
      let chord = Chord(NoteClass(.E, accidental: -1), quality)
      return ChordSpan(
        start: index * 480, duration: 480, chord: chord,
        roman: RomanNumeral(chord: chord, in: Key(NoteClass(.C))))
    }
    let part = try #require(written(score, NotationOptions()).parts.first)
    #expect(part.chordSymbols.count == ChordQuality.allCases.count)
    for (got, quality) in zip(part.chordSymbols, ChordQuality.allCases) {
      let want = Set(Chord(NoteClass(.E, accidental: -1), quality).pitchClasses)
      #expect(Set(got.pitchClasses) == want, "Eb\(quality.chartSuffix) read as \(got.figure)")
    }
  }

  @Test func fullScoreReadsBackEveryPart() throws {
    let score = NotationFixtures.band
    let parts = try written(score, NotationOptions(layout: .full)).parts
    #expect(parts.map { $0.name ?? "" } == ["Melody", "Chords", "Bass", "Drums"])
    // Block chords: two chords of three notes.
    #expect(parts[1].notes.map(\.pitches) == [[62, 66, 69], [62, 66, 69]])
    #expect(parts[1].notes.map(\.length) == [4, 4])
    #expect(parts[2].notes.map(\.pitches) == Array(repeating: [38], count: 4))
    #expect(parts[3].notes.count == 16)
    #expect(parts[3].notes.allSatisfy { $0.unpitched })
    for part in parts {
      #expect(part.bars.allSatisfy { $0.length == $0.expected }, "\(part.name ?? "")")
    }
  }

  /// A real sketch: the melody's pitches in order, each onset within a sixteenth of the MIDI onset.
  @Test(arguments: [
    "bittersweet late-night drive, lo-fi", "triumphant epic battle", "lazy irish jig",
  ])
  func composedSketchReadsBackWithItsMelody(prompt: String) throws {
    let mood = try MoodParser().parse(prompt)
    let plan = Planner().plan(for: mood, overrides: PlanOverrides(), seed: 7)
    let score = Composer(model: try CompositionModel.bundled()).compose(plan, seed: 7)
    let melody = try #require(score.tracks.first { $0.name == "Melody" })
    let part = try #require(written(score, NotationOptions()).parts.first)
    #expect(part.notes.map(\.pitches) == melody.notes.map { [$0.pitch.midi] })
    for (got, note) in zip(part.notes, melody.notes) {
      #expect(abs(got.offset - Double(note.start) / 480) <= 0.25 / 2 + 1e-6)
    }
    #expect(part.chordSymbols.count == score.chords.count)
    #expect(part.bars.allSatisfy { $0.length == $0.expected })
  }

  @Test func grandStaffReadsBackWithEveryNote() throws {
    let score = NotationFixtures.piano
    let staves = try written(score, NotationOptions(layout: .full)).parts
    // music21 reads a two-staff part as two staves.
    #expect(staves.count == 2)
    let pitches = staves.flatMap { $0.notes.flatMap(\.pitches) }.sorted()
    #expect(pitches == score.tracks[0].notes.map(\.pitch.midi).sorted())
    for staff in staves { #expect(staff.bars.allSatisfy { $0.length == $0.expected }) }
  }

  /// Triplet swing is written as a triplet quarter and eighth per beat, detached playing included.
  @Test func tripletSwingReadsBackAsLongShortTriplets() throws {
    var score = NotationFixtures.swungEighths(ratio: 0.67)
    // Detached: each note sounds for 60 % of its time, as a light articulation does.
    score.tracks[0].notes = score.tracks[0].notes.map { note in
      var n = note
      n.duration = note.duration * 6 / 10
      return n
    }
    let part = try #require(written(score, NotationOptions()).parts.first)
    #expect(part.notes.count == 16)
    for (index, note) in part.notes.enumerated() {
      let beat = Double(index / 2)
      let (offset, length) = index % 2 == 0 ? (beat, 2.0 / 3) : (beat + 2.0 / 3, 1.0 / 3)
      #expect(abs(note.offset - offset) < 1e-6 && abs(note.length - length) < 1e-6, "note \(index)")
    }
  }
}

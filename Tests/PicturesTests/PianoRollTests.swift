import Foundation
import Pictures
import SMF
import Testing
import Theory

/// The piano roll shows every note of the MIDI where the layout says, and the chords and sections above.
@Suite struct PianoRollTests {
  static var score: Score {
    let key = Key(NoteClass(.F))
    let melody = [
      (0, 480, 69, 100), (480, 240, 70, 40), (720, 1200, 72, 127), (1920, 1920, 65, 64),
    ]
    let chords = [
      (0, Chord(NoteClass(.F), .major)), (1920, Chord(NoteClass(.B, accidental: -1), .major7)),
    ]
    return Score(
      meters: [MeterChange(tick: 0, meter: Meter(3, 4))], keys: [KeyChange(tick: 0, key: key)],
      tracks: [
        Track(
          name: "Melody", program: 0, channel: 0,
          notes: melody.map {
            NoteEvent(start: $0.0, duration: $0.1, pitch: Pitch($0.2), velocity: $0.3)
          }),
        Track(name: "Empty", program: 0, channel: 1),
        Track(
          name: "Drums", program: 0, channel: 9,
          notes: (0..<8).map {
            NoteEvent(
              start: $0 * 480, duration: 60, pitch: Pitch($0 % 2 == 0 ? 36 : 38), velocity: 90)
          }),
      ],
      chords: chords.map {
        ChordSpan(
          start: $0.0, duration: 1920, chord: $0.1, roman: RomanNumeral(chord: $0.1, in: key))
      })
  }

  @Test func everyNoteIsOneBoxAtItsTimeAndPitch() throws {
    let score = Self.score
    let svg = try PianoRoll.svg(for: score, sections: [ScoreMarker(tick: 1440, text: "Chorus")])
    let reader = try SVGReader(svg.text)
    let boxes = try reader.elements("//*[local-name()='rect'][@class='note']")
    let notes = score.tracks.enumerated().flatMap { index, track in track.notes.map { (index, $0) }
    }
    #expect(boxes.count == notes.count)

    let layout = PianoRollLayout(score: score, endTick: 3 * 1440)
    struct Box: Hashable { var track, pitch, start, duration: Int }
    var seen: [Box] = []
    for box in boxes {
      let value = { (name: String) in Int(SVGReader.attribute(box, name) ?? "") ?? -1 }
      let entry = Box(
        track: value("data-track"), pitch: value("data-pitch"), start: value("data-start"),
        duration: value("data-duration"))
      seen.append(entry)
      // The box sits where the layout puts its note: x from the start tick, y in its pitch's row.
      let lane = try #require(layout.lanes.first { $0.track == entry.track })
      #expect(SVGReader.attribute(box, "x") == SVG.number(layout.x(entry.start)))
      #expect(
        SVGReader.attribute(box, "y")
          == SVG.number(try #require(layout.y(pitch: entry.pitch, in: lane))))
    }
    let expected = notes.map {
      Box(track: $0.0, pitch: $0.1.pitch.midi, start: $0.1.start, duration: $0.1.duration)
    }
    #expect(Set(seen) == Set(expected))
    // Higher notes are higher up; louder notes are darker.
    let a4 = try #require(boxes.first { SVGReader.attribute($0, "data-pitch") == "69" })
    let c5 = try #require(boxes.first { SVGReader.attribute($0, "data-pitch") == "72" })
    #expect(Double(SVGReader.attribute(c5, "y")!)! < Double(SVGReader.attribute(a4, "y")!)!)
    let soft = try #require(boxes.first { SVGReader.attribute($0, "data-velocity") == "40" })
    #expect(
      Double(SVGReader.attribute(soft, "fill-opacity")!)! < Double(
        SVGReader.attribute(c5, "fill-opacity")!)!)
  }

  @Test func lanesBarsChordsAndSectionsAreLabelled() throws {
    let reader = try SVGReader(
      PianoRoll.svg(for: Self.score, sections: [ScoreMarker(tick: 1440, text: "Chorus")]).text)
    // Two lanes (the empty track has none), three bars of 3/4 over 8 quarter notes.
    #expect(try reader.elements("//*[@data-lane]").map(\.stringValue) == ["Melody", "Drums"])
    #expect(try reader.elements("//*[@data-bar]").count == 3)
    #expect(try reader.elements("//*[@data-chord]").map(\.stringValue) == ["F", "Bbmaj7"])
    #expect(try reader.elements("//*[@data-section]").map(\.stringValue) == ["Chorus"])
    #expect(try reader.elements("//*[local-name()='text']").contains { $0.stringValue == "F4–C5" })
  }

  @Test func emptyScoreIsRefused() {
    #expect(throws: PicturesError.noNotes(source: "empty.mid")) {
      try PianoRoll.svg(
        for: Score(tracks: [Track(name: "x", program: 0, channel: 0)]), source: "empty.mid")
    }
  }

  /// A MIDI file written and read back draws the same boxes as the score it came from.
  @Test func midiFileDrawsItsNotes() throws {
    let data = MIDIFile.encode(Self.score)
    let read = try MIDIFile.decode(data, name: "roll.mid")
    let reader = try SVGReader(PianoRoll.svg(for: read).text)
    #expect(
      try reader.elements("//*[@class='note']").count
        == read.tracks.reduce(0) { $0 + $1.notes.count })
  }
}

import Foundation
import Notation
import Testing
import Theory

/// What MuseScore's importer needs: well-formed XML, bars that add up, ties that pair, spelling in the key.
@Suite struct MusicXMLStructureTests {
  @Test func leadSheetIsWellFormedWithFullBarsAndPairedTies() throws {
    let xml = try MusicXML.document(
      for: NotationFixtures.leadSheet, options: NotationOptions(sections: NotationFixtures.sections)
    )
    let structure = try MusicXMLStructure(xml)
    #expect(try structure.barsThatDoNotAddUp() == [])
    #expect(try structure.unpairedTies() == [])
    #expect(try structure.nodes("//measure").count == 4)
    // The C#5 from beat 4 over the bar line is tied; the triplet has a bracket and 3:2 time.
    #expect(try structure.nodes("//note[tie/@type='start']").count == 1)
    #expect(try structure.nodes("//time-modification[actual-notes='3']").count == 3)
    #expect(try structure.nodes("//tuplet[@type='start']").count == 1)
    // Divisions: no sixteenths, but eighths and triplet eighths: 6 per quarter.
    #expect(try structure.nodes("//divisions").first?.stringValue == "6")
  }

  @Test func sameScoreGivesSameBytes() throws {
    let a = try MusicXML.document(
      for: NotationFixtures.band, options: NotationOptions(layout: .full))
    let b = try MusicXML.document(
      for: NotationFixtures.band, options: NotationOptions(layout: .full))
    #expect(a == b)
  }

  @Test func notesAreSpelledInTheKey() throws {
    func spelled(_ pitches: [Int], _ key: Key) throws -> [String] {
      let structure = try MusicXMLStructure(
        MusicXML.document(for: NotationFixtures.scale(pitches, key: key)))
      return try structure.nodes("//note/pitch").map { pitch in
        let alter = Int(pitch.elements(forName: "alter").first?.stringValue ?? "0") ?? 0
        return (pitch.elements(forName: "step").first?.stringValue ?? "?")
          + (alter > 0 ? "#" : alter < 0 ? "b" : "")
      }
    }
    // A black key is a flat in flat keys and a sharp in sharp keys.
    #expect(
      try spelled([63, 70, 68, 61], Key(NoteClass(.E, accidental: -1))) == ["Eb", "Bb", "Ab", "Db"])
    #expect(try spelled([63, 68, 66, 61], Key(NoteClass(.E))) == ["D#", "G#", "F#", "C#"])
    // The leading tone of G minor is F#, not Gb.
    #expect(try spelled([66, 70], Key(NoteClass(.G), .minor)) == ["F#", "Bb"])
  }

  @Test func tripletSwingBecomesTupletsAndStraightPlayingDoesNot() throws {
    func tuplets(_ ratio: Double) throws -> Int {
      let structure = try MusicXMLStructure(
        MusicXML.document(for: NotationFixtures.swungEighths(ratio: ratio)))
      #expect(try structure.barsThatDoNotAddUp() == [])
      return try structure.nodes("//time-modification").count
    }
    #expect(try tuplets(0.5) == 0)
    #expect(try tuplets(0.58) == 0)
    #expect(try tuplets(0.67) > 0)
  }

  @Test func fullScoreHasEveryPartAndDrumsArePercussion() throws {
    let xml = try MusicXML.document(
      for: NotationFixtures.band, options: NotationOptions(layout: .full))
    let structure = try MusicXMLStructure(xml)
    #expect(
      try structure.nodes("//score-part/part-name").map(\.stringValue) == [
        "Melody", "Chords", "Bass", "Drums",
      ])
    #expect(try structure.barsThatDoNotAddUp() == [])
    #expect(try structure.unpairedTies() == [])
    let drums = try structure.nodes("/score-partwise/part[@id='P4']").first
    #expect(try drums?.nodes(forXPath: ".//clef/sign").first?.stringValue == "percussion")
    // 16 hi-hat strokes, 4 kicks, 4 snares: 24 unpitched notes, 16 of them on their own stem.
    #expect(try drums?.nodes(forXPath: ".//note/unpitched").count == 24)
    #expect(try drums?.nodes(forXPath: ".//note[unpitched and not(chord)]").count == 16)
    // The block chords share stems: three notes, two of them marked <chord/>, per bar.
    let chords = try structure.nodes("/score-partwise/part[@id='P2']//note[chord]")
    #expect(chords.count == 4)
    let bassClef = try structure.nodes("/score-partwise/part[@id='P3']//clef/sign").first?
      .stringValue
    #expect(bassClef == "F")
  }

  @Test func scoresWithoutNotesOrMelodyAreRefused() throws {
    #expect(throws: NotationError.noNotes(source: "x.mid")) {
      try MusicXML.document(for: Score(), source: "x.mid")
    }
    var drumsOnly = NotationFixtures.band
    drumsOnly.tracks = [drumsOnly.tracks[3]]
    #expect(throws: NotationError.noPitchedTrack(source: "x.mid")) {
      try MusicXML.document(for: drumsOnly, source: "x.mid")
    }
    #expect(
      try MusicXML.document(for: drumsOnly, options: NotationOptions(layout: .full)).contains(
        "<unpitched>"))
  }

  @Test func pianoChordsAroundMiddleCGetAGrandStaffWithVoices() throws {
    let xml = try MusicXML.document(
      for: NotationFixtures.piano, options: NotationOptions(layout: .full))
    let structure = try MusicXMLStructure(xml)
    #expect(try structure.nodes("//attributes/staves").first?.stringValue == "2")
    #expect(
      try structure.nodes("//clef").map { $0.elements(forName: "sign").first?.stringValue ?? "" }
        == ["G", "F"])
    #expect(try structure.barsThatDoNotAddUp() == [])
    // The left hand (F2, C3) is on staff 2, everything from middle C up on staff 1.
    for note in try structure.nodes("//note[pitch]") {
      let octave =
        Int(
          note.elements(forName: "pitch").first?.elements(forName: "octave").first?.stringValue
            ?? "") ?? 0
      let staff = note.elements(forName: "staff").first?.stringValue
      #expect(staff == (octave < 4 ? "2" : "1"))
    }
    // The moving melody and the held chord are two voices of the upper staff.
    let upperVoices = Set(try structure.nodes("//note[staff='1']/voice").compactMap(\.stringValue))
    #expect(upperVoices == ["1", "2"])
    #expect(Set(try structure.nodes("//note[staff='2']/voice").compactMap(\.stringValue)) == ["5"])
  }
}

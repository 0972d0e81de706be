import Foundation
import Notation
import SMF
import Testing
import Theory

/// Real MIDI files from ../shared/data (POP909, MIT; Nottingham, public domain tunes): the lead sheet
/// keeps every melody note, and every bar of every part adds up to its time signature.
@Suite(.enabled(if: SharedData.available, "../shared/data is absent (see its README)"))
struct RealFileNotationTests {
  @Test(arguments: [1, 2, 3])
  func pop909LeadSheetKeepsTheMelody(song: Int) throws {
    let marked = try MIDIFile.readMarked(path: SharedData.pop909(song))
    let score = marked.scoreWithMarkedChords
    let melody = try #require(MelodyPicker.melodyTrack(in: score))
    #expect(score.tracks[melody].name == "MELODY")
    let lead = try MusicXMLStructure(MusicXML.document(for: score))
    #expect(try lead.barsThatDoNotAddUp() == [])
    #expect(try lead.unpairedTies() == [])
    // Every melody onset is one printed note or the first of a tied chain.
    let printed = try lead.nodes("//note[pitch and not(tie[@type='stop'])]").count
    let onsets = Set(score.tracks[melody].notes.map(\.start)).count
    #expect(abs(printed - onsets) <= onsets / 50, "\(printed) printed for \(onsets) onsets")
  }

  @Test func fullScoresOfRealFilesAddUp() throws {
    let files = [SharedData.pop909(4)] + SharedData.midiFiles(in: "nottingham/MIDI", count: 3)
    for file in files {
      let score = try MIDIFile.readMarked(path: file).scoreWithMarkedChords
      let full = try MusicXMLStructure(
        MusicXML.document(for: score, options: NotationOptions(layout: .full)))
      #expect(try full.barsThatDoNotAddUp() == [], "\(file)")
      #expect(try full.unpairedTies() == [], "\(file)")
    }
  }
}

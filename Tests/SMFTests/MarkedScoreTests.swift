import Foundation
import SMF
import Testing
import Theory

/// A file's markers come back with its score, and a file moodsketch wrote gets its chords back.
@Suite struct MarkedScoreTests {
  @Test func chordMarkersRoundTripIntoChords() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "marked-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("song.mid").path
    let score = Fixtures.band
    try MIDIFile.write(score, to: path)
    let marked = try MIDIFile.readMarked(path: path)
    #expect(marked.markers.map(\.text) == score.chords.map(\.chord.symbol))
    #expect(marked.markers.map(\.tick) == score.chords.map(\.start))
    #expect(marked.scoreWithMarkedChords.chords.map(\.chord) == score.chords.map(\.chord))
    #expect(marked.sections.isEmpty)
    #expect(marked.score == (try MIDIFile.read(path: path)))
  }

  @Test func missingFileIsNamed() {
    #expect(throws: SMFError.missing(path: "/nonexistent/x.mid")) {
      try MIDIFile.readMarked(path: "/nonexistent/x.mid")
    }
  }
}

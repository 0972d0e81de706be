import Compose
import Foundation
import SMF
import Testing
import Theory

@Suite struct CorpusReaderTests {
  @Test func billboardBarsDotsRepeatsAndBreaks() {
    let text = """
      # title: Test
      # artist: Nobody
      # metre: 4/4
      # tonic: A

      0.0\tsilence
      0.5\tA, intro, | A:min | A:min C:maj | x2
      8.0\tB, verse, | F:maj . G:maj . | E:7 | A:min |
      16.0\t| N |
      17.0\t| D:min7 | E:7 | A:min |
      20.0\tend
      """
    let songs = BillboardReader.songs(fromText: text, id: "t")
    #expect(songs.count == 1)
    let song = songs[0]
    // Am is the tonic chord far more than A major: a minor key.
    #expect(song.mode == .minor)
    #expect(song.runs.count == 2)
    // | Am | Am C | twice, then F G E7 Am: repeats merge, durations add up in quarter notes.
    let first = song.runs[0]
    #expect(first.map(\.token) == ["i", "III", "i", "III", "VI", "VII", "V", "i"])
    #expect(first.map(\.beats) == [6, 2, 6, 2, 2, 2, 4, 4])
    #expect(first[6].colour == .dominant7)
    #expect(song.runs[1].map(\.token) == ["iv", "V", "i"])
  }

  @Test func billboardModeFollowsTheTonicChord() {
    let text = "# metre: 4/4\n# tonic: G\n0.1\tA, verse, | G:maj | C:maj | D:7 | G:maj |\n"
    let song = BillboardReader.songs(fromText: text, id: "g")[0]
    #expect(song.mode == .major)
    #expect(song.runs[0].map(\.token) == ["I", "IV", "V", "I"])
  }

  @Test func pop909AnnotationsGiveTokensBeatsAndKeys() {
    let chords = "0.0 1.0 N\n1.0 3.0 C:maj\n3.0 5.0 A:min7\n5.0 7.0 G:sus4\n7.0 9.0 C:maj\n"
    let keys = "0.0 9.0 C:maj\n"
    let beats = (0..<10).map {
      "\(Double($0)) \($0 % 2 == 0 ? 1.0 : 0.0) \($0 % 4 == 1 ? 1.0 : 0.0)"
    }.joined(separator: "\n")
    let song = Pop909Song(id: "x", chordText: chords, keyText: keys, beatText: beats)
    #expect(song.downbeatIndices == [1, 5, 9])
    #expect(song.beatPosition(at: 2.5) == 2.5)
    let result = song.chordSongs()
    #expect(result.count == 1)
    // The suspended chord keeps its function (V) and carries the suspension as colour.
    #expect(result[0].runs[0].map(\.token) == ["I", "vi", "V", "I"])
    #expect(result[0].runs[0][1].colour == .minor7)
    #expect(result[0].runs[0][2].colour == .sus4)
    #expect(result[0].runs[0].map(\.beats) == [2, 2, 2, 2])
  }

  @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
  func realPop909SongsGiveMelodiesOnTheGrid() throws {
    var strong = 0
    var tones = 0
    for id in ["001", "002", "003", "004", "005"] {
      let folder = SharedData.folder + "/pop909/POP909/\(id)"
      let song = try #require(Pop909Song.read(folder: folder, id: id))
      let notes = song.melodyNotes(from: try MIDIFile.read(path: folder + "/\(id).mid"))
      #expect(notes.count > 100)
      #expect(notes.allSatisfy { $0.position16 >= 0 && $0.position16 < $0.barLength16 })
      #expect(song.chordSongs().first?.tokenCount ?? 0 > 30)
      for note in notes where note.position16 % 8 == 0 {
        guard let chord = note.chord else { continue }
        strong += 1
        if chord.pitchClasses.contains(note.pitch % 12) { tones += 1 }
      }
    }
    // If the grid or the chord lookup were off, strong-beat notes would match the chords by chance only (~35 %).
    #expect(Double(tones) / Double(strong) > 0.6)
  }
}

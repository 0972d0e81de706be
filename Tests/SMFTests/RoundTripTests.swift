import Foundation
import Testing
import Theory

@testable import SMF

@Suite struct RoundTripTests {
  @Test func aBandScoreComesBackNoteForNote() throws {
    let original = Fixtures.band
    let folder = try ScratchFolder()
    let path = folder.path("band.mid")
    try MIDIFile.write(original, to: path)
    let read = try MIDIFile.read(path: path)

    #expect(read.ticksPerQuarter == 480)
    #expect(read.title == "Test Song")
    #expect(read.tempos == original.tempos)
    #expect(read.meters == original.meters)
    #expect(read.keys == original.keys)
    #expect(read.tracks.map(\.name) == ["Piano", "Bass", "Lead", "Drums"])
    #expect(read.tracks.map(\.channel) == [0, 1, 2, 9])
    #expect(read.tracks.map(\.program) == [0, 33, 80, 0])
    for (got, want) in zip(read.tracks, original.tracks) {
      #expect(Fixtures.notes(got) == Fixtures.notes(want), "notes of \(want.name)")
      #expect(got.controls == want.controls, "controls of \(want.name)")
    }
  }

  @Test func sameScoreGivesSameBytes() {
    #expect(MIDIFile.encode(Fixtures.band) == MIDIFile.encode(Fixtures.band))
    var shuffled = Fixtures.band
    shuffled.tracks[0].notes.reverse()
    #expect(
      MIDIFile.encode(shuffled) == MIDIFile.encode(Fixtures.band),
      "note order in a track must not change the file")
  }

  @Test func fileIsFormatOneWithAConductorTrackAndEndOfTrackEverywhere() throws {
    let bytes = [UInt8](MIDIFile.encode(Fixtures.band))
    #expect(Array(bytes[0..<4]) == Array("MThd".utf8))
    #expect(bytes[8...9] == [0, 1], "format 1")
    #expect(bytes[10...11] == [0, 5], "conductor + 4 tracks")
    let chunks = try ChunkParser.parse(bytes, path: "band.mid")
    let conductorHasNotes = chunks.tracks[0].events.contains {
      if case .channel = $0.event { return true }
      return false
    }
    #expect(!conductorHasNotes)
    // Every MTrk body ends with FF 2F 00.
    var offset = 14
    while offset < bytes.count {
      let length =
        Int(bytes[offset + 4]) << 24 | Int(bytes[offset + 5]) << 16 | Int(bytes[offset + 6]) << 8
        | Int(bytes[offset + 7])
      let end = offset + 8 + length
      #expect(Array(bytes[end - 3..<end]) == [0xFF, 0x2F, 0x00])
      offset = end
    }
    #expect(offset == bytes.count)
  }

  @Test func drumsGetNoProgramChangeAndOtherTracksDo() throws {
    let chunks = try ChunkParser.parse([UInt8](MIDIFile.encode(Fixtures.band)), path: "band.mid")
    func programChanges(_ chunk: SMFTrackChunk) -> [UInt8] {
      chunk.events.compactMap {
        if case .channel(ChannelStatus.programChange, _, let program, _) = $0.event {
          return program
        }
        return nil
      }
    }
    #expect(programChanges(chunks.tracks[1]) == [0])
    #expect(programChanges(chunks.tracks[2]) == [33, 34])
    #expect(programChanges(chunks.tracks[4]) == [])
  }

  @Test func repeatedNotesReleaseBeforeTheyRetrigger() throws {
    let chunks = try ChunkParser.parse([UInt8](MIDIFile.encode(Fixtures.band)), path: "band.mid")
    let lead = chunks.tracks[3].events.filter {
      if case .channel(let status, _, _, _) = $0.event {
        return status == ChannelStatus.noteOn || status == ChannelStatus.noteOff
      }
      return false
    }
    let at240 = lead.filter { $0.tick == 240 }.map {
      if case .channel(let status, _, _, _) = $0.event { return status }
      return 0
    }
    #expect(at240 == [ChannelStatus.noteOff, ChannelStatus.noteOn])
  }

  @Test func aChordIsWrittenWithRunningStatus() throws {
    var track = Track(name: "", program: 0, channel: 0)
    track.notes = [60, 64, 67].map {
      NoteEvent(start: 0, duration: 480, pitch: Pitch($0), velocity: 100)
    }
    let chunks = try ChunkParser.parse(
      [UInt8](MIDIFile.encode(Score(tracks: [track]))), path: "chord.mid")
    let body = ChunkSerializer.serialize(chunks.tracks[1])
    let expected: [UInt8] = [
      0x00, 0xC0, 0x00,  // program change
      0x00, 0x90, 60, 100, 0x00, 64, 100, 0x00, 67, 100,  // one status byte for three note-ons
      0x83, 0x60, 0x80, 60, 64, 0x00, 64, 64, 0x00, 67, 64,  // 480 ticks later, three note-offs
      0x00, 0xFF, 0x2F, 0x00,
    ]
    #expect(body == expected)
  }

  @Test func zeroLengthAndOverlappingNotesSurvive() throws {
    var track = Track(name: "Odd", program: 5, channel: 3)
    track.notes = [
      NoteEvent(start: 0, duration: 0, pitch: Pitch(60), velocity: 50),
      NoteEvent(start: 0, duration: 480, pitch: Pitch(62), velocity: 60),
      // Overlaps the previous D.
      NoteEvent(start: 240, duration: 480, pitch: Pitch(62), velocity: 70),
      NoteEvent(start: 480, duration: 0, pitch: Pitch(64), velocity: 80),
      NoteEvent(start: 480, duration: 240, pitch: Pitch(64), velocity: 90),
    ]
    let read = try MIDIFile.decode(MIDIFile.encode(Score(tracks: [track])), name: "odd.mid")
    #expect(Fixtures.notes(read.tracks[0]) == Fixtures.notes(track))
  }

  @Test func formatZeroPutsEverythingInOneTrackAndReadsBackByChannel() throws {
    let bytes = MIDIFile.encode(Fixtures.band, format: 0)
    #expect([UInt8](bytes)[8...11] == [0, 0, 0, 1])
    let read = try MIDIFile.decode(bytes, name: "band0.mid")
    #expect(read.tracks.map(\.channel) == [0, 1, 2, 9])
    #expect(
      read.tracks.map(\.name) == [
        "Test Song (channel 1)", "Test Song (channel 2)", "Test Song (channel 3)",
        "Test Song (channel 10)",
      ])
    #expect(read.tracks.map(\.program) == [0, 33, 80, 0])
    #expect(Fixtures.allNotes(read) == Fixtures.allNotes(Fixtures.band))
    #expect(read.tempos == Fixtures.band.tempos)
    #expect(read.keys == Fixtures.band.keys)
  }

  @Test func chordSymbolsBecomeMarkersOnTheConductorTrack() throws {
    let chunks = try ChunkParser.parse([UInt8](MIDIFile.encode(Fixtures.band)), path: "band.mid")
    let markers = chunks.tracks[0].events.compactMap {
      if case .meta(MetaType.marker, let text) = $0.event {
        return String(decoding: text, as: UTF8.self)
      }
      return nil
    }
    #expect(markers == ["C"])
  }

  @Test func keySignaturesKeepTheTonic() throws {
    let keys: [Key] = [
      Key(NoteClass(.F, accidental: 1), .major), Key(NoteClass(.C, accidental: 1), .minor),
      Key(NoteClass(.B, accidental: -1), .major),
      Key(NoteClass(.G, accidental: 1), .minor), Key(NoteClass(.D), .dorian),
      Key(NoteClass(.G, accidental: 1), .major),
    ]
    let score = Score(
      keys: keys.enumerated().map { KeyChange(tick: $0.offset * 480, key: $0.element) })
    let read = try MIDIFile.decode(MIDIFile.encode(score), name: "keys.mid").keys.map(\.key)
    #expect(
      read.map(\.description) == [
        "F# major", "C# minor", "Bb major", "G# minor", "D minor", "Ab major",
      ])
  }

  @Test func writingIntoAMissingFolderLeavesNoFile() throws {
    let folder = try ScratchFolder()
    let path = folder.path("nope/out.mid")
    #expect(throws: AtomicFile.Failure.self) { try MIDIFile.write(Fixtures.band, to: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}

import Foundation
import Testing
import Theory

@testable import SMF

@Suite struct ReaderTests {
  @Test func runningStatusAndVelocityZeroNoteOffs() throws {
    // One note-on status, then data only: C on, E on, C "on" with velocity 0 (= off), E off.
    let body: [UInt8] =
      [0x00, 0x90, 60, 100, 0x00, 64, 90, 0x83, 0x60, 60, 0, 0x00, 64, 0] + Fixtures.endOfTrack
    let score = try MIDIFile.decode(
      Data(Fixtures.file(format: 0, tracks: [body])), name: "running.mid")
    #expect(Fixtures.notes(score.tracks[0]) == [[0, 480, 60, 100], [0, 480, 64, 90]])
  }

  @Test func runningStatusCarriesOverMetaEventsLikeOtherReaders() throws {
    let body: [UInt8] =
      [0x00, 0x90, 60, 100, 0x00, 0xFF, 0x01, 0x02, 0x68, 0x69, 0x10, 60, 0] + Fixtures.endOfTrack
    let score = try MIDIFile.decode(
      Data(Fixtures.file(format: 0, tracks: [body])), name: "meta.mid")
    #expect(Fixtures.notes(score.tracks[0]) == [[0, 16, 60, 100]])
  }

  @Test func dataByteWithoutAnyStatusIsMalformed() {
    let body: [UInt8] = [0x00, 60, 100] + Fixtures.endOfTrack
    #expect(throws: SMFError.self) {
      try MIDIFile.decode(Data(Fixtures.file(tracks: [body])), name: "bad.mid")
    }
    do {
      _ = try MIDIFile.decode(Data(Fixtures.file(tracks: [body])), name: "bad.mid")
    } catch let error as SMFError {
      guard case .malformed(let path, _) = error else {
        Issue.record("expected .malformed, got \(error)")
        return
      }
      #expect(path == "bad.mid")
      #expect(!error.description.contains("\n"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func sysexInBothFormsIsSkippedWithoutLosingNotes() throws {
    // A GM reset as one F0 message, then a sysex split into an F0 packet and an F7 continuation,
    // then an F7 escape carrying a raw real-time byte.
    let body: [UInt8] =
      [0x00, 0xF0, 0x05, 0x7E, 0x7F, 0x09, 0x01, 0xF7]
      + [0x00, 0xF0, 0x03, 0x43, 0x12, 0x00, 0x10, 0xF7, 0x02, 0x43, 0xF7]
      + [0x00, 0xF7, 0x01, 0xFA]
      + [0x00, 0x90, 67, 80, 0x60, 0x80, 67, 0] + Fixtures.endOfTrack
    let bytes = Fixtures.file(format: 0, tracks: [body])
    let chunks = try ChunkParser.parse(bytes, path: "sysex.mid")
    let sysex = chunks.tracks[0].events.compactMap {
      if case .sysex(let escape, let data) = $0.event { return (escape, data.count) }
      return nil
    }
    #expect(sysex.map(\.0) == [false, false, true, true])
    #expect(sysex.map(\.1) == [5, 3, 2, 1])
    let score = ScoreBuilder.score(from: chunks)
    #expect(Fixtures.notes(score.tracks[0]) == [[0x10, 0x60, 67, 80]])
  }

  @Test func metaEventsFillTheScoreMaps() throws {
    let conductor: [UInt8] =
      [0x00, 0xFF, 0x03, 0x04] + Array("Song".utf8)
      + [0x00, 0xFF, 0x58, 0x04, 0x03, 0x02, 0x18, 0x08]  // 3/4
      + [0x00, 0xFF, 0x59, 0x02, 0xFD, 0x01]  // 3 flats, minor: C minor
      + [0x00, 0xFF, 0x51, 0x03, 0x09, 0x27, 0xC0]  // 600000 µs per quarter: 100 BPM
      + [0x87, 0x40, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20]  // at 960: 500000 µs: 120 BPM
      + [0x00, 0xFF, 0x58, 0x04, 0x06, 0x03, 0x24, 0x08]  // 6/8
      + [0x00, 0xFF, 0x59, 0x02, 0x02, 0x00]  // D major
      + Fixtures.endOfTrack
    let melody: [UInt8] =
      [0x00, 0xFF, 0x03, 0x05] + Array("Flute".utf8) + [
        0x00, 0xC4, 73, 0x00, 0x94, 72, 64, 0x60, 0x84, 72, 0,
      ] + Fixtures.endOfTrack
    let score = try MIDIFile.decode(
      Data(Fixtures.file(tracks: [conductor, melody])), name: "maps.mid")
    #expect(score.title == "Song")
    #expect(
      score.meters == [
        MeterChange(tick: 0, meter: Meter(3, 4)), MeterChange(tick: 960, meter: Meter(6, 8)),
      ])
    #expect(score.keys.map(\.key.description) == ["C minor", "D major"])
    #expect(score.keys.map(\.tick) == [0, 960])
    #expect(score.tempos == [TempoChange(tick: 0, bpm: 100), TempoChange(tick: 960, bpm: 120)])
    #expect(score.tracks.map(\.name) == ["Flute"])
    #expect(score.tracks[0].channel == 4)
    #expect(score.tracks[0].program == 73)
    #expect(score.tracks[0].controls.isEmpty)
  }

  @Test func laterProgramChangesControllersBendAndPressureAreKept() throws {
    let body: [UInt8] =
      [0x00, 0xB2, 0x07, 0x64, 0x00, 0xC2, 0x18]  // volume 100, program 24 before the first note
      + [0x00, 0x92, 0x40, 0x50, 0x60, 0xE2, 0x00, 0x50, 0x00, 0xD2, 0x30, 0x00, 0xA2, 0x40, 0x20]
      + [0x60, 0x82, 0x40, 0x00, 0x00, 0xC2, 0x19] + Fixtures.endOfTrack
    let track = try MIDIFile.decode(Data(Fixtures.file(tracks: [body])), name: "ctl.mid").tracks[0]
    #expect(track.program == 24)
    #expect(
      track.controls == [
        ControlEvent(tick: 0, kind: .controller, number: 7, value: 100),
        ControlEvent(tick: 0x60, kind: .pitchBend, number: 0, value: 0x50 << 7),
        ControlEvent(tick: 0x60, kind: .channelPressure, number: 0, value: 0x30),
        ControlEvent(tick: 0x60, kind: .polyPressure, number: 0x40, value: 0x20),
        ControlEvent(tick: 0xC0, kind: .programChange, number: 25, value: 0),
      ])
  }

  @Test func aSetUpTrackLendsItsProgramToTheTrackThatPlaysOnItsChannel() throws {
    let setup: [UInt8] = [0x00, 0xC5, 40, 0x00, 0xB5, 10, 20] + Fixtures.endOfTrack
    let part: [UInt8] =
      [0x00, 0xFF, 0x03, 0x03] + Array("Vln".utf8) + [0x10, 0x95, 76, 70, 0x10, 0x85, 76, 0]
      + Fixtures.endOfTrack
    let score = try MIDIFile.decode(Data(Fixtures.file(tracks: [setup, part])), name: "setup.mid")
    #expect(score.tracks.count == 1)
    #expect(score.tracks[0].name == "Vln")
    #expect(score.tracks[0].program == 40)
    #expect(
      score.tracks[0].controls == [ControlEvent(tick: 0, kind: .controller, number: 10, value: 20)])
  }

  @Test func overlappingSamePitchNotesPairFirstInFirstOut() throws {
    // Two Cs start at 0 and 100; offs at 200 and 300: the first off ends the first note.
    let body: [UInt8] =
      [0x00, 0x90, 60, 10, 0x64, 0x90, 60, 20, 0x64, 0x80, 60, 0, 0x64, 0x80, 60, 0]
      + Fixtures.endOfTrack
    let track = try MIDIFile.decode(Data(Fixtures.file(tracks: [body])), name: "overlap.mid")
      .tracks[0]
    #expect(
      track.notes.map { [$0.start, $0.duration, $0.velocity] } == [[0, 200, 10], [100, 200, 20]])
  }

  @Test func notesNeverReleasedEndAtTheTrackEnd() throws {
    // End of Track 480 ticks after the second note-on, with neither note released.
    let body: [UInt8] = [0x00, 0x90, 60, 10, 0x64, 0x90, 62, 20, 0x83, 0x60, 0xFF, 0x2F, 0x00]
    let track = try MIDIFile.decode(Data(Fixtures.file(tracks: [body])), name: "open.mid").tracks[0]
    #expect(track.notes.map { [$0.start, $0.duration] } == [[0, 580], [100, 480]])
  }

  @Test func aTrackWithSeveralChannelsIsSplitAndNamed() throws {
    let body: [UInt8] =
      [0x00, 0xFF, 0x03, 0x04] + Array("Keys".utf8)
      + [
        0x00, 0x90, 48, 60, 0x00, 0x91, 72, 70, 0x00, 0x99, 36, 100, 0x60, 0x80, 48, 0, 0x00, 0x81,
        72, 0, 0x00, 0x89, 36, 0,
      ]
      + Fixtures.endOfTrack
    let score = try MIDIFile.decode(Data(Fixtures.file(tracks: [body])), name: "split.mid")
    #expect(
      score.tracks.map(\.name) == ["Keys (channel 1)", "Keys (channel 2)", "Keys (channel 10)"])
    #expect(score.tracks.map(\.channel) == [0, 1, 9])
    #expect(score.tracks.map { $0.notes.map(\.pitch.midi) } == [[48], [72], [36]])
    #expect(score.title == nil, "a single track with notes is not a conductor track")
  }

  @Test func formatTwoIsReadLikeFormatOne() throws {
    let body: [UInt8] = [0x00, 0x90, 60, 10, 0x60, 0x80, 60, 0] + Fixtures.endOfTrack
    let score = try MIDIFile.decode(
      Data(Fixtures.file(format: 2, tracks: [body, body])), name: "two.mid")
    #expect(score.tracks.map(\.name) == ["Track 1", "Track 2"])
  }

  @Test func riffWrappedMIDIIsRead() throws {
    let smf = Fixtures.file(tracks: [[0x00, 0x90, 60, 10, 0x60, 0x80, 60, 0] + Fixtures.endOfTrack])
    let data: [UInt8] = Array("data".utf8) + ByteWriter.u32(smf.count).reversed() + smf
    let riff: [UInt8] =
      Array("RIFF".utf8) + ByteWriter.u32(4 + data.count).reversed() + Array("RMID".utf8) + data
    #expect(try MIDIFile.decode(Data(riff), name: "song.rmi").tracks[0].notes.count == 1)
  }
}

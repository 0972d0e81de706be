import Foundation
import Testing
import Theory

@testable import SMF

/// Real MIDI files from ../shared/data, checked against the independent parser mido.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data (POP909, Nottingham, VGMIDI)"))
struct RealFileTests {
  static let pop909Sample = [1, 2, 17, 250, 500, 909].map(SharedData.pop909)
  static let nottinghamSample = SharedData.midiFiles(in: "nottingham/MIDI", count: 4)
  static let vgmidiSample = SharedData.midiFiles(in: "vgmidi/labelled/midi", count: 4)

  /// Note starts as mido reports them (tick, channel, pitch, velocity), sorted.
  static func noteOns(_ score: Score) -> [Mido.NoteOn] {
    score.tracks.flatMap { track in
      track.notes.map {
        Mido.NoteOn(
          tick: $0.start, channel: track.channel, pitch: $0.pitch.midi, velocity: $0.velocity)
      }
    }.sorted()
  }

  @Test(arguments: pop909Sample)
  func pop909FileIsWrittenBackWithIdenticalNotes(path: String) throws {
    let original = try MIDIFile.read(path: path)
    #expect(!original.tracks.isEmpty)
    #expect(
      original.tracks.contains { $0.name == "MELODY" },
      "POP909 names its tracks MELODY, BRIDGE, PIANO")
    let again = try MIDIFile.decode(MIDIFile.encode(original), name: "copy of \(path)")
    #expect(firstDifference(Fixtures.allNotes(again), Fixtures.allNotes(original)) == nil)
    #expect(again.tracks.map(\.name) == original.tracks.map(\.name))
    #expect(again.tracks.map(\.program) == original.tracks.map(\.program))
    #expect(again.tracks.map(\.controls) == original.tracks.map(\.controls))
    #expect(again.tempos == original.tempos)
    #expect(again.meters == original.meters)
    #expect(again.keys == original.keys)
    #expect(
      MIDIFile.encode(again) == MIDIFile.encode(original), "a second round trip changes nothing")
  }

  @Test(
    .enabled(
      if: Mido.available, "needs /usr/bin/python3 with mido: apt-get install -y python3-mido"))
  func pop909NotesMatchMidoForTheOriginalAndOurCopy() throws {
    let folder = try ScratchFolder()
    var copies: [String: String] = [:]
    for path in Self.pop909Sample {
      let copy = folder.path(URL(fileURLWithPath: path).lastPathComponent)
      try MIDIFile.write(try MIDIFile.read(path: path), to: copy)
      copies[path] = copy
    }
    let mido = try Mido.noteOns(of: Self.pop909Sample + Array(copies.values))
    for path in Self.pop909Sample {
      let ours = Self.noteOns(try MIDIFile.read(path: path))
      #expect(ours.count > 100)
      #expect(ours.count == mido[path]?.count, "note count of \(path)")
      #expect(firstDifference(ours, mido[path] ?? []) == nil, "notes of \(path)")
      #expect(
        firstDifference(mido[copies[path]!] ?? [], mido[path] ?? []) == nil,
        "mido reads the same notes from our copy of \(path)")
    }
  }

  @Test(
    .enabled(
      if: Mido.available, "needs /usr/bin/python3 with mido: apt-get install -y python3-mido"))
  func nottinghamAndVGMIDINotesMatchMido() throws {
    let paths = Self.nottinghamSample + Self.vgmidiSample
    #expect(paths.count == 8)
    let mido = try Mido.noteOns(of: paths)
    for path in paths {
      let score = try MIDIFile.read(path: path)
      let ours = Self.noteOns(score)
      #expect(!ours.isEmpty, "\(path) has notes")
      #expect(ours.count == mido[path]?.count, "note count of \(path)")
      #expect(firstDifference(ours, mido[path] ?? []) == nil, "notes of \(path)")
      let again = try MIDIFile.decode(MIDIFile.encode(score), name: path)
      #expect(
        firstDifference(Fixtures.allNotes(again), Fixtures.allNotes(score)) == nil,
        "round trip of \(path)")
    }
  }

  @Test(
    .enabled(
      if: Mido.available, "needs /usr/bin/python3 with mido: apt-get install -y python3-mido"))
  func aRealFormatZeroFileIsSplitIntoOneTrackPerChannel() throws {
    let path = SharedData.path("vgmidi/labelled/midi/Chrono_SNES_Chrono Trigger_Maguss Theme.mid")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes[9] == 0, "the file is format 0")
    let score = try MIDIFile.read(path: path)
    #expect(score.title == "Magus' Theme")
    #expect(score.tracks.map(\.channel) == [0, 1])
    #expect(score.tracks.map(\.name) == ["Magus' Theme (channel 1)", "Magus' Theme (channel 2)"])
    let mido = try Mido.noteOns(of: [path])[path] ?? []
    for track in score.tracks {
      #expect(
        track.notes.count == mido.filter { $0.channel == track.channel }.count,
        "channel \(track.channel + 1)")
    }
    // Written back as format 1, each channel keeps its own named track.
    let again = try MIDIFile.decode(MIDIFile.encode(score), name: path)
    #expect(again.tracks.map(\.name) == score.tracks.map(\.name))
    #expect(firstDifference(Fixtures.allNotes(again), Fixtures.allNotes(score)) == nil)
  }

  /// Every third song (303 files, about 500,000 notes) keeps the debug-build suite quick; the
  /// benchmark covers all 909.
  @Test func everyThirdPOP909FileReadsAndRoundTrips() throws {
    var notes = 0
    for n in stride(from: 1, through: 909, by: 3) {
      let path = SharedData.pop909(n)
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let score = try MIDIFile.read(path: path)
      let again = try MIDIFile.decode(MIDIFile.encode(score), name: path)
      #expect(
        firstDifference(Fixtures.allNotes(again), Fixtures.allNotes(score)) == nil,
        "round trip of \(path)")
      notes += score.tracks.reduce(0) { $0 + $1.notes.count }
    }
    #expect(notes > 400_000)
  }
}

import Foundation
import Testing

/// `moodsketch harmonize`: the melody comes back note for note (read by mido), the band is new, and
/// bad tunes get one line.
struct HarmonizeCommandTests {
  static let mido =
    (try? CLI.launch(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", "import mido"]).status) == 0

  /// Note-on/off events of one named track as "tick:note:velocity" lines, read by mido.
  static func notes(_ path: String, track: String) throws -> [Substring] {
    let script = """
      import mido, sys
      m = mido.MidiFile(sys.argv[1])
      for tr in m.tracks:
          if tr.name != sys.argv[2]: continue
          t = 0
          for msg in tr:
              t += msg.time
              if msg.type in ('note_on', 'note_off'):
                  v = msg.velocity if msg.type == 'note_on' else 0
                  print(f"{t}:{msg.channel}:{msg.note}:{v}")
      """
    let r = try CLI.launch(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, path, track])
    return r.stdout.split(separator: "\n")
  }

  @Test(.enabled(if: mido, "needs /usr/bin/python3 with mido: apt-get install -y python3-mido"))
  func theMelodyIsKeptNoteForNoteAndTheBandIsWrittenAroundIt() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sketch = folder.appendingPathComponent("tune").path
    #expect(
      try CLI.run([
        "sketch", "gentle folk song", "--seed", "4", "--out", sketch, "--no-render",
        "--no-references",
      ]).status == 0)
    let tune = sketch + "/sketch.mid"
    let out = folder.appendingPathComponent("band").path
    let result = try CLI.run([
      "harmonize", tune, "upbeat pop", "--track", "Melody", "--out", out, "--no-render",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("melody: track 'Melody' of sketch.mid"))
    let before = try Self.notes(tune, track: "Melody")
    #expect(!before.isEmpty)
    #expect(try Self.notes(out + "/sketch.mid", track: "Melody") == before)
    for part in ["Chords", "Bass", "Drums"] {
      #expect(!(try Self.notes(out + "/sketch.mid", track: part)).isEmpty, "\(part)")
    }
    // The same seed gives the same bytes.
    let again = folder.appendingPathComponent("again").path
    #expect(
      try CLI.run(["harmonize", tune, "upbeat pop", "--out", again, "--no-render"]).status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: out + "/sketch.mid"))
        == Data(contentsOf: URL(fileURLWithPath: again + "/sketch.mid")))
  }

  @Test(.enabled(if: mido, "needs /usr/bin/python3 with mido: apt-get install -y python3-mido"))
  func sketchWithAMelodyKeepsItToo() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sketch = folder.appendingPathComponent("tune").path
    #expect(
      try CLI.run([
        "sketch", "sad waltz", "--seed", "2", "--out", sketch, "--no-render", "--no-references",
      ])
      .status == 0)
    let out = folder.appendingPathComponent("lofi").path
    let result = try CLI.run([
      "sketch", "dreamy lo-fi", "--melody", sketch + "/sketch.mid", "--out", out, "--no-render",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      try Self.notes(out + "/sketch.mid", track: "Melody")
        == Self.notes(sketch + "/sketch.mid", track: "Melody"))
    let clash = try CLI.run([
      "sketch", "calm", "--melody", sketch + "/sketch.mid", "--bars", "4", "--out", out + "2",
    ])
    #expect(clash.status == 64)
    #expect(clash.stderr.contains("--melody takes its key, metre, tempo and length from the tune"))
  }

  @Test func badTunesAreOneLineAndWriteNothing() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out").path
    func run(_ arguments: [String]) throws -> CLIResult {
      try CLI.run(["harmonize"] + arguments + ["--out", out, "--no-render"])
    }
    let missing = try run([folder.appendingPathComponent("nope.mid").path])
    #expect(missing.status == 66, "\(missing.stderr)")
    let text = folder.appendingPathComponent("notes.mid")
    try "not a MIDI file".write(to: text, atomically: true, encoding: .utf8)
    #expect(try run([text.path]).status == 65)
    // Only drums: one note on channel 10.
    let drums = folder.appendingPathComponent("drums.mid")
    let track: [UInt8] = [0, 0x99, 36, 100, 0x60, 0x89, 36, 0, 0, 0xFF, 0x2F, 0]
    let file: [UInt8] =
      Array("MThd".utf8) + [0, 0, 0, 6, 0, 0, 0, 1, 0, 96] + Array("MTrk".utf8)
      + [0, 0, 0, UInt8(track.count)] + track
    try Data(file).write(to: drums)
    let onlyDrums = try run([drums.path])
    #expect(onlyDrums.status == 65)
    #expect(onlyDrums.stderr.contains("only drum notes"), "\(onlyDrums.stderr)")
    let sketch = folder.appendingPathComponent("s").path
    #expect(
      try CLI.run(["sketch", "calm", "--out", sketch, "--no-render", "--no-references"]).status
        == 0)
    let noTrack = try run([sketch + "/sketch.mid", "--track", "Kazoo"])
    #expect(noTrack.status == 64)
    #expect(noTrack.stderr.contains("no track 'Kazoo'") && noTrack.stderr.contains("Melody"))
    let chords = try run([sketch + "/sketch.mid", "--track", "Chords"])
    #expect(chords.status == 64)
    #expect(chords.stderr.contains("polyphonic"), "\(chords.stderr)")
    for result in [missing, onlyDrums, noTrack, chords] {
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

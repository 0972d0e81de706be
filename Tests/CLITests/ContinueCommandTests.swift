import Foundation
import SMF
import Testing
import Theory

/// `moodsketch continue DRAFT.mid`: a small draft from "another DAW", continued by four bars.
@Suite struct ContinueCommandTests {
  func note(_ start: Int, _ length: Int, _ midi: Int) -> NoteEvent {
    NoteEvent(start: start, duration: length, pitch: Pitch(midi), velocity: 90)
  }

  /// Four bars in A minor: Am F C G under a lead line with a repeated figure, bass, and drums.
  func writeDraft(_ url: URL, meters: [MeterChange] = [MeterChange(tick: 0, meter: .commonTime)])
    throws
  {
    let roots = [45, 41, 48, 43]
    let triads = [[57, 60, 64], [53, 57, 60], [55, 60, 64], [55, 59, 62]]
    let figure = [0, 2, 3, 2, 0, -2]
    var lead: [NoteEvent] = []
    for bar in 0..<4 {
      let lift = bar == 2 ? 3 : 0
      for (i, step) in figure.enumerated() {
        lead.append(note(bar * 1920 + i * 240, 240, 69 + step + lift))
      }
      lead.append(note(bar * 1920 + 1440, 480, 72))
    }
    let pad = (0..<4).flatMap { bar in triads[bar].map { note(bar * 1920, 1920, $0) } }
    let bass = (0..<4).flatMap { bar in [0, 960].map { note(bar * 1920 + $0, 960, roots[bar]) } }
    var drums: [NoteEvent] = []
    for beat in 0..<16 {
      drums.append(note(beat * 480, 120, beat % 2 == 0 ? 36 : 38))
      drums.append(note(beat * 480, 120, 42))
    }
    let score = Score(
      ticksPerQuarter: 480, tempos: [TempoChange(tick: 0, bpm: 92)], meters: meters,
      keys: [KeyChange(tick: 0, key: Key(NoteClass(.A), .minor))],
      tracks: [
        Track(name: "Lead Synth", program: 81, channel: 2, notes: lead),
        Track(name: "Strings", program: 48, channel: 3, notes: pad),
        Track(name: "Bass", program: 33, channel: 4, notes: bass),
        Track(name: "Kit", program: 0, channel: 9, notes: drums),
      ])
    try MIDIFile.write(score, to: url.path)
  }

  @Test func continuesADraftKeepingItsTracksAndNotes() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let draft = dir.appendingPathComponent("draft.mid")
    try writeDraft(draft)
    let out = dir.appendingPathComponent("more")
    let r = try CLI.run([
      "continue", draft.path, "--bars", "4", "--out", out.path, "--no-render", "--seed", "3",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains("draft: draft.mid, 4 bars in A minor (key signature in the file)"),
      "\(r.stdout)")
    #expect(r.stdout.contains("melody: track 'Lead Synth'"))
    #expect(r.stdout.contains("draft chords: Am F C G"), "\(r.stdout)")
    let original = try MIDIFile.read(path: draft.path)
    let result = try MIDIFile.read(path: out.appendingPathComponent("sketch.mid").path)
    #expect(result.tracks.map(\.name) == original.tracks.map(\.name))
    #expect(result.tracks.map(\.channel) == original.tracks.map(\.channel))
    #expect(result.tracks.map(\.program) == original.tracks.map(\.program))
    for (a, b) in zip(original.tracks, result.tracks) {
      #expect(Set(b.notes.filter { $0.start < 4 * 1920 }) == Set(a.notes))
      #expect(b.notes.contains { $0.start >= 4 * 1920 }, "\(a.name) was not continued")
    }
    #expect(result.endTick <= 8 * 1920)
    for name in ["sketch.mid", "sketch.musicxml", "sketch.svg", "sketch.json"] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
    }
    // Same seed, same bytes; --json gives the same facts.
    let again = dir.appendingPathComponent("again")
    let j = try CLI.run([
      "continue", draft.path, "--bars", "4", "--out", again.path, "--no-render", "--seed", "3",
      "--json",
    ])
    #expect(j.status == 0)
    #expect(j.stdout.contains("\"draftBars\""))
    #expect(
      try Data(contentsOf: out.appendingPathComponent("sketch.mid"))
        == Data(contentsOf: again.appendingPathComponent("sketch.mid")))
  }

  @Test func badDraftsGiveOneLineAndNoFiles() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    func run(_ args: [String]) throws -> CLIResult {
      try CLI.run(["continue"] + args + ["--out", out.path, "--no-render"])
    }
    let missing = try run([dir.appendingPathComponent("nope.mid").path])
    #expect(missing.status == 66, "\(missing.stderr)")

    let text = dir.appendingPathComponent("notes.mid")
    try "not a midi file".write(to: text, atomically: true, encoding: .utf8)
    let notMIDI = try run([text.path])
    #expect(notMIDI.status == 65, "\(notMIDI.stderr)")

    let empty = dir.appendingPathComponent("empty.mid")
    try MIDIFile.write(Score(tracks: [Track(name: "Lead", program: 0, channel: 0)]), to: empty.path)
    let noNotes = try run([empty.path])
    #expect(noNotes.status == 65)
    #expect(noNotes.stderr.contains("has no notes"))

    let changing = dir.appendingPathComponent("changing.mid")
    try writeDraft(
      changing,
      meters: [
        MeterChange(tick: 0, meter: .commonTime), MeterChange(tick: 3840, meter: Meter(3, 4)),
      ])
    let meter = try run([changing.path])
    #expect(meter.status == 65)
    #expect(meter.stderr.contains("changes metre from 4/4 to 3/4 at bar 3"), "\(meter.stderr)")

    let draft = dir.appendingPathComponent("draft.mid")
    try writeDraft(draft)
    for bars in ["0", "100000"] {
      let r = try run([draft.path, "--bars", bars])
      #expect(r.status == 64)
      #expect(r.stderr.contains("out of range"))
    }
    for r in [missing, notMIDI, noNotes, meter] {
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
      #expect(r.stdout.isEmpty)
    }
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}

import Foundation
import Testing

/// `sketch --form` and mood journeys from the command line: sections in the MIDI (read back by mido)
/// and in sketch.json, and one-line errors for malformed forms.
struct SketchFormTests {
  static let midoAvailable =
    (try? CLI.launch(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", "import mido"]).status) == 0

  @Test(
    .enabled(if: midoAvailable, "needs /usr/bin/python3 with mido: apt-get install -y python3-mido")
  )
  func sectionsAreMIDIMarkersAndSketchJSONEntries() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("song").path
    let made = try CLI.run([
      "sketch", "warm summer evening", "--form", "intro:2 verse:4 chorus:4 verse:4 chorus:4",
      "--seed", "3", "--out", out, "--no-render", "--no-references",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("Chorus 2   bars 15–18"))
    let script = """
      import mido, sys
      m = mido.MidiFile(sys.argv[1]); t = 0
      for msg in m.tracks[0]:
          t += msg.time
          if msg.type == 'marker' and msg.text.split(' ')[0] in ('Intro', 'Verse', 'Chorus'):
              print(t // (4 * m.ticks_per_beat) + 1, msg.text)
      """
    let read = try CLI.launch(
      URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, out + "/sketch.mid"])
    #expect(
      read.stdout.split(separator: "\n")
        == ["1 Intro", "3 Verse 1", "7 Chorus 1", "11 Verse 2", "15 Chorus 2"])
    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: out + "/sketch.json"))) as? [String: Any]
    let sections = try #require(json?["sections"] as? [[String: Any]])
    #expect(
      sections.map { $0["label"] as? String } == [
        "Intro", "Verse 1", "Chorus 1", "Verse 2", "Chorus 2",
      ])
    #expect(sections.map { $0["firstBar"] as? Int } == [1, 3, 7, 11, 15])
    #expect(json?["bars"] as? Int == 18)
  }

  @Test func aJourneyPromptWritesItsSections() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("j").path
    let made = try CLI.run([
      "sketch", "sad verse, joyful chorus", "--seed", "1", "--out", out, "--no-render",
      "--no-references", "--json",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any]
    let sections = try #require(json?["sections"] as? [[String: Any]])
    let modes = sections.map { ($0["keyDetail"] as? [String: Any])?["mode"] as? String }
    #expect(modes == ["minor", "major"])
  }

  @Test(arguments: [
    (
      ["--form", "verse:0 chorus:8"],
      "moodsketch: --form section 1 'verse:0': a section is 1 to 64 bars long"
    ),
    (
      ["--form", "verse:8 chorus"],
      "moodsketch: --form section 2 'chorus' needs a length in bars, e.g. chorus:8"
    ),
    (["--form", "solo:8"], "moodsketch: --form section 'solo' is not a section name"),
    (
      ["--form", "song", "--bars", "8"],
      "moodsketch: --form sets the length in bars; leave out --bars"
    ),
  ])
  func malformedFormsAreOneLineUsageErrors(arguments: [String], message: String) throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("x").path
    let result = try CLI.run(["sketch", "calm"] + arguments + ["--out", out, "--no-render"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aVariedSongKeepsItsSections() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let song = folder.appendingPathComponent("song").path
    let varied = folder.appendingPathComponent("varied").path
    #expect(
      try CLI.run([
        "sketch", "sad verse, joyful chorus", "--seed", "2", "--out", song, "--no-render",
        "--no-references",
      ]).status == 0)
    let result = try CLI.run(["vary", song, "--part", "bass", "--out", varied, "--no-render"])
    #expect(result.status == 0, "\(result.stderr)")
    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: varied + "/sketch.json"))) as? [String: Any]
    let sections = try #require(json?["sections"] as? [[String: Any]])
    #expect(sections.map { $0["label"] as? String } == ["Verse", "Chorus"])
  }

  @Test func aJourneyWithAnUnknownWordNamesIt() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("x").path
    let result = try CLI.run([
      "sketch", "sad verse, zorbly chorus", "--out", out, "--no-render", "--no-references",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("zorbly"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

import Foundation
import Testing

/// `moodsketch sketch` and `moodsketch train` as a user runs them.
@Suite struct SketchCommandTests {
  @Test func writesMIDIAndJSONAndPrintsTheProgression() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("drive").path
    let result = try CLI.run([
      "sketch", "bittersweet late night drive", "--out", out, "--seed", "7", "--no-render",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: out + "/sketch.mid"))
    #expect(FileManager.default.fileExists(atPath: out + "/sketch.json"))
    #expect(!FileManager.default.fileExists(atPath: out + "/sketch.wav"))
    #expect(result.stdout.contains("progression:"))
    #expect(result.stdout.contains("melody:"))
    #expect(result.stdout.contains("bar 1:"))
    // No staging leftovers.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "sketch.json", "sketch.mid", "sketch.musicxml", "sketch.svg",
      ])
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: out + "/sketch.json")))
    let report = try #require(json as? [String: Any])
    let bars = try #require(report["progression"] as? [[String: Any]])
    #expect(bars.count == 8)
    #expect((report["melody"] as? [Any])?.isEmpty == false)
    #expect(report["seed"] as? Int == 7)
  }

  @Test func samePromptAndSeedGiveIdenticalMIDI() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [Data] = []
    for name in ["a", "b", "c", "d"] {
      let out = folder.appendingPathComponent(name).path
      // a, b with an explicit seed; c, d with the seed taken from the prompt.
      let seed = name < "c" ? ["--seed", "11"] : []
      let result = try CLI.run(
        ["sketch", "happy summer road trip", "--out", out, "--no-render"] + seed)
      #expect(result.status == 0, "\(result.stderr)")
      files.append(try Data(contentsOf: URL(fileURLWithPath: out + "/sketch.mid")))
    }
    #expect(files[0] == files[1])
    #expect(files[2] == files[3])
    #expect(files[0] != files[2])
  }

  @Test func happyAndSadPromptsGiveMajorFastAndMinorSlow() throws {
    func plan(_ prompt: String) throws -> [String: Any] {
      let folder = try CLI.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let result = try CLI.run([
        "sketch", prompt, "--out", folder.path + "/s", "--no-render", "--json",
      ])
      #expect(result.status == 0, "\(result.stderr)")
      return try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
    let happy = try plan("happy energetic sunny party")
    let sad = try plan("sad lonely grief, slow")
    #expect(happy["mode"] as? String == "major")
    #expect(sad["mode"] as? String == "minor")
    #expect((happy["tempoBPM"] as? Double ?? 0) > (sad["tempoBPM"] as? Double ?? 0))
  }

  @Test func flagsOverrideTheMood() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run([
      "sketch", "happy", "--out", folder.path + "/s", "--no-render", "--json", "--key", "F# minor",
      "--tempo", "90",
      "--meter", "3/4", "--bars", "12", "--style", "folk",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(report["key"] as? String == "F# minor")
    #expect(report["tempoBPM"] as? Double == 90)
    #expect(report["meter"] as? String == "3/4")
    #expect((report["progression"] as? [Any])?.count == 12)
    #expect(report["style"] as? String == "folk")
  }

  @Test(arguments: [
    (["--bars", "0"], "--bars 0"), (["--bars", "300"], "--bars 300"),
    (["--tempo", "500"], "--tempo 500"),
    (["--tempo=-3"], "--tempo -3"), (["--meter", "4/5"], "4/5"), (["--key", "H major"], "H major"),
    (["--style", "polka"], "polka"),
  ])
  func badFlagsExit64NamingTheValue(flags: [String], named: String) throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("s").path
    let result = try CLI.run(["sketch", "calm", "--out", out, "--no-render"] + flags)
    #expect(result.status == 64)
    #expect(result.stderr.contains(named), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func unwritableOutExits73AndLeavesNothing() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A path under a regular file can never be created, even by root.
    let blocker = folder.appendingPathComponent("file.txt")
    try Data("x".utf8).write(to: blocker)
    let result = try CLI.run(["sketch", "calm", "--out", blocker.path + "/sketch", "--no-render"])
    #expect(result.status == 73)
    #expect(result.stderr.contains(blocker.path), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["file.txt"])
  }

  @Test func invalidSoundFontFailsWithoutPartialFiles() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fake = folder.appendingPathComponent("fake.sf2")
    try Data("not a soundfont".utf8).write(to: fake)
    let out = folder.appendingPathComponent("s").path
    let result = try CLI.run(["sketch", "calm", "--out", out, "--soundfont", fake.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("fake.sf2"))
    #expect(!FileManager.default.fileExists(atPath: out + "/sketch.mid"))
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: "/usr/share/sounds/sf2/FluidR3_GM.sf2"),
      "needs fluid-soundfont-gm"))
  func rendersAWAVNextToTheMIDI() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("s").path
    let result = try CLI.run([
      "sketch", "warm folk campfire", "--out", out, "--bars", "4", "--soundfont",
      "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let wav = try Data(contentsOf: URL(fileURLWithPath: out + "/sketch.wav"))
    #expect(wav.count > 100_000)
    #expect(String(decoding: wav.prefix(4), as: UTF8.self) == "RIFF")
  }

  /// A lydian sketch must sound lydian: its chords and melody in A lydian (D♯, never D), spelled so,
  /// with the numerals of the mode (B major is II), and the lydian II in at least one of four seeds.
  @Test func lydianSketchesStayLydianAndNameChordsInTheMode() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lydian: Set<String> = ["A", "B", "C#", "D#", "E", "F#", "G#"]
    var numerals: [String] = []
    for seed in 1...4 {
      let result = try CLI.run([
        "sketch", "dreamy ambient space", "--key", "A lydian", "--seed", "\(seed)", "--no-render",
        "--json", "--out", folder.appendingPathComponent("s\(seed)").path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let report = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      #expect(report["key"] as? String == "A lydian")
      let bars = try #require(report["progression"] as? [[String: Any]])
      for chord in bars.flatMap({ $0["chords"] as? [[String: Any]] ?? [] }) {
        let symbol = chord["symbol"] as? String ?? ""
        #expect(!symbol.hasPrefix("D") || symbol.hasPrefix("D#"), "seed \(seed): \(symbol)")
        numerals.append(chord["roman"] as? String ?? "")
      }
      for note in report["melody"] as? [[String: Any]] ?? [] {
        let name = (note["name"] as? String ?? "").filter { !$0.isNumber && $0 != "-" }
        #expect(lydian.contains(name), "seed \(seed): melody note \(name)")
      }
    }
    #expect(numerals.contains { $0.hasPrefix("II") }, "no lydian II in \(numerals)")
    #expect(!numerals.contains { $0.hasPrefix("IV") }, "a major IV is not lydian: \(numerals)")
  }

  @Test func trainWithoutDataNamesTheFolder() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run([
      "train", "--data", folder.path + "/nothing", "--out", folder.path + "/m.json",
    ])
    #expect(result.status == 66)
    #expect(result.stderr.contains(folder.path + "/nothing"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/m.json"))
  }
}

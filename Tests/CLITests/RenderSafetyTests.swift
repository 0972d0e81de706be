import Foundation
import Testing

/// `render` refuses absurd lengths before writing, cleans up when interrupted, names the real reason
/// for inputs that are not files, and keeps C-library chatter off stderr (issue 13, items 1, 4, 11, 21).
@Suite struct RenderSafetyTests {
  let fm = FileManager.default

  @Test func anAbsurdlyLongMIDIFileIsRefusedBeforeRendering() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    // 44 bytes: one note-off 0x0FFFFFFF ticks after its note-on, about 388 hours at 120 BPM.
    let tiny = folder.appendingPathComponent("tiny.mid")
    try TinyFiles.midi(noteTicks: 0x0FFF_FFFF, to: tiny)
    let out = folder.appendingPathComponent("x.wav").path
    let result = try CLI.run(["render", tiny.path, "--out", out])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("tiny.mid would render 388:"), "\(result.stderr)")
    #expect(result.stderr.contains("GB"), "says how big it would be: \(result.stderr)")
    #expect(result.stderr.contains("--max-duration"), "says how to override: \(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try fm.contentsOfDirectory(atPath: folder.path) == ["tiny.mid"], "nothing written")

    let invalid = try CLI.run(["render", tiny.path, "--out", out, "--max-duration", "-3"])
    #expect(invalid.status == 64)
    #expect(invalid.stderr.contains("--max-duration -3"), "\(invalid.stderr)")
  }

  @Test(.enabled(if: TinyFiles.soundFont != nil, "needs fluid-soundfont-gm"))
  func aRaisedLimitRendersAndJSONNeverShowsProgress() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let mid = folder.appendingPathComponent("one.mid")
    try TinyFiles.midi(noteTicks: 192 * 30, to: mid)  // 30 s
    let out = folder.appendingPathComponent("one.wav").path
    let refused = try CLI.run([
      "render", mid.path, "--out", out, "--max-duration", "20", "--soundfont", TinyFiles.soundFont!,
    ])
    #expect(refused.status == 65)
    let result = try CLI.run([
      "render", mid.path, "--out", out, "--max-duration", "60", "--json", "--soundfont",
      TinyFiles.soundFont!,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("rendering"), "no progress into a pipe or with --json")
    let wav = try Data(contentsOf: URL(fileURLWithPath: out))
    #expect(String(decoding: wav.prefix(4), as: UTF8.self) == "RIFF", "small WAVs stay plain RIFF")
  }

  /// `script` gives the render a terminal, where a long render shows its progress — but not with --json.
  @Test(
    .enabled(
      if: TinyFiles.soundFont != nil
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
      "needs fluid-soundfont-gm and script(1) for a terminal"))
  func progressShowsOnATerminalOnlyWithoutJSON() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let mid = folder.appendingPathComponent("minute.mid")
    try TinyFiles.midi(noteTicks: 192 * 90, to: mid)  // 90 s of audio
    func onATerminal(_ extra: String) throws -> CLIResult {
      let command =
        "\(CLI.executable.path) render \(mid.path) --out \(folder.path)/m.wav --soundfont \(TinyFiles.soundFont!)\(extra)"
      return try CLI.run(
        ["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
    }
    let plain = try onATerminal("")
    #expect(plain.status == 0, "\(plain.stdout)")
    #expect(plain.stdout.contains("rendering "), "a progress line on the terminal")
    let json = try onATerminal(" --json")
    #expect(json.status == 0, "\(json.stdout)")
    #expect(!json.stdout.contains("rendering "), "never next to --json")
  }

  @Test(.enabled(if: TinyFiles.soundFont != nil, "needs fluid-soundfont-gm"))
  func anInterruptedRenderRemovesItsTemporaryFile() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let mid = folder.appendingPathComponent("long.mid")
    try TinyFiles.midi(noteTicks: 192 * 60 * 20, to: mid)  // 20 minutes: still rendering when signalled
    for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
      let run = try RunningCLI([
        "render", mid.path, "--out", folder.appendingPathComponent("x.wav").path, "--soundfont",
        TinyFiles.soundFont!,
      ])
      let started = run.waitUntil {
        ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).contains { $0.hasPrefix(".x.") }
      }
      #expect(started, "the render never created its temporary file")
      run.send(signal)
      let result = run.finish()
      #expect(result.status == status, "\(result.stderr)")
      #expect(try fm.contentsOfDirectory(atPath: folder.path) == ["long.mid"])
    }
  }

  @Test(.enabled(if: TinyFiles.soundFont != nil, "needs fluid-soundfont-gm"))
  func aKilledRendersLeftoverIsSweptByTheNextRun() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let mid = folder.appendingPathComponent("long.mid")
    try TinyFiles.midi(noteTicks: 192 * 60 * 20, to: mid)
    let run = try RunningCLI([
      "render", mid.path, "--out", folder.appendingPathComponent("x.wav").path, "--soundfont",
      TinyFiles.soundFont!,
    ])
    var leftover: String?
    _ = run.waitUntil {
      leftover = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).first {
        $0.hasPrefix(".x.")
      }
      return leftover != nil
    }
    run.send(SIGKILL)  // no handler runs: the temporary file stays
    _ = run.finish()
    let name = try #require(leftover)
    #expect(fm.fileExists(atPath: folder.appendingPathComponent(name).path))
    try fm.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-600)],
      ofItemAtPath: folder.appendingPathComponent(name).path)
    let short = folder.appendingPathComponent("short.mid")
    try TinyFiles.midi(noteTicks: 96, to: short)
    let next = try CLI.run(["render", short.path, "--soundfont", TinyFiles.soundFont!])
    #expect(next.status == 0, "\(next.stderr)")
    #expect(!fm.fileExists(atPath: folder.appendingPathComponent(name).path), "swept")
  }

  @Test func inputsThatAreNotFilesAreNamedAsSuch() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("pipe.mid").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let sub = folder.appendingPathComponent("songs.mid").path
    try fm.createDirectory(atPath: sub, withIntermediateDirectories: true)
    for (input, reason) in [
      (fifo, "FIFO"), ("/dev/zero", "character device"), ("/dev/urandom", "character device"),
      (sub, "it is a folder"),
    ] {
      let result = try CLI.run(["render", input, "--out", folder.path + "/x.wav"])
      #expect(result.status == 66, "\(input): \(result.stderr)")
      #expect(result.stderr.contains(reason), "\(input): \(result.stderr)")
      #expect(!result.stderr.contains("permission"), "\(input): \(result.stderr)")
      #expect(!result.stderr.contains("does not exist"), "\(input): \(result.stderr)")
    }
  }

  @Test(.enabled(if: TinyFiles.soundFont != nil, "needs fluid-soundfont-gm"))
  func aTruncatedSoundFontGivesOurLineOnly() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let whole = try Data(contentsOf: URL(fileURLWithPath: TinyFiles.soundFont!))
    let truncated = folder.appendingPathComponent("cut.sf2")
    try whole.prefix(200_000).write(to: truncated)
    let mid = folder.appendingPathComponent("one.mid")
    try TinyFiles.midi(noteTicks: 96, to: mid)
    let result = try CLI.run(["render", mid.path, "--soundfont", truncated.path])
    #expect(result.status == 65)
    #expect(!result.stderr.contains("CRITICAL"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("cut.sf2 is a damaged or truncated SoundFont"))
  }
}

import Foundation
import Testing

/// A sketch folder is checked and replaced as one unit, and interrupted or killed runs leave none
/// of our hidden files behind (issue 13, items 2, 3, 4 and 12).
@Suite struct SketchFolderSafetyTests {
  let fm = FileManager.default

  @Test func aFolderInTheWayOfOneFileWritesNothing() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let out = folder.appendingPathComponent("d").path
    try fm.createDirectory(atPath: out + "/sketch.mid", withIntermediateDirectories: true)
    let result = try CLI.run(["sketch", "calm", "--out", out, "--no-render", "--no-references"])
    #expect(result.status == 73, "\(result.stderr)")
    #expect(result.stderr.contains("\(out)/sketch.mid"), "\(result.stderr)")
    #expect(result.stderr.contains("a folder is in the way"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try fm.contentsOfDirectory(atPath: out) == ["sketch.mid"], "no sketch.json, no staging")
  }

  @Test(.enabled(if: TinyFiles.soundFont != nil, "needs fluid-soundfont-gm"))
  func aNewSketchReplacesEveryOldSketchFile() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let out = folder.appendingPathComponent("d").path
    try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
    try Data("my notes".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
    let first = try CLI.run([
      "sketch", "happy sunny upbeat", "--out", out, "--bars", "2", "--no-references",
      "--soundfont", TinyFiles.soundFont!,
    ])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(fm.fileExists(atPath: out + "/sketch.wav"))
    let second = try CLI.run([
      "sketch", "dark sad slow funeral", "--out", out, "--no-render", "--no-references",
    ])
    #expect(second.status == 0, "\(second.stderr)")
    // The old WAV would carry the first mood into `references`: it goes with the rest.
    #expect(
      try fm.contentsOfDirectory(atPath: out).sorted() == [
        "notes.txt", "sketch.json", "sketch.mid", "sketch.musicxml", "sketch.svg",
      ])
    let json = try String(contentsOfFile: out + "/sketch.json", encoding: .utf8)
    #expect(json.contains("funeral"))
  }

  @Test(.enabled(if: TinyFiles.canMount, "needs root to mount a small tmpfs (full disk)"))
  func aFullDiskNamesTheFinalPathAndTheRealReason() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    // A 12 KB file leaves no room for the sketch.
    let disk = try TinyFiles.disk(in: folder, named: "disk", sizeKB: 24, fillerKB: 12)
    defer { TinyFiles.unmount(disk) }
    let out = disk.appendingPathComponent("s").path
    let result = try CLI.run([
      "sketch", "calm", "--out", out, "--bars", "64", "--no-render", "--no-references",
    ])
    #expect(result.status == 73, "\(result.stderr)")
    #expect(result.stderr.contains("disk is full"), "\(result.stderr)")
    #expect(!result.stderr.contains("permission"), "\(result.stderr)")
    #expect(!result.stderr.contains(".sketch-"), "no internal staging path: \(result.stderr)")
    #expect(result.stderr.contains(out + "/sketch."), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try fm.contentsOfDirectory(atPath: disk.path) == ["filler"], "no empty folder left")
  }

  @Test(.enabled(if: TinyFiles.canMount, "needs root to mount a read-only tmpfs"))
  func aReadOnlyFilesystemSaysSo() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let disk = try TinyFiles.disk(in: folder, named: "ro", sizeKB: 16, readOnly: true)
    defer { TinyFiles.unmount(disk) }
    let result = try CLI.run([
      "sketch", "calm", "--out", disk.path + "/s", "--no-render", "--no-references",
    ])
    #expect(result.status == 73)
    #expect(result.stderr.contains("read-only"), "\(result.stderr)")
  }

  @Test(.enabled(if: TinyFiles.soundFont != nil, "needs fluid-soundfont-gm"))
  func anInterruptedSketchLeavesNoStagingFolder() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
      let out = folder.appendingPathComponent("s\(signal)").path
      // 256 slow bars: minutes of audio, so the render is still going when the signal comes.
      let run = try RunningCLI([
        "sketch", "calm", "--out", out, "--bars", "256", "--tempo", "20", "--no-references",
        "--soundfont", TinyFiles.soundFont!,
      ])
      let staged = run.waitUntil {
        let names = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        return names.contains { $0.hasPrefix(".sketch-") }
      }
      #expect(staged, "the sketch never started staging")
      run.send(signal)
      let result = run.finish()
      #expect(result.status == status, "\(result.stderr)")
      #expect(result.stderr.contains("interrupted"), "\(result.stderr)")
      // The folder was created by this run and is removed with everything in it.
      #expect(!fm.fileExists(atPath: out), "\((try? fm.contentsOfDirectory(atPath: out)) ?? [])")
    }
  }

  @Test(.enabled(if: TinyFiles.soundFont != nil, "needs fluid-soundfont-gm"))
  func anInterruptedSketchKeepsTheFolderItReplaces() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let out = folder.appendingPathComponent("kept").path
    let first = try CLI.run(["sketch", "calm", "--out", out, "--no-render", "--no-references"])
    #expect(first.status == 0, "\(first.stderr)")
    let before = try Data(contentsOf: URL(fileURLWithPath: out + "/sketch.mid"))
    let run = try RunningCLI([
      "sketch", "epic storm", "--out", out, "--bars", "256", "--tempo", "20", "--no-references",
      "--soundfont", TinyFiles.soundFont!,
    ])
    let staged = run.waitUntil {
      ((try? fm.contentsOfDirectory(atPath: out)) ?? []).contains { $0.hasPrefix(".sketch-") }
    }
    #expect(staged, "the sketch never started staging")
    run.send(SIGINT)
    #expect(run.finish().status == 130)
    // The saved sketch is untouched and nothing hidden is left.
    #expect(
      try fm.contentsOfDirectory(atPath: out).sorted() == [
        "sketch.json", "sketch.mid", "sketch.musicxml", "sketch.svg",
      ])
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/sketch.mid")) == before)
  }

  @Test func theNextRunSweepsOnlyOurOwnStaleTemporaries() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let out = folder.appendingPathComponent("d").path
    let staleFolder = out + "/.sketch-\(UUID().uuidString)"
    try fm.createDirectory(atPath: staleFolder, withIntermediateDirectories: true)
    try Data(count: 1000).write(to: URL(fileURLWithPath: staleFolder + "/sketch.wav"))
    let staleFile = out + "/.sketch.\(UUID().uuidString).tmp.mid"
    let freshFile = out + "/.other.\(UUID().uuidString).tmp.wav"
    let notOurs = out + "/.sketch-notes"
    for path in [staleFile, freshFile, notOurs] {
      try Data("x".utf8).write(to: URL(fileURLWithPath: path))
    }
    let anHourAgo = Date().addingTimeInterval(-3600)
    for path in [staleFolder, staleFile, notOurs] {
      try fm.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: path)
    }
    let result = try CLI.run(["sketch", "calm", "--out", out, "--no-render", "--no-references"])
    #expect(result.status == 0, "\(result.stderr)")
    let left = Set(try fm.contentsOfDirectory(atPath: out))
    #expect(!left.contains((staleFolder as NSString).lastPathComponent))
    #expect(!left.contains((staleFile as NSString).lastPathComponent))
    // A fresh one may belong to a run still going; a name not of our form is never touched.
    #expect(left.contains((freshFile as NSString).lastPathComponent))
    #expect(left.contains(".sketch-notes"))
  }
}

import Foundation
import SMF
import Testing
import Theory

@testable import Sound

/// Runs the built `moodsketch` binary as a user would (like Tests/CLITests, which this target cannot import).
enum MoodsketchBinary {
  static let url: URL? = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("moodsketch")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }()
  static var available: Bool { url != nil }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = try #require(url)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: SoundFontLocator.environmentVariable)
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

@Suite(.enabled(if: MoodsketchBinary.available, "needs the moodsketch executable (swift build)"))
struct RenderCommandTests {
  /// A folder holding `song.mid` (the test cadence) for one test.
  func folderWithMIDI() throws -> URL {
    let folder = try temporaryFolder()
    try MIDIFile.write(cadenceScore(), to: folder.appendingPathComponent("song.mid").path)
    return folder
  }

  @Test(
    .enabled(
      if: InstalledSoundFont.available, "needs a SoundFont (apt-get install fluid-soundfont-gm)"))
  func renderingAMIDIFileWritesAWAVBesideIt() throws {
    let folder = try folderWithMIDI()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("song.mid").path
    let result = try MoodsketchBinary.run(["render", input, "--sample-rate", "22050"])
    #expect(result.status == 0, "\(result.stderr)")
    let wav = folder.appendingPathComponent("song.wav").path
    #expect(result.stdout.contains("wrote \(wav)"))
    #expect(result.stdout.contains("22050 Hz"))
    let reader = try AudioFileReader(path: wav)
    #expect(reader.sampleRate == 22050)
    #expect(reader.channels == 2)
    #expect(reader.durationSeconds > cadenceScore().durationSeconds)
    #expect(rms(try readAllMono(wav)) > 0.01)
  }

  @Test(
    .enabled(
      if: InstalledSoundFont.available, "needs a SoundFont (apt-get install fluid-soundfont-gm)"))
  func jsonOutputGivesTheSameFacts() throws {
    let folder = try folderWithMIDI()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("take.flac").path
    let result = try MoodsketchBinary.run([
      "render", folder.appendingPathComponent("song.mid").path, "--out", out, "--bit-depth", "24",
      "--sample-rate", "22050", "--json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let report = try #require(json["report"] as? [String: Any])
    #expect(report["path"] as? String == out)
    #expect(report["bitDepth"] as? String == "24")
    #expect((report["frames"] as? Int) == Int(try AudioFileReader(path: out).frameCount))
    #expect(json["notes"] as? Int == cadenceScore().tracks.reduce(0) { $0 + $1.notes.count })
  }

  @Test(
    .enabled(
      if: InstalledSoundFont.available, "needs a SoundFont (apt-get install fluid-soundfont-gm)"))
  func loudnessAndGainOptionsSetTheLevel() throws {
    let folder = try folderWithMIDI()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("song.mid").path
    let out = folder.appendingPathComponent("loud.wav").path
    let result = try MoodsketchBinary.run([
      "render", input, "--out", out, "--loudness", "-18", "--sample-rate", "22050",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("target -18.0 LUFS, peak ceiling -1.0 dBFS"), "\(result.stdout)")
    let reader = try AudioFileReader(path: out)
    var file: [Float] = []
    while case let block = try reader.readInterleaved(maxFrames: 65536), !block.isEmpty {
      file += block
    }
    let lufs = try #require(integratedLUFS(file, sampleRate: 22050))
    #expect(lufs <= -18 + 0.1 && lufs > -25, "\(lufs) LUFS")
    #expect(peakDBFS(file) <= -1)

    let gained = try MoodsketchBinary.run([
      "render", input, "--out", out, "--gain", "0.4", "--sample-rate", "22050", "--json",
    ])
    #expect(gained.status == 0, "\(gained.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(gained.stdout.utf8)) as? [String: Any])
    let report = try #require(json["report"] as? [String: Any])
    #expect(report["gain"] as? Double == 0.4)
    #expect(report["loudnessTarget"] == nil)
  }

  @Test func aMissingInputExits66WithOneLine() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("nothing.mid").path
    let result = try MoodsketchBinary.run(["render", input])
    #expect(result.status == 66)
    #expect(result.stderr.contains(input))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(filesIn(folder).isEmpty)
  }

  @Test func aTextFileOrATruncatedMIDIExits65AndWritesNothing() throws {
    let folder = try folderWithMIDI()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = folder.appendingPathComponent("lyrics.mid")
    try Data("verse one\nchorus\n".utf8).write(to: text)
    let full = try Data(contentsOf: folder.appendingPathComponent("song.mid"))
    let truncated = folder.appendingPathComponent("cut.mid")
    try full.prefix(full.count - 40).write(to: truncated)
    for input in [text.path, truncated.path] {
      let result = try MoodsketchBinary.run(["render", input])
      #expect(result.status == 65, "\(input): \(result.stderr)")
      #expect(result.stderr.contains(input))
      #expect(result.stderr.split(separator: "\n").count == 1)
    }
    #expect(Set(filesIn(folder)) == ["song.mid", "lyrics.mid", "cut.mid"])
  }

  @Test func anInvalidOrMissingSoundFontIsNamedAndNothingIsWritten() throws {
    let folder = try folderWithMIDI()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("song.mid").path
    let fake = folder.appendingPathComponent("fake.sf2").path
    try Data("not a soundfont".utf8).write(to: URL(fileURLWithPath: fake))

    let flag = try MoodsketchBinary.run(["render", input, "--soundfont", fake])
    #expect(flag.status == 65)
    #expect(flag.stderr.contains("\(fake) is not a SoundFont"))
    let env = try MoodsketchBinary.run(
      ["render", input], environment: [SoundFontLocator.environmentVariable: fake])
    #expect(env.status == 65)
    #expect(env.stderr.contains(fake))
    let missing = try MoodsketchBinary.run(["render", input, "--soundfont", "/nowhere/gm.sf2"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("/nowhere/gm.sf2"))
    #expect(Set(filesIn(folder)) == ["song.mid", "fake.sf2"])
  }

  @Test(
    .enabled(
      if: InstalledSoundFont.available, "needs a SoundFont (apt-get install fluid-soundfont-gm)"))
  func anUnwritableOutputExits73() throws {
    let folder = try folderWithMIDI()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("missing-folder/song.wav").path
    let result = try MoodsketchBinary.run([
      "render", folder.appendingPathComponent("song.mid").path, "--out", out,
    ])
    #expect(result.status == 73)
    #expect(result.stderr.contains(out))
    #expect(filesIn(folder) == ["song.mid"])
  }

  @Test(arguments: [
    (["--sample-rate", "1000"], "--sample-rate 1000"),
    (["--sample-rate", "400000"], "--sample-rate 400000"),
    (["--bit-depth", "12"], "--bit-depth 12"), (["--out", "x.flac", "--bit-depth", "32f"], "FLAC"),
    (["--out", "x.mp4"], "unknown extension"), (["--out", "x.opus"], "Opus"),
    (["--gain", "11"], "--gain 11"), (["--loudness", "3"], "--loudness 3"),
    (["--loudness", "-16", "--peak-ceiling", "2"], "--peak-ceiling 2"),
  ])
  func badOptionsAreUsageErrors(options: [String], mention: String) throws {
    let result = try MoodsketchBinary.run(["render", "song.mid"] + options)
    #expect(result.status == 64)
    #expect(result.stderr.contains(mention), "\(result.stderr)")
  }
}

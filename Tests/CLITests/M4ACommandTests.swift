import Foundation
import Testing

/// A user's own library is often AAC or ALAC in .m4a: `catalog add` takes such a folder with its genre
/// tags, and `analyze` hears an M4A as it hears the WAV it was encoded from.
@Suite struct M4ACommandTests {
  static let ffmpeg = "/usr/bin/ffmpeg"
  static var ready: Bool {
    FileManager.default.isExecutableFile(atPath: ffmpeg) && TinyFiles.soundFont != nil
  }

  func encode(_ input: URL, to output: URL, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.ffmpeg)
    process.arguments = ["-loglevel", "error", "-y", "-i", input.path] + arguments + [output.path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "ffmpeg \(arguments)")
  }

  @Test(.enabled(if: ready, "needs the ffmpeg command and fluid-soundfont-gm"))
  func m4aFilesAreAddedWithTheirGenresAndHeardLikeTheirWAV() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sketch = try CLI.run(
      ["sketch", "calm happy morning", "--seed", "3", "--out", "s", "--no-references"], in: folder)
    #expect(sketch.status == 0, "\(sketch.stderr)")
    let wav = folder.appendingPathComponent("s/sketch.wav")
    let music = folder.appendingPathComponent("music")
    try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
    let aac = music.appendingPathComponent("aac.m4a")
    let alac = music.appendingPathComponent("alac.m4a")
    try encode(wav, to: aac, ["-c:a", "aac", "-b:a", "160k", "-metadata", "genre=Synthpop"])
    try encode(wav, to: alac, ["-c:a", "alac", "-metadata", "genre=Jazz"])

    struct Analysis: Decodable {
      var files: [File]
      struct File: Decodable { var features: Features }
      struct Features: Decodable {
        var key: String?
        var tempoBPM: Double?
        var valence: Double
        var arousal: Double
      }
    }
    func analysed(_ url: URL) throws -> Analysis.Features {
      let result = try CLI.run(["analyze", url.path, "--json"])
      #expect(result.status == 0, "\(result.stderr)")
      return try JSONDecoder().decode(Analysis.self, from: Data(result.stdout.utf8)).files[0]
        .features
    }
    let reference = try analysed(wav)
    for url in [aac, alac] {
      let heard = try analysed(url)
      #expect(heard.key == reference.key, "\(url.lastPathComponent)")
      #expect(
        abs((heard.tempoBPM ?? 0) - (reference.tempoBPM ?? 0)) < 1, "\(url.lastPathComponent)")
      #expect(abs(heard.valence - reference.valence) < 0.05, "\(url.lastPathComponent)")
      #expect(abs(heard.arousal - reference.arousal) < 0.05, "\(url.lastPathComponent)")
    }

    let catalog = folder.appendingPathComponent("c.sqlite").path
    let added = try CLI.run(["catalog", "add", music.path, "--catalog", catalog])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout.hasPrefix("added 2,"), "\(added.stdout)")
    let listed = try CLI.run(["catalog", "list", "--catalog", catalog, "--json"])
    let doc = try #require(
      JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
    let tracks = try #require(doc["tracks"] as? [[String: Any]])
    let styles = Dictionary(
      uniqueKeysWithValues: tracks.map {
        (
          ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } ?? "",
          $0["style"] as? String
        )
      })
    #expect(styles["aac.m4a"] == "pop", "\(styles)")
    #expect(styles["alac.m4a"] == "jazz", "\(styles)")
  }

  /// A 2 s tone as `tone.wav` and as AAC in `tone.m4a`, in a fresh folder.
  func toneAsWAVAndM4A() throws -> (folder: URL, wav: URL, m4a: URL) {
    let folder = try CLI.temporaryFolder()
    let wav = folder.appendingPathComponent("tone.wav")
    try TinyFiles.wav(TinyFiles.sine(seconds: 2), to: wav)
    let m4a = folder.appendingPathComponent("tone.m4a")
    try encode(wav, to: m4a, ["-c:a", "aac", "-b:a", "96k"])
    return (folder, wav, m4a)
  }

  /// FFmpeg's libraries (with libavcodec's codec libraries, some 20 MB) are opened only when a file needs
  /// them, so commands on WAV, FLAC or MIDI do not pay for them. glibc's loader names every library it
  /// opens under LD_DEBUG=files.
  @Test(
    .enabled(if: FileManager.default.isExecutableFile(atPath: ffmpeg), "needs the ffmpeg command"))
  func ffmpegIsOpenedOnlyForFilesThatNeedIt() throws {
    let (folder, wav, m4a) = try toneAsWAVAndM4A()
    defer { try? FileManager.default.removeItem(at: folder) }
    let loader = ["LD_DEBUG": "files"]
    let fromWAV = try CLI.run(["analyze", wav.path], environment: loader)
    #expect(fromWAV.status == 0, "\(fromWAV.stderr.suffix(400))")
    #expect(!fromWAV.stderr.contains("libavcodec"), "a WAV opened FFmpeg")
    let fromM4A = try CLI.run(["analyze", m4a.path], environment: loader)
    #expect(fromM4A.status == 0, "\(fromM4A.stderr.suffix(400))")
    #expect(fromM4A.stderr.contains("libavcodec.so"), "an M4A was read without FFmpeg?")
    #expect(fromM4A.stdout.contains("tone.m4a"))
  }

  /// The real FFmpeg library, which the next test hides (Debian's multiarch folders).
  static let libavformat: String? = ["x86_64-linux-gnu", "aarch64-linux-gnu"].lazy
    .map { URL(fileURLWithPath: "/usr/lib/\($0)/libavformat.so").resolvingSymlinksInPath().path }
    .first { FileManager.default.fileExists(atPath: $0) }

  /// Whether `unshare -m` works here (root, and no container policy forbidding it).
  static let canUnshareMounts: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = ["-m", "true"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  /// Without FFmpeg's libraries at run time, an M4A gets one line naming the file, the library and
  /// what to do, and a WAV is still read. The library is hidden by binding /dev/null over it in a
  /// mount namespace of the command's own, so nothing outside the test changes.
  @Test(
    .enabled(
      if: canUnshareMounts && libavformat != nil
        && FileManager.default.isExecutableFile(atPath: ffmpeg),
      "needs ffmpeg, libavformat and a mount namespace (root, unshare -m)"))
  func withoutFFmpegAnM4AIsNamedAndAWAVStillReads() throws {
    let (folder, wav, m4a) = try toneAsWAVAndM4A()
    defer { try? FileManager.default.removeItem(at: folder) }
    func analyzeWithoutFFmpeg(_ file: URL) throws -> CLIResult {
      try CLI.launch(
        URL(fileURLWithPath: "/usr/bin/unshare"),
        [
          "-m", "sh", "-c", "mount --bind /dev/null \"$0\" && exec \"$1\" analyze \"$2\"",
          Self.libavformat!, CLI.executable.path, file.path,
        ])
    }
    let m4aResult = try analyzeWithoutFFmpeg(m4a)
    #expect(m4aResult.status == 65, "\(m4aResult.stderr)")
    let lines = m4aResult.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(m4aResult.stderr)")
    #expect(m4aResult.stderr.contains(m4a.path) && m4aResult.stderr.contains("libavformat.so"))
    #expect(m4aResult.stderr.contains("install FFmpeg's libraries"))
    let wavResult = try analyzeWithoutFFmpeg(wav)
    #expect(wavResult.status == 0, "\(wavResult.stderr)")
    #expect(wavResult.stdout.contains("tone.wav"))
  }
}

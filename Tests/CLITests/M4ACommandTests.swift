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
}

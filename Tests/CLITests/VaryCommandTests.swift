import Foundation
import Testing

/// `moodsketch vary DIR --part P`: one part rewritten, every other track's events as they were.
@Suite struct VaryCommandTests {
  /// A sketch folder written by `moodsketch sketch` in a fresh temporary folder.
  func sketchFolder(_ prompt: String = "bittersweet late-night drive, lo-fi") throws -> URL {
    let folder = try CLI.temporaryFolder()
    let out = folder.appendingPathComponent("drive").path
    let result = try CLI.run([
      "sketch", prompt, "--out", out, "--seed", "5", "--no-render", "--no-references",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return folder
  }

  /// Track chunks (MTrk payloads) by track name; the conductor (first) is "".
  static func tracks(_ url: URL) throws -> [String: [UInt8]] {
    let bytes = [UInt8](try Data(contentsOf: url))
    var result: [String: [UInt8]] = [:]
    var i = 14
    var index = 0
    while i + 8 <= bytes.count {
      let length =
        Int(bytes[i + 4]) << 24 | Int(bytes[i + 5]) << 16 | Int(bytes[i + 6]) << 8
        | Int(bytes[i + 7])
      let chunk = Array(bytes[(i + 8)..<min(bytes.count, i + 8 + length)])
      // Our tracks open with their name: delta 0, FF 03 len text.
      var name = ""
      if index > 0, chunk.count > 4, chunk[1] == 0xFF, chunk[2] == 0x03 {
        name = String(decoding: chunk[4..<(4 + Int(chunk[3]))], as: UTF8.self)
      }
      result[name] = chunk
      i += 8 + length
      index += 1
    }
    return result
  }

  @Test(arguments: ["melody", "chords", "bass", "drums"])
  func onlyThePartChangesEveryOtherTrackKeepsItsBytes(part: String) throws {
    let folder = try sketchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["vary", "drive", "--part", part, "--no-render"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    // The default folder says what was varied and with which seed.
    let out = folder.appendingPathComponent("drive-\(part)-1")
    let original = try Self.tracks(folder.appendingPathComponent("drive/sketch.mid"))
    let varied = try Self.tracks(out.appendingPathComponent("sketch.mid"))
    let trackName = part.prefix(1).uppercased() + part.dropFirst()
    #expect(Set(original.keys) == Set(varied.keys))
    for (name, bytes) in original where name != trackName && name != "" {
      #expect(varied[name] == bytes, "\(name) changed when varying the \(part)")
    }
    #expect(varied[trackName] != original[trackName], "the \(part) did not change")
    for file in ["sketch.mid", "sketch.json", "sketch.musicxml", "sketch.svg"] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path))
    }
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: out.appendingPathComponent("sketch.json")))
    let variation = try #require((json as? [String: Any])?["variation"] as? [String: Any])
    #expect(variation["part"] as? String == part)
    #expect((variation["kept"] as? [String])?.contains(trackName) == false)
  }

  @Test func countFourWritesFourDistinctSketchFolders() throws {
    let folder = try sketchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(
      [
        "vary", "drive", "--part", "melody", "--count", "4", "--seed", "2", "--out", "alts",
        "--no-render",
      ],
      in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let melodies = try (1...4).map { i in
      try Self.tracks(folder.appendingPathComponent("alts/var-\(i)/sketch.mid"))["Melody"] ?? []
    }
    #expect(Set(melodies).count == 4)
    #expect(
      !melodies.contains(
        try Self.tracks(folder.appendingPathComponent("drive/sketch.mid"))["Melody"] ?? []))
    // The same seed again: byte-identical MIDI.
    let again = try CLI.run(
      ["vary", "drive", "--part", "melody", "--seed", "2", "--out", "one", "--no-render"],
      in: folder)
    #expect(again.status == 0)
    #expect(
      try Data(contentsOf: folder.appendingPathComponent("one/sketch.mid"))
        == Data(contentsOf: folder.appendingPathComponent("alts/var-1/sketch.mid")))
  }

  @Test func jsonOutputAndSavedReportsFollowTheSchemas() throws {
    let folder = try sketchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(
      [
        "vary", "drive", "--part", "drums", "--count", "2", "--out", "alts", "--no-render",
        "--json",
      ],
      in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    try SchemaValidator.expectValid(result.stdout, schema: "vary.schema.json")
    let saved = try String(
      contentsOf: folder.appendingPathComponent("alts/var-2/sketch.json"), encoding: .utf8)
    try SchemaValidator.expectValid(saved, schema: "sketch.schema.json")
    #expect(saved.contains("\"index\" : 2"))
  }

  /// Runs a failing `vary` and checks the one-line message, the exit code, and that nothing was written.
  func expectFailure(
    _ arguments: [String], status: Int32, mentions words: [String], in folder: URL
  ) throws {
    let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    let result = try CLI.run(["vary"] + arguments + ["--no-render"], in: folder)
    #expect(result.status == status, "\(arguments): \(result.stderr)")
    let lines = result.stderr.split(separator: "\n").filter {
      !$0.hasPrefix("Usage") && !$0.isEmpty
    }
    #expect(lines.count >= 1)
    #expect(lines.first?.hasPrefix("moodsketch") == true || lines.first?.hasPrefix("Error") == true)
    for word in words { #expect(result.stderr.contains(word), "\(arguments): \(result.stderr)") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
  }

  @Test func aFolderThatIsNotASketchNamesWhatIsMissing() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("empty"), withIntermediateDirectories: false)
    try expectFailure(
      ["empty", "--part", "melody"], status: 66, mentions: ["sketch.mid", "sketch.json"], in: folder
    )
    try expectFailure(
      ["nowhere", "--part", "melody"], status: 66, mentions: ["nowhere"], in: folder)
    let broken = folder.appendingPathComponent("broken")
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: false)
    try Data("{\"prompt\": 3}".utf8).write(to: broken.appendingPathComponent("sketch.json"))
    try Data("MThd".utf8).write(to: broken.appendingPathComponent("sketch.mid"))
    try expectFailure(
      ["broken", "--part", "melody"], status: 65, mentions: ["sketch.json"], in: folder)
  }

  @Test func unknownPartsCountsAndOutputsAreUsageErrors() throws {
    let folder = try sketchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try expectFailure(
      ["drive", "--part", "vocals"], status: 64,
      mentions: ["vocals", "melody, chords, bass, drums"], in: folder)
    try expectFailure(
      ["drive", "--part", "bass", "--count", "0"], status: 64, mentions: ["1–16"], in: folder)
    try expectFailure(
      ["drive", "--part", "bass", "--count", "17"], status: 64, mentions: ["1–16"], in: folder)
    try expectFailure(
      ["drive", "--part", "bass", "--out", "drive/"], status: 64, mentions: ["another --out"],
      in: folder)
    try expectFailure(
      ["drive", "--part", "bass", "--out", "./drive"], status: 64, mentions: ["another --out"],
      in: folder)
    // With --count, no var-N folder may be the sketch being varied either.
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("set"), withIntermediateDirectories: false)
    try FileManager.default.moveItem(
      at: folder.appendingPathComponent("drive"), to: folder.appendingPathComponent("set/var-2"))
    try expectFailure(
      ["set/var-2", "--part", "bass", "--count", "3", "--out", "set"], status: 64,
      mentions: ["another --out"], in: folder)
  }

  @Test func aPartTheSketchLacksIsBadData() throws {
    let folder = try sketchFolder("calm rainy morning")
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: folder.appendingPathComponent("drive/sketch.json")))
    let parts = ((json as? [String: Any])?["instruments"] as? [[String: Any]])?.compactMap {
      $0["part"] as? String
    }
    try #require(parts?.contains("Drums") == false, "this prompt now gets drums: pick a calmer one")
    try expectFailure(
      ["drive", "--part", "drums"], status: 65, mentions: ["no drums track", "Melody"], in: folder)
  }
}

import Foundation
import Testing

/// Genre tags read from real files by libsndfile (WAV INFO chunks), hostile ones included.
@Suite struct StyleTagCommandTests {
  /// A WAV of `seconds` of sine with a LIST/INFO chunk holding `info` (chunk id → raw bytes).
  static func taggedWAV(_ info: [(String, [UInt8])], hz: Double, to url: URL) throws {
    try TinyFiles.wav(TinyFiles.sine(seconds: 3, hz: hz), to: url)
    var file = try Data(contentsOf: url)
    var list = Data("INFO".utf8)
    for (id, bytes) in info {
      var body = bytes + [0]
      if body.count % 2 == 1 { body.append(0) }
      list.append(contentsOf: Data(id.utf8))
      withUnsafeBytes(of: UInt32(body.count).littleEndian) { list.append(contentsOf: $0) }
      list.append(contentsOf: body)
    }
    file.append(contentsOf: Data("LIST".utf8))
    withUnsafeBytes(of: UInt32(list.count).littleEndian) { file.append(contentsOf: $0) }
    file.append(list)
    let riffSize = UInt32(file.count - 8).littleEndian
    withUnsafeBytes(of: riffSize) { file.replaceSubrange(4..<8, with: $0) }
    try file.write(to: url)
  }

  @Test func genreTagsAreMappedAndHostileOnesStoredCleaned() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let music = folder.appendingPathComponent("music")
    try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
    try Self.taggedWAV(
      [("INAM", Array("Plain".utf8)), ("IGNR", Array("Hip-Hop".utf8))], hz: 220,
      to: music.appendingPathComponent("plain.wav"))
    // 2 KB of genre, and a title of Latin-1 (not UTF-8) with control bytes.
    let long = Array(String(repeating: "Ambient ", count: 250).utf8)
    try Self.taggedWAV(
      [("INAM", [0x53, 0x6F, 0x6E, 0x67, 0x20, 0xE9, 0x01, 0x1B]), ("IGNR", long)], hz: 330,
      to: music.appendingPathComponent("long.wav"))
    // 60 KB of genre: libsndfile itself drops a string that long, so the file simply has no genre.
    let huge = Array(String(repeating: "Ambient ", count: 7_500).utf8)
    try Self.taggedWAV([("IGNR", huge)], hz: 350, to: music.appendingPathComponent("huge.wav"))
    try Self.taggedWAV(
      [("IGNR", [0xFF, 0xFE, 0x00, 0x07, 0x80, 0x81])], hz: 440,
      to: music.appendingPathComponent("binary.wav"))
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let added = try CLI.run(["catalog", "add", music.path, "--catalog", catalog, "--json"])
    #expect(added.status == 0, "\(added.stderr)")
    let listed = try CLI.run(["catalog", "list", "--catalog", catalog, "--json"])
    let doc = try #require(
      JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
    let tracks = try #require(doc["tracks"] as? [[String: Any]])
    #expect(tracks.count == 4)
    let plain = try #require(tracks.first { $0["title"] as? String == "Plain" })
    #expect(plain["style"] as? String == "hiphop" && plain["styleInferred"] as? Bool == false)
    let hugeRow = try #require(
      tracks.first { ($0["path"] as? String)?.hasSuffix("long.wav") == true })
    #expect(hugeRow["style"] as? String == "ambient" && hugeRow["styleInferred"] as? Bool == false)
    #expect((hugeRow["title"] as? String)?.unicodeScalars.allSatisfy { $0.value >= 0x20 } == true)
    let id = try #require(hugeRow["id"] as? Int)
    let shown = try CLI.run(["catalog", "show", "\(id)", "--catalog", catalog, "--json"])
    let track = try #require(
      JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    let tags = try #require(track["tags"] as? [String])
    #expect(!tags.isEmpty && tags.allSatisfy { $0.count <= 200 })
    // A dropped genre and a genre of nothing but binary bytes are no style. Two tagged tracks of two
    // styles are too few to infer from, and the add says so.
    for name in ["huge.wav", "binary.wav"] {
      let row = try #require(tracks.first { ($0["path"] as? String)?.hasSuffix(name) == true })
      #expect(row["style"] == nil, "\(name): \(row)")
    }
    let more = try CLI.run(["catalog", "add", music.path, "--catalog", catalog])
    #expect(
      more.stderr.contains("inferring needs two styles")
        || more.stdout.contains("inferring needs two styles"), "\(more.stdout) \(more.stderr)")
  }
}

import Foundation
import Testing

/// MP3s whose ID3v2 genre is a number, as many taggers write it, get the style that number names.
@Suite struct ID3GenreCommandTests {
  /// `mp3` with any ID3v2 tag at its start and ID3v1 tag at its end replaced by an ID3v2 tag of
  /// `version` (3 or 4) holding a title and `genre` (TCON, Latin-1).
  static func retagged(_ mp3: Data, version: UInt8, title: String, genre: String) -> Data {
    var audio = mp3
    if audio.count > 10, audio.prefix(3) == Data("ID3".utf8) {
      let size = audio[6..<10].reduce(0) { $0 << 7 | Int($1 & 0x7F) }
      audio = audio.dropFirst(10 + size)
    }
    if audio.count > 128, audio.suffix(128).prefix(3) == Data("TAG".utf8) {
      audio = audio.dropLast(128)
    }
    func synchsafe(_ n: Int) -> [UInt8] {
      [UInt8(n >> 21 & 0x7F), UInt8(n >> 14 & 0x7F), UInt8(n >> 7 & 0x7F), UInt8(n & 0x7F)]
    }
    func frame(_ id: String, _ text: String) -> [UInt8] {
      let body = [0] + Array(text.utf8)  // encoding 0: Latin-1 (these texts are ASCII)
      // ID3v2.4 frame sizes are synchsafe, ID3v2.3's plain big-endian; equal below 128 bytes.
      return Array(id.utf8) + synchsafe(body.count) + [0, 0] + body
    }
    let frames = frame("TIT2", title) + frame("TCON", genre)
    let header = Array("ID3".utf8) + [version, 0, 0] + synchsafe(frames.count)
    return Data(header + frames) + audio
  }

  @Test(.enabled(if: TinyFiles.soundFont != nil, "needs fluid-soundfont-gm to render an MP3"))
  func numberedGenresBecomeStyles() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mid = folder.appendingPathComponent("c.mid")
    try TinyFiles.midi(noteTicks: 96 * 8, to: mid)  // 4 s of middle C
    let rendered = folder.appendingPathComponent("c.mp3")
    let render = try CLI.run([
      "render", mid.path, "--out", rendered.path, "--soundfont", TinyFiles.soundFont!,
    ])
    #expect(render.status == 0, "\(render.stderr)")
    let mp3 = try Data(contentsOf: rendered)
    let music = folder.appendingPathComponent("music")
    try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
    let tagged: [(file: String, version: UInt8, genre: String, style: String?)] = [
      ("rock.mp3", 3, "(17)", "rock"), ("ambient.mp3", 4, "26", "ambient"),
      ("refined.mp3", 3, "(13)Synthpop", "pop"), ("remix.mp3", 3, "(RX)", nil),
      ("beyond.mp3", 4, "(250)", nil),
      // Every printable ASCII byte: text, but no genre (it was once listed as a 94-character style).
      ("printable.mp3", 3, String((33...126).map { Character(UnicodeScalar(UInt8($0))) }), nil),
    ]
    for t in tagged {
      try Self.retagged(mp3, version: t.version, title: t.file, genre: t.genre)
        .write(to: music.appendingPathComponent(t.file))
    }
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let added = try CLI.run(["catalog", "add", music.path, "--catalog", catalog])
    #expect(added.status == 0, "\(added.stderr)")
    let listed = try CLI.run(["catalog", "list", "--catalog", catalog, "--json"])
    let doc = try #require(
      JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
    let tracks = try #require(doc["tracks"] as? [[String: Any]])
    #expect(tracks.count == tagged.count)
    for t in tagged {
      let row = try #require(tracks.first { $0["title"] as? String == t.file }, "\(t.file)")
      #expect(row["style"] as? String == t.style, "\(t.file) tagged \(t.genre): \(row)")
    }
  }
}

import Foundation
import GRDB
import Testing

@testable import Catalog

/// Numbered ID3 genres, as libsndfile hands over an MP3's TCON frame, read as the styles they name.
@Suite struct ID3GenreTests {
  @Test func theListHasID3v1AndWinampNumbering() {
    #expect(ID3Genre.names.count == 192)
    let anchors: [(Int, String)] = [
      (0, "Blues"), (7, "Hip-Hop"), (17, "Rock"), (24, "Soundtrack"), (32, "Classical"),
      (52, "Electronic"), (79, "Hard Rock"), (80, "Folk"), (89, "Bluegrass"), (147, "Synthpop"),
      (177, "Psytrance"), (187, "Indie Rock"),
      (191, "Psybient"),
    ]
    for (number, name) in anchors { #expect(ID3Genre.name(number: number) == name, "\(number)") }
    #expect(ID3Genre.name(number: 255) == nil)  // ID3v1's "no genre"
    #expect(ID3Genre.name(number: -1) == nil)
  }

  @Test func tconFormsOfID3v23AndV24() {
    let cases: [(String, String?)] = [
      ("(17)", "Rock"), ("17", "Rock"), (" 26 ", "Ambient"), ("(17)Indie Rock", "Indie Rock"),
      ("(51)(39)", "Techno-Industrial"), ("(RX)(17)", "Rock"), ("(RX)", nil), ("RX", nil),
      ("CR", nil), ("(CR)Piano Covers", "Piano Covers"), ("((Live)", "(Live)"),
      ("(Live)", "(Live)"), ("(300)", nil), ("300", nil), ("(17", "(17"), ("Synthpop", "Synthpop"),
      ("99999999999999999999999", "99999999999999999999999"), ("(", "("), ("()", "()"),
    ]
    for (tag, name) in cases { #expect(ID3Genre.name(forTag: tag) == name, "\(tag)") }
  }

  @Test func numberedGenresAreStoredAsTheirStyles() {
    let cases: [(String, String?)] = [
      ("(17)", "rock"), ("(7)", "hiphop"), ("24", "cinematic"), ("(32)", "classical"),
      ("(RX)", nil), ("(300)", nil), ("(12)", nil),  // 12 is "Other": a filler, no style
      ("(36)", "game"),  // a genre outside the vocabulary keeps its name, as text genres do
      ("99999999999999999999999", nil), ("(", nil),
      // 60,000 characters of references, cut to 200 by TagText: the first still counts.
      (String(repeating: "(1)", count: 20_000), "rock"),
      // Printable bytes that name nothing are no style, however they are cut.
      (String((33...126).map { Character(UnicodeScalar(UInt8($0))) }), nil),
      ("#$%&'()*+", nil), ("(185)", "neue deutsche welle"),
    ]
    for (tag, style) in cases {
      #expect(StyleVocabulary.storedStyle(forGenre: tag) == style, "\(tag)")
    }
  }
}

/// A catalog saved before numbered genres were read gets their styles when it is opened.
@Suite struct ID3GenreMigrationTests {
  @Test func rowsSavedBeforeGetTheStylesTheirNumberedGenresName() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.sqlite").path
    // (title, stored tags, style the previous release stored, style now)
    let rows: [(String, String, String?, String?)] = [
      ("numbered", #"["(17)"]"#, nil, "rock"), ("bare", #"["26","a comment"]"#, nil, "ambient"),
      ("remix", #"["(RX)"]"#, "(rx)", nil), ("named", #"["Jazz"]"#, "jazz", "jazz"),
      ("untagged", "[]", nil, nil), ("commentOnly", #"["recorded live"]"#, nil, nil),
      (
        "printable", #"["!#$%&()*+,-./0123456789:;<=>?@ABC"]"#, "!#$%&()*+,-./0123456789:;<=>?@abc",
        nil
      ),
    ]
    do {
      let queue = try DatabaseQueue(path: path)
      try CatalogSchema.migrator.migrate(queue, upTo: "maskWeakPulseTempo")
      try queue.write { db in
        for (title, tags, style, _) in rows {
          let t = CatalogTrack(
            title: title, path: "/\(title).mp3", sourceKey: "/\(title).mp3", style: style,
            features: sampleFeatures())
          try insertOlderRow(t, tagsJSON: tags, into: db)
        }
      }
    }
    let store = try CatalogStore(path: path)
    let styles = Dictionary(uniqueKeysWithValues: try store.tracks().map { ($0.title, $0.style) })
    for (title, _, _, now) in rows { #expect(styles[title] == now, "\(title)") }
  }
}

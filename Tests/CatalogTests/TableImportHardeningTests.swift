import Foundation
import Testing

@testable import Catalog

/// Issue 13, items 6, 16, 17, 18, 20: tables in other encodings and separators, rows that are all bad, and
/// imports that must not create a catalog.
@Suite struct TableImportHardeningTests {
  func write(_ bytes: [UInt8], name: String = "t.csv") throws -> String {
    let path = try temporaryFolder().appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  func titles(_ path: String) throws -> [String] {
    let store = try CatalogStore.inMemory()
    _ = try SpotifyImport.importTable(atPath: path, into: store)
    return try store.tracks().map(\.title)
  }

  @Test func latin1TextKeepsItsAccents() throws {
    // "Café" and "Björk" as a Latin-1 spreadsheet export writes them (é = 0xE9, ö = 0xF6).
    let path = try write(
      Array("title,artist,valence,energy\nCaf".utf8) + [0xE9] + Array(",Bj".utf8) + [0xF6]
        + Array("rk,0.5,0.5\n".utf8))
    let store = try CatalogStore.inMemory()
    _ = try SpotifyImport.importTable(atPath: path, into: store)
    let track = try #require(try store.tracks().first)
    #expect(track.title == "Café")
    #expect(track.artist == "Björk")
  }

  @Test func listenImportAndCatalogImportShareTheDecoder() {
    let latin1 = Data([0x4E, 0x61, 0xEF, 0x76, 0x65])  // "Naïve" in Latin-1
    #expect(PlainText.decode(latin1) == "Naïve")
    #expect(PlainText.string(Array("Naïve".utf8)) == "Naïve")
  }

  @Test func semicolonAndTabSeparatedTablesAreRead() throws {
    #expect(try titles(try write(Array("title;valence;energy\nRain;0.2;0.3\n".utf8))) == ["Rain"])
    #expect(try titles(try write(Array("title\tvalence\tenergy\nSun\t0.9\t0.8\n".utf8))) == ["Sun"])
    // A comma inside a semicolon-separated field is text, not a separator.
    #expect(
      try titles(try write(Array("title;valence;energy\nRain, again;0.2;0.3\n".utf8)))
        == ["Rain, again"])
  }

  @Test(arguments: ["utf-16le-bom", "utf-16be-bom", "utf-16le"])
  func utf16TablesAreDecoded(layout: String) throws {
    let text = "title,valence,energy\nNaïve 🎵,0.2,0.3\n"
    var bytes: [UInt8] = []
    let bigEndian = layout.hasPrefix("utf-16be")
    if layout.hasSuffix("bom") { bytes += bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE] }
    for unit in text.utf16 {
      bytes +=
        bigEndian
        ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    #expect(try titles(try write(bytes)) == ["Naïve 🎵"])
  }

  @Test func utf16SurrogatePairsSurviveChunkBoundaries() {
    let text = String(repeating: "🎵a", count: 1000)
    var bytes: [UInt8] = []
    for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    var transcoder = UTF16Transcoder(bigEndian: false)
    var out: [UInt8] = []
    // Odd chunk sizes split code units and surrogate pairs.
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + 7)
      out += transcoder.utf8(from: bytes[start..<end], final: end == bytes.count)
      start = end
    }
    #expect(String(decoding: out, as: UTF8.self) == text)
  }

  @Test func aNulByteIsReportedOnItsLineInsteadOfTruncatingTheTitle() throws {
    let path = try write(
      Array("title,valence,energy\nA".utf8) + [0] + Array("B,0.2,0.3\nOK,0.1,0.1\n".utf8))
    let store = try CatalogStore.inMemory()
    let report = try SpotifyImport.importTable(atPath: path, into: store)
    #expect(try store.tracks().map(\.title) == ["OK"])
    #expect(report.malformed.map(\.line) == [2])
    #expect(report.malformed[0].reason.contains("NUL byte"))
  }

  @Test func aHeaderWithoutTheColumnsSaysWhatWasFound() throws {
    let path = try write(Array("song|mood|power\nA|0.2|0.3\n".utf8))
    do {
      _ = try SpotifyImport.importTable(atPath: path, into: try CatalogStore.inMemory())
      Issue.record("imported a table without title, valence and energy")
    } catch let error as CatalogError {
      #expect(error.description.contains("found 1 column (\"song|mood|power\")"))
      #expect(error.description.contains("UTF-8 with comma separators"))
    }
  }

  @Test func aTableWhoseEveryRowIsMalformedIsAnErrorNamingTheFirstLine() throws {
    let path = try write(Array("title,valence,energy\nA,x,0.3\nB,2,0.1\n".utf8))
    var opened = false
    #expect(
      throws: CatalogError.nothingImported(
        path: path, rows: 2, line: 2, reason: "valence \"x\" is not a number")
    ) {
      try SpotifyImport.importTable(
        atPath: path,
        opening: {
          opened = true
          return try CatalogStore.inMemory()
        })
    }
    // Nothing to store: the catalog was never opened, so no empty catalog file appears.
    #expect(!opened)
  }

  @Test func aHeaderWithoutRowsIsAnError() throws {
    let path = try write(Array("title,valence,energy\n".utf8))
    #expect(throws: CatalogError.unusableTable(path: path, reason: "it has a header but no rows")) {
      try SpotifyImport.importTable(atPath: path, into: try CatalogStore.inMemory())
    }
  }

  @Test func aMissingTableNeverOpensTheCatalog() throws {
    var opened = false
    #expect(throws: CatalogError.missingInput("/no/such/table.csv")) {
      try SpotifyImport.importTable(
        atPath: "/no/such/table.csv",
        opening: {
          opened = true
          return try CatalogStore.inMemory()
        })
    }
    #expect(!opened)
  }

  @Test func aLargeTableStreamsInBatchesAndKeepsDuplicateIDsApart() throws {
    // 2,500 rows in batches of 1,000, with every id listed twice; more than one read chunk is not needed for
    // the logic, but the batches and the in-database duplicate check are.
    var text = "id,title,valence,energy\n"
    for i in 0..<1250 {
      text += "t\(i),Song \(i),0.5,0.5\n"
      text += "t\(i),Song \(i) again,0.5,0.5\n"
    }
    let path = try write(Array(text.utf8))
    let store = try CatalogStore.inMemory()
    var reported: [Int] = []
    let report = try SpotifyImport.importTable(
      atPath: path, opening: { store }, progress: { reported.append($0.rows) })
    #expect(report.imported == 2500)
    #expect(try store.count() == 2500)
    #expect(reported.last == 2500)
    // Importing the same file again replaces its rows instead of adding 2,500 more.
    _ = try SpotifyImport.importTable(atPath: path, into: store)
    #expect(try store.count() == 2500)
  }

  @Test func csvReaderReadsAcrossChunkBoundariesAndQuotes() throws {
    let text = "a,\"b\"\"c\",\"d\ne\"\r\n\r\n1,2,3"
    var reader = try CSVReader(TextChunks(data: Data(text.utf8)))
    let first = try #require(try reader.next())
    #expect(first.fields == ["a", "b\"c", "d\ne"])
    let second = try #require(try reader.next())
    #expect(second.line == 4)
    #expect(second.fields == ["1", "2", "3"])
    #expect(try reader.next() == nil)
  }
}

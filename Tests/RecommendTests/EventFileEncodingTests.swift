import Foundation
import Testing

@testable import Recommend

/// `listen import` reads event files with the same decoder as `catalog import` (issue 13, items 6 and 17).
@Suite struct EventFileEncodingTests {
  func read(_ bytes: [UInt8]) throws -> [String] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "events-\(UUID().uuidString).tsv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try EventFile.read(url.path).map(\.item)
  }

  @Test func latin1AndUTF16FilesGiveTheSameItems() throws {
    let text = "user\titem\tweight\nann\tBjörk\t3\n"
    let latin1 = text.unicodeScalars.map { UInt8($0.value) }
    var utf16 = [UInt8]([0xFF, 0xFE])
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(try read(Array(text.utf8)) == ["Björk"])
    #expect(try read(latin1) == ["Björk"])
    #expect(try read(utf16) == ["Björk"])
  }
}

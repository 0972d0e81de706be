import Foundation
import Testing

/// `moodsketch sketch PROMPT --chords CHART`: the user's chords kept exactly, gaps filled.
@Suite struct SketchChordsTests {
  struct Sketched {
    var symbols: [String]
    var numerals: [String]
    var markers: [String]
    var reasons: [String]
    var key: String
    var stderr: String
  }

  func sketch(_ arguments: [String]) throws -> Sketched {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("s").path
    let result = try CLI.run(
      ["sketch"] + arguments + ["--out", out, "--no-render", "--no-references"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: out + "/sketch.json")))
    let report = try #require(json as? [String: Any])
    let bars = try #require(report["progression"] as? [[String: Any]])
    let chords = bars.flatMap { ($0["chords"] as? [[String: Any]]) ?? [] }
    let midi = try Data(contentsOf: URL(fileURLWithPath: out + "/sketch.mid"))
    return Sketched(
      symbols: chords.compactMap { $0["symbol"] as? String },
      numerals: chords.compactMap { $0["roman"] as? String },
      markers: Self.markers(in: [UInt8](midi)),
      reasons: report["reasons"] as? [String] ?? [], key: report["key"] as? String ?? "",
      stderr: result.stderr)
  }

  /// Marker meta events (FF 06 len text) in file order; our files put them in the conductor track.
  static func markers(in bytes: [UInt8]) -> [String] {
    var found: [String] = []
    var i = 0
    while i + 3 < bytes.count {
      if bytes[i] == 0xFF, bytes[i + 1] == 0x06, bytes[i + 2] < 0x80 {
        let length = Int(bytes[i + 2])
        let end = min(bytes.count, i + 3 + length)
        found.append(String(decoding: bytes[(i + 3)..<end], as: UTF8.self))
        i = end
      } else {
        i += 1
      }
    }
    return found
  }

  @Test func givenSymbolsAreKeptExactlyPerBar() throws {
    let s = try sketch(["hopeful morning", "--chords", "Am F ? G | C ? ? E7", "--seed", "3"])
    // Two bars of four chords, repeated over the 8 bars: every given chord in its slot.
    #expect(s.symbols.count == 32)
    for (i, symbol) in s.symbols.enumerated() {
      let given = ["Am", "F", nil, "G", "C", nil, nil, "E7"][i % 8]
      if let given { #expect(symbol == given, "slot \(i + 1)") }
    }
    #expect(s.markers == s.symbols)
    #expect(s.key == "A minor")
    #expect(s.reasons.contains { $0.hasPrefix("key A minor inferred from the chords") })
    #expect(s.reasons.contains { $0.contains("12 filled by the chord model") })
  }

  @Test func numeralsBecomeChordsInTheKeyAndStayInPlace() throws {
    let s = try sketch(["sad rainy night", "--chords", "vi IV ? V", "--key", "D", "--seed", "4"])
    // One chord per harmonic slot; the chart repeats.
    #expect(s.symbols.count >= 4)
    for (i, symbol) in s.symbols.enumerated() {
      if let given = ["Bm", "G", nil, "A"][i % 4] { #expect(symbol == given, "slot \(i + 1)") }
    }
    for (i, numeral) in s.numerals.enumerated() {
      if let given = ["vi", "IV", nil, "V"][i % 4] { #expect(numeral == given) }
    }
    #expect(s.markers == s.symbols)
    #expect(s.key == "D major")
  }

  @Test func fillsDifferBySeedAndGivenChordsDoNot() throws {
    let a = try sketch(["calm evening", "--chords", "C ? ? G | ? F ? ?", "--seed", "1"])
    let b = try sketch(["calm evening", "--chords", "C ? ? G | ? F ? ?", "--seed", "2"])
    let given = [0, 3, 5]
    for i in 0..<a.symbols.count where given.contains(i % 8) {
      #expect(a.symbols[i] == b.symbols[i])
    }
    #expect(a.symbols != b.symbols)
  }

  @Test func chordsInAnotherKeyThanKeyWarnOnceAndAreKept() throws {
    let s = try sketch(["sunny", "--chords", "E B C#m A", "--key", "C", "--seed", "5"])
    #expect(s.stderr.split(separator: "\n").count == 1)
    #expect(s.stderr.contains("--key C major"))
    #expect(Array(s.symbols.prefix(4)) == ["E", "B", "C#m", "A"])
  }

  @Test func tooManyChordsIsAUsageErrorNamingBothCounts() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("s").path
    let r = try CLI.run([
      "sketch", "sad", "--chords", "C G Am F C G Am F C", "--bars", "2", "--out", out,
      "--no-render",
    ])
    #expect(r.status == 64)
    #expect(r.stderr.contains("9 chords") && r.stderr.contains("2 chord slots"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let bars = try CLI.run([
      "sketch", "sad", "--chords", "C | G | Am", "--bars", "2", "--out", out, "--no-render",
    ])
    #expect(bars.status == 64)
    #expect(bars.stderr.contains("3 bars") && bars.stderr.contains("has 2"))
    let unknown = try CLI.run(["sketch", "sad", "--chords", "Am F Xq", "--out", out])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("moodsketch: unknown chord 'Xq' at position 3"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

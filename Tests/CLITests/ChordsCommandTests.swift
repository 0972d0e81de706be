import Foundation
import Testing

@Suite struct ChordsCommandTests {
  @Test func nextPrintsRankedChordsAndJSON() throws {
    let text = try CLI.run(["chords", "next", "C G Am", "--key", "C"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("F        IV       predominant"))
    let json = try CLI.run(["chords", "next", "C G Am", "--json", "--k", "5"])
    #expect(json.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let next = try #require(object["next"] as? [[String: Any]])
    #expect(next.count == 5)
    #expect(next.contains { $0["symbol"] as? String == "F" })
    let sum = next.compactMap { $0["probability"] as? Double }.reduce(0, +)
    #expect(sum <= 1)
    #expect((object["keyReason"] as? String)?.contains("inferred") == true)
  }

  @Test func analyzeShowsKeyNumeralsAndCadences() throws {
    let result = try CLI.run(["chords", "analyze", "C G Am F | C G C"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("key: C major"))
    #expect(result.stdout.contains("deceptive at chords 2–3: G–Am"))
    #expect(result.stdout.contains("authentic at chords 6–7: G–C"))
  }

  @Test func unknownChordIsOneLineUsageError() throws {
    let result = try CLI.run(["chords", "next", "Am F Xq"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("moodsketch: unknown chord 'Xq' at position 3"))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stdout.isEmpty)
  }

  @Test func chordsOutsideTheGivenKeyWarnOnceAndStayAsGiven() throws {
    let result = try CLI.run(["chords", "analyze", "E B C#m A", "--key", "C"])
    #expect(result.status == 0)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("fit E major better than --key C major"))
    #expect(result.stdout.contains("C#m"))
  }
}

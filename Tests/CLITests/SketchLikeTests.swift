import Foundation
import Testing

/// `sketch --like REF`: the reference's tempo and key shape the plan unless a flag sets them.
struct SketchLikeTests {
  static func json(_ result: CLIResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test func tempoAndKeyComeFromTheReferenceUnlessAFlagSetsThem() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let reference = folder.appendingPathComponent("ref").path
    #expect(
      try CLI.run([
        "sketch", "angry fast rock", "--tempo", "150", "--key", "F# minor", "--seed", "2", "--out",
        reference, "--no-render", "--no-references",
      ]).status == 0)
    let liked = try CLI.run([
      "sketch", "calm evening", "--like", reference + "/sketch.mid", "--out",
      folder.appendingPathComponent("a").path, "--no-render", "--no-references", "--json",
    ])
    #expect(liked.status == 0, "\(liked.stderr)")
    let plan = try Self.json(liked)
    #expect(abs((plan["tempoBPM"] as? Double ?? 0) - 150) <= 2)
    #expect(plan["key"] as? String == "F# minor")
    let reasons = plan["reasons"] as? [String] ?? []
    #expect(reasons.contains { $0.hasPrefix("tempo ") && $0.contains("from sketch.mid") })
    #expect(reasons.contains { $0.hasPrefix("energy: sketch.mid's arousal") })
    // A flag wins over the reference, and the reasons say so.
    let flagged = try CLI.run([
      "sketch", "calm evening", "--like", reference + "/sketch.mid", "--tempo", "80", "--out",
      folder.appendingPathComponent("b").path, "--no-render", "--no-references", "--json",
    ])
    let own = try Self.json(flagged)
    #expect(own["tempoBPM"] as? Double == 80)
    #expect(!(own["reasons"] as? [String] ?? []).contains { $0.contains("BPM: from sketch.mid") })
  }

  @Test func aReferenceThatCannotBeReadIsOneLineAndWritesNothing() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("x").path
    let missing = try CLI.run(["sketch", "calm", "--like", "nope.wav", "--out", out, "--no-render"])
    #expect(missing.status == 64)
    #expect(missing.stderr.hasPrefix("moodsketch: --like nope.wav: no such file or catalog id"))
    let text = folder.appendingPathComponent("notes.wav")
    try "not audio".write(to: text, atomically: true, encoding: .utf8)
    let unreadable = try CLI.run([
      "sketch", "calm", "--like", text.path, "--out", out, "--no-render",
    ])
    #expect(unreadable.status == 65)
    #expect(unreadable.stderr.split(separator: "\n").count == 1, "\(unreadable.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

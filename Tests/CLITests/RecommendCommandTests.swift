import Foundation
import Testing

/// `recommend`, `evaluate` and `listen import` as a user runs them.
@Suite struct RecommendCommandTests {
  /// Six listeners in two taste groups (a* and b* artists) plus a newcomer who played a1 and a2.
  static let history: String = {
    var lines = ["user\titem\tweight"]
    for u in 0..<6 {
      let group = u < 3 ? "a" : "b"
      for i in 0..<6 where (i + u) % 4 != 0 { lines.append("u\(u)\t\(group)\(i)\t\(10 + i * u)") }
    }
    lines += ["new\ta1\t4", "new\ta2\t7"]
    return lines.joined(separator: "\n") + "\n"
  }()

  func write(_ text: String, _ name: String, in folder: URL) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func recommendsUnplayedItemsOfTheUsersTasteWithReasons() throws {
    let folder = try CLI.temporaryFolder()
    let events = try write(Self.history, "plays.tsv", in: folder)
    let r = try CLI.run([
      "recommend", "--user", "new", "--events", events, "--model", "itemknn", "--k", "3", "--json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let items = json?["items"] as? [[String: Any]] ?? []
    #expect(items.count == 3)
    #expect(items.allSatisfy { ($0["item"] as? String)?.hasPrefix("a") == true })
    #expect(items.allSatisfy { $0["item"] as? String != "a1" && $0["item"] as? String != "a2" })
    #expect(items.allSatisfy { ($0["reason"] as? String)?.contains("because you play") == true })
  }

  @Test func unknownUserGetsColdStartPicksAndANote() throws {
    let folder = try CLI.temporaryFolder()
    let events = try write(Self.history, "plays.tsv", in: folder)
    let r = try CLI.run(["recommend", "--user", "nobody", "--events", events, "--k", "2"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("no listening history for user nobody"))
  }

  @Test func badInputGivesOneLineErrorsAndExitCodes() throws {
    let folder = try CLI.temporaryFolder()
    let events = try write(Self.history, "plays.tsv", in: folder)
    let zero = try CLI.run(["recommend", "--user", "new", "--events", events, "--k", "0"])
    #expect(zero.status == 64)
    let bad = try write("u1\ta\t3\nu1\tb\t-1\n", "bad.tsv", in: folder)
    let negative = try CLI.run(["recommend", "--user", "u1", "--events", bad])
    #expect(negative.status == 65)
    #expect(negative.stderr.contains("bad.tsv:2: weight -1 must be a positive number"))
    let missing = try CLI.run([
      "recommend", "--user", "u1", "--events", folder.appendingPathComponent("none.tsv").path,
    ])
    #expect(missing.status == 66)
    #expect(!missing.stderr.contains("Fatal error"))
  }

  @Test func evaluateScoresModelsAndWritesTheirLists() throws {
    let folder = try CLI.temporaryFolder()
    let train = try write(Self.history, "train.tsv", in: folder)
    let test = try write("u0\ta0\t1\nu3\tb1\t1\nnew\ta3\t1\n", "test.tsv", in: folder)
    let lists = folder.appendingPathComponent("lists.tsv").path
    let r = try CLI.run([
      "evaluate", "--train", train, "--test", test, "--k", "3", "--models", "pop,itemknn,als",
      "--write-recommendations", lists,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains("NDCG@k") && r.stdout.contains("itemknn")
        && r.stdout.contains("3 users scored"))
    let written = try String(contentsOfFile: lists, encoding: .utf8).split(separator: "\n")
    #expect(written.first == "user\titem\trank\tmodel")
    #expect(written.count == 1 + 3 * 3 * 3)
    // The same lists scored back through --score give the same NDCG as the models that made them.
    let again = try CLI.run([
      "evaluate", "--train", train, "--test", test, "--k", "3", "--models", "itemknn", "--score",
      lists, "--json",
    ])
    let report = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
    let models = report?["models"] as? [[String: Any]] ?? []
    let ndcg = models.map { (($0["all"] as? [String: Any])?["ndcg"] as? Double) ?? -1 }
    #expect(models.count == 4 && ndcg[0] == ndcg[2])
  }

  @Test func importedHistoryIsWhatRecommendReads() throws {
    let folder = try CLI.temporaryFolder()
    let events = try write(Self.history, "plays.tsv", in: folder)
    let catalog = folder.appendingPathComponent("catalog.sqlite").path
    let imported = try CLI.run(["listen", "import", events, "--catalog", catalog])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("7 users"))
    let r = try CLI.run([
      "recommend", "--user", "new", "--catalog", catalog, "--model", "userknn", "--k", "2",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Recommendations for user new (2 items played"))
  }
}

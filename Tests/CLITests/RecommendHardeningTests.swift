import Foundation
import Testing

/// Issue 13 for `recommend`, `evaluate` and `references`: meaningless hyper-parameters and options (7, 15),
/// evaluations that could score nothing (16), and sketch folders holding only `sketch.json` (9).
@Suite struct RecommendHardeningTests {
  /// 30 users with 8 plays each over 40 items, from a fixed generator.
  func eventsFile() throws -> (folder: URL, path: String) {
    let folder = try CLI.temporaryFolder()
    var lines = ""
    var state: UInt64 = 7
    func next(_ n: UInt64) -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (state >> 33) % n
    }
    for user in 0..<30 {
      var items = Set<UInt64>()
      while items.count < 8 { items.insert(next(40)) }
      for item in items.sorted() { lines += "u\(user)\ti\(item)\t\(1 + next(50))\n" }
    }
    let path = folder.appendingPathComponent("plays.tsv").path
    try lines.write(toFile: path, atomically: true, encoding: .utf8)
    return (folder, path)
  }

  @Test(arguments: [
    (["--alpha", "inf"], "invalid --alpha inf: use a number from 0 to 10000"),
    (["--alpha", "1e300"], "invalid --alpha inf: use a number from 0 to 10000"),
    (["--alpha", "nan"], "invalid --alpha nan: use a number from 0 to 10000"),
    (["--regularization", "1e308"], "invalid --regularization inf: use a number from 0 to 10000"),
    (
      ["--learning-rate", "1e300"],
      "invalid --learning-rate inf: use a number above 0 and at most 1"
    ),
  ])
  func nonFiniteAndAbsurdHyperParametersAreUsageErrors(flags: [String], message: String) throws {
    let (_, events) = try eventsFile()
    let result = try CLI.run(
      ["recommend", "--user", "u1", "--model", "als", "--events", events] + flags)
    #expect(result.status == 64)
    #expect(result.stderr == "moodsketch: \(message)\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func aModelThatDivergesIsReportedNotListedEmpty() throws {
    let (_, events) = try eventsFile()
    // A step size of 1 is allowed, and on this data BPR's factors overflow.
    let result = try CLI.run([
      "recommend", "--user", "u1", "--model", "bpr", "--learning-rate", "1", "--events", events,
    ])
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "moodsketch: the bpr model diverged (its factors overflowed to infinity or NaN), so it cannot rank anything; lower --learning-rate\n"
    )
    // Sane settings still rank.
    let fine = try CLI.run(["recommend", "--user", "u1", "--model", "als", "--events", events])
    #expect(fine.status == 0, "\(fine.stderr)")
    #expect(fine.stdout.contains("  1. i"))
  }

  @Test func anEmptyUserIsAUsageError() throws {
    let (_, events) = try eventsFile()
    let result = try CLI.run(["recommend", "--user", "", "--events", events])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--user needs a listener id"))
  }

  @Test func evaluateRefusesAnEmptyModelListAndAGivenSplitToWrite() throws {
    let (folder, events) = try eventsFile()
    let noModels = try CLI.run(["evaluate", "--train", events, "--test", events, "--models", ""])
    #expect(noModels.status == 64)
    #expect(noModels.stderr.contains("invalid model list \"\": name at least one of pop"))
    let split = folder.appendingPathComponent("split").path
    let writeSplit = try CLI.run([
      "evaluate", "--train", events, "--test", events, "--write-split", split,
    ])
    #expect(writeSplit.status == 64)
    #expect(
      writeSplit.stderr.contains("--write-split writes the split moodsketch makes from --dataset"))
    #expect(!FileManager.default.fileExists(atPath: split))
  }

  @Test func evaluateWithTrainAndTestSharingNoUserExits65() throws {
    let folder = try CLI.temporaryFolder()
    let train = folder.appendingPathComponent("train.tsv").path
    let test = folder.appendingPathComponent("test.tsv").path
    try "a\tx\t1\na\ty\t2\n".write(toFile: train, atomically: true, encoding: .utf8)
    try "b\tx\t1\n".write(toFile: test, atomically: true, encoding: .utf8)
    let result = try CLI.run(["evaluate", "--train", train, "--test", test, "--models", "pop"])
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "moodsketch: no user in \(test) has events in \(train), so no list can be scored; give the train and test files of one split\n"
    )
    #expect(result.stdout.isEmpty)
  }

  /// A catalog of three imported tracks, and a folder with a sketch's `sketch.json` only.
  func catalogAndSketch() throws -> (folder: URL, catalog: String, sketch: String) {
    let folder = try CLI.temporaryFolder()
    try
      "title,valence,energy,tempo,key,mode\nRain,0.2,0.3,76,9,0\nSun,0.9,0.9,128,0,1\nFog,0.3,0.2,70,4,0\n"
      .write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let catalog = folder.appendingPathComponent("c.sqlite").path
    #expect(
      try CLI.run(["catalog", "import", "t.csv", "--catalog", catalog], in: folder).status == 0)
    let sketch = folder.appendingPathComponent("sketch")
    let made = try CLI.run([
      "sketch", "sad slow rain", "--out", sketch.path, "--no-render", "--no-references", "--seed",
      "3",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    try FileManager.default.removeItem(at: sketch.appendingPathComponent("sketch.mid"))
    return (folder, catalog, sketch.path)
  }

  @Test func referencesReadAFolderHoldingOnlySketchJSON() throws {
    let (_, catalog, sketch) = try catalogAndSketch()
    struct Output: Decodable {
      var key: String?
      var tempoBPM: Double?
      var references: [Reference]
      struct Reference: Decodable { var title: String }
    }
    let plan =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: sketch + "/sketch.json"))) as? [String: Any]
    let result = try CLI.run(["references", sketch, "--catalog", catalog, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    // The plan's tempo, as the sketch report wrote it.
    #expect(output.tempoBPM == plan?["tempoBPM"] as? Double)
    #expect(output.key != nil && output.key == plan?["key"] as? String)
    #expect(output.references.count == 3)
  }

  @Test func anInvalidSketchJSONSaysWhereTheJSONBreaks() throws {
    let (folder, catalog, _) = try catalogAndSketch()
    let broken = folder.appendingPathComponent("broken")
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
    try "{\n  \"key\": \"C major\",\n  oops\n}".write(
      to: broken.appendingPathComponent("sketch.json"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["references", broken.path, "--catalog", catalog])
    #expect(result.status == 65)
    #expect(
      result.stderr.hasPrefix(
        "moodsketch: \(broken.path)/sketch.json: it is not valid JSON (line 3, column 3"))
    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let none = try CLI.run(["references", empty.path, "--catalog", catalog])
    #expect(none.status == 64)
    #expect(none.stderr.contains("it holds none of sketch.mid, sketch.json or sketch.wav"))
  }

  @Test func allZeroWeightsAndANegativeTempoRangeAreRefused() throws {
    let (_, catalog, sketch) = try catalogAndSketch()
    let zero = try CLI.run([
      "references", sketch, "--catalog", catalog, "--weights",
      "mood=0,tempo=0,key=0,timbre=0,energy=0,brightness=0",
    ])
    #expect(zero.status == 64)
    #expect(zero.stderr.contains("every group weighs 0, so nothing would be compared"))
    for range in ["--tempo-range=-5-10", "--tempo-range=100-80", "--tempo-range=80-100-120"] {
      let result = try CLI.run(["references", sketch, "--catalog", catalog, range])
      #expect(result.status == 64, "\(range)")
      #expect(result.stderr.contains("is not a range of tempos like 80-100"), "\(range)")
    }
    let fine = try CLI.run(["references", sketch, "--catalog", catalog, "--tempo-range", "60-90"])
    #expect(fine.status == 0, "\(fine.stderr)")
  }
}

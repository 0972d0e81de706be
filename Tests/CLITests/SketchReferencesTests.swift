import Foundation
import Testing

/// `sketch` closes with the nearest reference tracks when the user has a catalog.
@Suite struct SketchReferencesTests {
  /// A small Spotify-style table: a slow sad minor track, a fast happy major one, a calm one.
  let table = """
    title,artist,valence,energy,tempo,key,mode,loudness,danceability
    Rain On Glass,Test Artist,0.15,0.20,72,9,0,-14,0.3
    Sunburst,Test Artist,0.95,0.90,128,7,1,-6,0.8
    Still Water,Test Artist,0.55,0.15,68,0,1,-18,0.2
    """

  @Test func listsTheClosestReferencesWithReasons() throws {
    let folder = try CLI.temporaryFolder()
    let csv = folder.appendingPathComponent("refs.csv")
    try table.write(to: csv, atomically: true, encoding: .utf8)
    let catalog = folder.appendingPathComponent("catalog.sqlite").path
    let env = ["MOODSKETCH_CATALOG": catalog]
    let imported = try CLI.run(["catalog", "import", csv.path], environment: env)
    #expect(imported.status == 0, "\(imported.stderr)")

    let out = folder.appendingPathComponent("sad").path
    let sad = try CLI.run(
      ["sketch", "sad slow rainy night", "--out", out, "--no-render", "--seed", "3"],
      environment: env)
    #expect(sad.status == 0, "\(sad.stderr)")
    #expect(sad.stdout.contains("closest references in your catalog:"))
    let section =
      sad.stdout.components(separatedBy: "closest references in your catalog:").last ?? ""
    let lines = section.split(separator: "\n").filter {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
    #expect(lines.count == 3)
    // The sad sketch sits nearest the sad track, and every result says why.
    #expect(lines.first?.contains("Rain On Glass") == true, "\(sad.stdout)")

    let json = try CLI.run(
      [
        "sketch", "sad slow rainy night", "--out", out + "2", "--no-render", "--seed", "3",
        "--json",
      ],
      environment: env)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let references = try #require(object["references"] as? [[String: Any]])
    #expect(references.count == 3)
    #expect(references.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
  }

  /// A catalog of ``table`` and a MIDI-only sketch for a sad prompt written beside it: the folder to
  /// remove afterwards, the environment naming the catalog, and the sketch folder.
  func sadSketchWithCatalog() throws -> (URL, [String: String], String) {
    let folder = try CLI.temporaryFolder()
    let csv = folder.appendingPathComponent("refs.csv")
    try table.write(to: csv, atomically: true, encoding: .utf8)
    let env = ["MOODSKETCH_CATALOG": folder.appendingPathComponent("catalog.sqlite").path]
    #expect(try CLI.run(["catalog", "import", csv.path], environment: env).status == 0)
    let out = folder.appendingPathComponent("sad").path
    let sketch = try CLI.run(
      ["sketch", "sad slow rainy night", "--out", out, "--no-render", "--seed", "3"],
      environment: env)
    try #require(sketch.status == 0, "\(sketch.stderr)")
    return (folder, env, out)
  }

  /// For a sketch folder, `references` takes key, tempo and mood from the plan the sketch was written
  /// to (what its sketch.json says), says so, and marks the mood as planned in --json; without the
  /// plan, the mood is measured and the header says where it came from.
  @Test func aSketchFolderIsMatchedOnItsPlannedMoodAndSaysSo() throws {
    let (folder, env, out) = try sadSketchWithCatalog()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: out + "/sketch.json"))) as? [String: Any])
    let mood = try #require(report["mood"] as? [String: Any])
    let plannedValence = try #require(mood["valence"] as? Double)
    let plannedArousal = try #require(mood["arousal"] as? Double)

    let text = try CLI.run(["references", out, "--k", "2"], environment: env)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains(String(format: "valence %+.2f", plannedValence)), "\(text.stdout)")
    #expect(text.stdout.contains("from the plan in sketch.json"), "\(text.stdout)")

    let json = try CLI.run(["references", out, "--k", "2", "--json"], environment: env)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["moodSource"] as? String == "plan")
    #expect(abs((object["valence"] as? Double ?? 9) - plannedValence) < 1e-9)
    #expect(abs((object["arousal"] as? Double ?? 9) - plannedArousal) < 1e-9)
    #expect(object["key"] as? String == report["key"] as? String)

    // A broken sketch.json beside the MIDI: the mood is measured, and a note on stderr says why.
    try Data(
      "{\"key\": \"H major\", \"tempoBPM\": 90, \"mood\": {\"valence\": 0, \"arousal\": 0}}".utf8
    )
    .write(to: URL(fileURLWithPath: out + "/sketch.json"))
    let broken = try CLI.run(["references", out, "--k", "2"], environment: env)
    #expect(broken.status == 0, "\(broken.stderr)")
    #expect(
      broken.stderr.contains("sketch.json") && broken.stderr.contains("H major"), "\(broken.stderr)"
    )
    #expect(broken.stderr.contains("measured"), "\(broken.stderr)")
    try FileManager.default.removeItem(atPath: out + "/sketch.json")
    let measured = try CLI.run(["references", out, "--k", "2", "--json"], environment: env)
    let measuredObject = try #require(
      try JSONSerialization.jsonObject(with: Data(measured.stdout.utf8)) as? [String: Any])
    #expect(measuredObject["moodSource"] as? String == "measured")
    #expect((measuredObject["draftOrigin"] as? String)?.contains("sketch.mid") == true)
  }

  /// A sketch folder that lost its sketch.json is read from its MIDI (key, tempo and mood measured, not
  /// planned); a folder with none of the sketch files is refused in one line naming it.
  @Test func aFolderWithoutSketchJSONIsReadFromItsMIDIAndAnEmptyOneIsRefused() throws {
    let (folder, env, out) = try sadSketchWithCatalog()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(atPath: out + "/sketch.json")
    let fromMIDI = try CLI.run(["references", out, "--k", "2"], environment: env)
    #expect(fromMIDI.status == 0, "\(fromMIDI.stderr)")
    #expect(fromMIDI.stdout.contains("References for"), "\(fromMIDI.stdout)")

    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let refused = try CLI.run(["references", empty.path], environment: env)
    #expect(refused.status != 0)
    #expect(refused.stderr.contains(empty.path), "\(refused.stderr)")
    #expect(refused.stderr.contains("sketch.mid"), "\(refused.stderr)")
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
  }

  @Test func withoutACatalogTheSketchStillSucceedsAndSaysHowToGetOne() throws {
    let folder = try CLI.temporaryFolder()
    let env = ["MOODSKETCH_CATALOG": folder.appendingPathComponent("none.sqlite").path]
    let result = try CLI.run(
      ["sketch", "happy", "--out", folder.appendingPathComponent("s").path, "--no-render"],
      environment: env)
    #expect(result.status == 0)
    #expect(result.stderr.contains("no reference catalog yet"))
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.sqlite").path))
  }

  @Test func aMissingDraftIsReportedBeforeAnyCatalogWork() throws {
    let folder = try CLI.temporaryFolder()
    let catalog = folder.appendingPathComponent("fresh.sqlite").path
    let draft = folder.appendingPathComponent("no-such-draft.wav").path
    let result = try CLI.run(["references", draft], environment: ["MOODSKETCH_CATALOG": catalog])
    #expect(result.status == 66)
    #expect(result.stderr.contains("no-such-draft.wav"))
    #expect(
      !result.stderr.contains("indexing"), "a bad draft must not start indexing: \(result.stderr)")
  }
}

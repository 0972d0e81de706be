import Foundation
import Testing

/// Every command's `--json` output (and sketch.json) validates against its schema in docs/schema/, and
/// reads the way the schema promises: keys and chords as strings with their parts beside them, one
/// `schemaVersion`, the same names across commands.
@Suite(
  .enabled(
    if: SchemaValidator.available,
    "needs python3-jsonschema (apt-get install python3-jsonschema, or Scripts/install-deps.sh)"))
struct JSONSchemaTests {
  static let examples = InstallTests.root.appendingPathComponent("Examples")

  func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func aSketchWithAHugeSeedValidatesAndKeepsItsSeedKeyAndChordsReadable() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("s").path
    // Above Int64.max: a script must get the seed back exactly to reproduce the sketch.
    let seed = "17962327313976539881"
    let result = try CLI.run([
      "sketch", "bittersweet late-night drive, lo-fi", "--seed", seed, "--no-render",
      "--no-references", "--out", out, "--json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    try SchemaValidator.expectValid(result.stdout, schema: "sketch.schema.json")
    let saved = try String(contentsOfFile: out + "/sketch.json", encoding: .utf8)
    try SchemaValidator.expectValid(saved, schema: "sketch.schema.json")
    #expect(saved.contains("\"seed\" : \(seed)"))

    let report = try object(result.stdout)
    #expect(report["schemaVersion"] as? Int == 1)
    let key = try #require(report["key"] as? String)
    let detail = try #require(report["keyDetail"] as? [String: Any])
    #expect(key == "\(detail["tonic"] as? String ?? "?") \(detail["mode"] as? String ?? "?")")
    let bars = try #require(report["progression"] as? [[String: Any]])
    let chord = try #require((bars.first?["chords"] as? [[String: Any]])?.first)
    let symbol = try #require(chord["symbol"] as? String)
    let parts = try #require(chord["chordDetail"] as? [String: Any])
    #expect(symbol.hasPrefix(parts["root"] as? String ?? "?"))
    #expect(symbol.contains(parts["suffix"] as? String ?? "?"))
  }

  @Test func moodInEveryFormValidates() throws {
    let single = try CLI.run(["mood", "not too sad, late-night lo-fi", "--json"])
    #expect(single.status == 0)
    try SchemaValidator.expectValid(single.stdout, schema: "mood.schema.json")
    let planned = try CLI.run(["mood", "boss fight", "--plan", "--json"])
    #expect(planned.status == 0)
    try SchemaValidator.expectValid(planned.stdout, schema: "mood.schema.json")
    let lines = try CLI.run(["mood", "-", "--json"], stdin: "calm morning\n\nqwertyuiop\n")
    try SchemaValidator.expectValid(lines.stdout, schema: "mood.schema.json", lines: true)
    #expect(lines.stdout.split(separator: "\n").count >= 2)
  }

  @Test func analyzeAndRenderOfAnExampleValidate() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let midi = Self.examples.appendingPathComponent("lofi-drive/sketch.mid").path
    let analysed = try CLI.run(["analyze", midi, "--json"])
    #expect(analysed.status == 0, "\(analysed.stderr)")
    try SchemaValidator.expectValid(analysed.stdout, schema: "analyze.schema.json")
    let features = try #require(
      (try object(analysed.stdout)["files"] as? [[String: Any]])?.first?["features"]
        as? [String: Any])
    #expect((features["key"] as? String)?.contains(" ") == true, "a key such as \"D major\"")

    guard FileManager.default.fileExists(atPath: "/usr/share/sounds/sf2/FluidR3_GM.sf2") else {
      return
    }
    let rendered = try CLI.run([
      "render", midi, "--out", folder.appendingPathComponent("x.wav").path, "--json",
    ])
    #expect(rendered.status == 0, "\(rendered.stderr)")
    try SchemaValidator.expectValid(rendered.stdout, schema: "render.schema.json")
  }

  @Test func exportAndRollSayWhatTheyWroteAndValidate() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let midi = Self.examples.appendingPathComponent("lofi-drive/sketch.mid").path
    let sheet = folder.appendingPathComponent("lead.musicxml").path
    let exported = try CLI.run(["export", midi, "--to", "musicxml", "--out", sheet, "--json"])
    #expect(exported.status == 0, "\(exported.stderr)")
    try SchemaValidator.expectValid(exported.stdout, schema: "export.schema.json")
    let export = try object(exported.stdout)
    #expect(export["path"] as? String == sheet)
    #expect(FileManager.default.fileExists(atPath: sheet))
    #expect((export["chordSymbols"] as? Int ?? 0) > 0, "the sketch's chord markers")

    let picture = folder.appendingPathComponent("roll.svg").path
    let rolled = try CLI.run(["roll", midi, "--out", picture, "--json"])
    #expect(rolled.status == 0, "\(rolled.stderr)")
    try SchemaValidator.expectValid(rolled.stdout, schema: "roll.schema.json")
    let roll = try object(rolled.stdout)
    #expect((roll["lanes"] as? [String])?.contains("Melody") == true)
    #expect(FileManager.default.fileExists(atPath: picture))
  }

  @Test func catalogListAndReferencesUseTheSameNamesAndValidate() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let music = folder.appendingPathComponent("music")
    try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
    for name in ["lofi-drive", "happy-pop", "sad-cinematic", "jazz-club"] {
      try FileManager.default.copyItem(
        at: Self.examples.appendingPathComponent("\(name)/sketch.mid"),
        to: music.appendingPathComponent("\(name).mid"))
    }
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let added = try CLI.run(["catalog", "add", music.path, "--catalog", catalog, "--json"])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(try object(added.stdout)["schemaVersion"] as? Int == 1)
    let listed = try CLI.run(["catalog", "list", "--catalog", catalog, "--json"])
    try SchemaValidator.expectValid(listed.stdout, schema: "catalog-list.schema.json")
    let draft = Self.examples.appendingPathComponent("dreamy-lydian/sketch.mid").path
    let found = try CLI.run(["references", draft, "--catalog", catalog, "--k", "3", "--json"])
    #expect(found.status == 0, "\(found.stderr)")
    try SchemaValidator.expectValid(found.stdout, schema: "references.schema.json")
    let document = try object(found.stdout)
    let first = try #require((document["references"] as? [[String: Any]])?.first)
    // The draft and each reference answer to the same names.
    for name in ["key", "keyDetail", "tempoBPM", "valence", "arousal"] {
      #expect(document[name] != nil, "draft \(name)")
      #expect(first[name] != nil, "reference \(name)")
    }
  }
}

/// Runs docs/schema/validate.py (python3-jsonschema) on a document.
enum SchemaValidator {
  static let script = InstallTests.root.appendingPathComponent("docs/schema/validate.py").path
  static let python = "/usr/bin/python3"

  static let available: Bool = {
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", "import jsonschema"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  static func expectValid(
    _ document: String, schema: String, lines: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "moodsketch-json-\(UUID().uuidString).json")
    try Data(document.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, schema, file.path] + (lines ? ["--lines"] : [])
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(schema): \(report)", sourceLocation: sourceLocation)
  }
}

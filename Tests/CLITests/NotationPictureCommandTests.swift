import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Lead sheets and pictures as a user gets them: `sketch` (with --score and --preview), `export`, `roll`
/// and `evaluate --plot`, and what each does with bad input.
@Suite struct NotationPictureCommandTests {
  /// A valid Standard MIDI File with one track and no notes.
  static let emptyMIDI = Data(
    [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 1, 0x01, 0xE0]
      + [0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 4, 0, 0xFF, 0x2F, 0])

  private func xml(_ path: String) throws -> XMLDocument {
    try XMLDocument(data: Data(contentsOf: URL(fileURLWithPath: path)), options: [])
  }

  private func count(_ document: XMLDocument, _ xpath: String) throws -> Int {
    try document.nodes(forXPath: xpath).count
  }

  private func sketch(in folder: URL, _ extra: [String] = []) throws -> (String, CLIResult) {
    let out = folder.appendingPathComponent("drive").path
    let result = try CLI.run(
      [
        "sketch", "bittersweet late night drive", "--out", out, "--seed", "7", "--no-render",
        "--no-references",
      ]
        + extra)
    return (out, result)
  }

  @Test func sketchWritesALeadSheetAndAPianoRoll() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (out, result) = try sketch(in: folder, ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let files = try #require(report["files"] as? [String: String])
    #expect(files["musicxml"] == out + "/sketch.musicxml")
    #expect(files["svg"] == out + "/sketch.svg")
    let progression = try #require(report["progression"] as? [[String: Any]])
    let chordCount = progression.reduce(0) { $0 + (($1["chords"] as? [Any])?.count ?? 0) }

    let lead = try xml(out + "/sketch.musicxml")
    #expect(try count(lead, "//score-part") == 1)
    #expect(try count(lead, "//harmony") == chordCount)
    #expect(try count(lead, "//measure") == 8)
    #expect(try count(lead, "//rehearsal") == 2)  // A and A′ of the 8-bar form

    let roll = try xml(out + "/sketch.svg")
    let melody = try #require(report["melody"] as? [Any])
    #expect(try count(roll, "//*[@class='note'][@data-track='1']") == melody.count)
  }

  @Test func fullScoreHasAPartPerTrack() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (out, result) = try sketch(in: folder, ["--score", "full"])
    #expect(result.status == 0, "\(result.stderr)")
    let score = try xml(out + "/sketch.musicxml")
    #expect(
      try score.nodes(forXPath: "//score-part/part-name").map { $0.stringValue ?? "" } == [
        "Melody", "Chords", "Bass", "Drums",
      ])
    #expect(try count(score, "//unpitched") > 0)
  }

  @Test func previewDrawsTheRollAndChordsInTheTerminal() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, result) = try sketch(in: folder, ["--preview"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "preview:"))
    let chords = try #require(lines[start...].first { $0.hasPrefix("chords  │") })
    // One cell per bar: 8 bars, 9 bar lines.
    #expect(chords.filter { $0 == "│" }.count == 9)
    #expect(
      lines[start...].contains {
        $0.hasPrefix("Melody  │") && $0.contains { "▁▂▃▄▅▆▇█".contains($0) }
      })

    let json = try sketch(in: folder, ["--preview", "--json"]).1
    #expect(json.status == 64)
  }

  @Test func exportAndRollReadAnyMIDIFile() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (out, made) = try sketch(in: folder)
    #expect(made.status == 0, "\(made.stderr)")
    let midi = out + "/sketch.mid"
    let exported = try CLI.run([
      "export", midi, "--to", "musicxml", "--out", folder.path + "/lead.musicxml",
    ])
    #expect(exported.status == 0, "\(exported.stderr)")
    let lead = try xml(folder.path + "/lead.musicxml")
    // The chords come back from the MIDI file's markers, the melody from the track named Melody.
    let original = try xml(out + "/sketch.musicxml")
    #expect(try count(lead, "//harmony") == count(original, "//harmony"))
    #expect(try count(lead, "//note/pitch") == count(original, "//note/pitch"))

    let drawn = try CLI.run(["roll", midi])
    #expect(drawn.status == 0, "\(drawn.stderr)")
    let roll = try xml(out + "/sketch.svg")
    let sketchRoll = try count(roll, "//*[@class='note']")
    #expect(sketchRoll > 0)
    #expect(drawn.stdout.contains("\(sketchRoll) notes"))
  }

  @Test func exportOfANonMIDIFileFailsCleanly() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = folder.appendingPathComponent("notes.txt")
    try Data("not music".utf8).write(to: text)
    let result = try CLI.run(["export", text.path, "--to", "musicxml"])
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("moodsketch: "))
    #expect(result.stderr.contains(text.path))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])

    let format = try CLI.run(["export", text.path, "--to", "pdf"])
    #expect(format.status == 64)
  }

  @Test func rollOfAnEmptyMIDIFileFailsCleanly() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appendingPathComponent("empty.mid")
    try Self.emptyMIDI.write(to: empty)
    let result = try CLI.run(["roll", empty.path])
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("moodsketch: \(empty.path) has no notes"))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["empty.mid"])
  }

  @Test func evaluatePlotsOneBarPerModelAndMetric() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let train = folder.appendingPathComponent("train.tsv")
    let test = folder.appendingPathComponent("test.tsv")
    try Data("u1 a 1\nu1 b 1\nu1 c 1\nu2 a 1\nu2 b 1\nu2 d 1\nu3 c 1\nu3 d 1\nu3 a 1\n".utf8).write(
      to: train)
    try Data("u1 d 1\nu2 c 1\nu3 b 1\n".utf8).write(to: test)
    let plot = folder.appendingPathComponent("models.svg").path
    let result = try CLI.run([
      "evaluate", "--train", train.path, "--test", test.path, "--models", "pop,itemknn", "--k", "2",
      "--plot", plot,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let chart = try xml(plot)
    #expect(try count(chart, "//*[@class='bar']") == 2 * 7)
    #expect(
      try count(chart, "//*[@class='bar'][@data-group='itemknn'][@data-series='NDCG@2']") == 1)

    let unwritable = try CLI.run([
      "evaluate", "--train", train.path, "--test", test.path, "--models", "pop",
      "--plot", folder.path + "/missing/models.svg",
    ])
    #expect(unwritable.status == 73)
    #expect(
      unwritable.stderr.hasPrefix("moodsketch: cannot write \(folder.path)/missing/models.svg"))
    #expect(unwritable.stdout.isEmpty)
  }
}

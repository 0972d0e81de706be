import Catalog
import Foundation
import Testing

/// Real audio clips and MIDI from ../shared/data for the catalog commands.
enum CatalogFixtures {
  static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
  static var available: Bool { FileManager.default.fileExists(atPath: data.path) }
  static let mirdata = "audio_tempo_key_fixtures/mirdata/tests/resources/mir_datasets/"
  static let audio = [
    mirdata + "gtzan_genre/gtzan_genre/genres/country/country.00000.wav",
    mirdata + "cuidado/C_1.0/audio/cuidado_FallaCancion.flac",
    mirdata + "simac/S_1.0/audio/simac_01_H_mikri_Rallou.flac",
  ].map { data.appendingPathComponent($0).path }
  static let midi = data.appendingPathComponent("pop909/POP909/001/001.mid").path
  static var csv: String {
    data.appendingPathComponent("mcgill_billboard/derived/billboard_spotify_audio_features.csv")
      .path
  }

  /// A folder with the clips (each copied `copies` times under different names) and one MIDI file.
  static func folder(copies: Int = 1) throws -> URL {
    let folder = try CLI.temporaryFolder().appendingPathComponent("music")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for copy in 0..<copies {
      for path in audio {
        let name = "\(copy)-" + (path as NSString).lastPathComponent
        try FileManager.default.copyItem(
          atPath: path, toPath: folder.appendingPathComponent(name).path)
      }
    }
    try FileManager.default.copyItem(
      atPath: midi, toPath: folder.appendingPathComponent("pop.mid").path)
    try Data("cover art, not music".utf8).write(to: folder.appendingPathComponent("cover.jpg"))
    return folder
  }
}

struct ListedTrack: Decodable, Hashable {
  var title: String
  var path: String?
  var tempoBPM: Double?
  var key: String?
  var valence: Double
  var arousal: Double
}

func listCatalog(_ catalog: String) throws -> [ListedTrack] {
  let result = try CLI.run(["catalog", "list", "--json", "--catalog", catalog])
  #expect(result.status == 0, "\(result.stderr)")
  struct Listing: Decodable { var tracks: [ListedTrack] }
  return try JSONDecoder().decode(Listing.self, from: Data(result.stdout.utf8)).tracks
}

@Suite(.serialized, .enabled(if: CatalogFixtures.available, "needs ../shared/data"))
struct CatalogCommandTests {
  @Test func addSkipsUnchangedFilesOnTheSecondRun() throws {
    let music = try CatalogFixtures.folder()
    let catalog = music.deletingLastPathComponent().appendingPathComponent("c.sqlite").path
    let first = try CLI.run(["catalog", "add", music.path, "--catalog", catalog])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stdout.hasPrefix("added 4, updated 0, unchanged 0, failed 0, ignored 1 other files"))
    // Progress bars are for terminals only.
    #expect(!first.stderr.contains("ETA"))
    let second = try CLI.run(["catalog", "add", music.path, "--catalog", catalog])
    #expect(second.stdout.hasPrefix("added 0, updated 0, unchanged 4, failed 0"))
    // Touching a file without changing it: the content hash keeps it unchanged.
    let touched = music.appendingPathComponent("pop.mid").path
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: touched)
    let third = try CLI.run(["catalog", "add", music.path, "--catalog", catalog])
    #expect(third.stdout.hasPrefix("added 0, updated 0, unchanged 4"))
    let tracks = try listCatalog(catalog)
    #expect(tracks.count == 4)
    #expect(tracks.contains { $0.title == "pop" && $0.key != nil })
  }

  @Test func corruptEmptyAndUnsupportedFilesAreReportedAndSkipped() throws {
    let folder = try CLI.temporaryFolder()
    let good = folder.appendingPathComponent("good.flac").path
    try FileManager.default.copyItem(atPath: CatalogFixtures.audio[1], toPath: good)
    let corrupt = folder.appendingPathComponent("corrupt.wav").path
    try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(
      to: URL(fileURLWithPath: corrupt))
    let empty = folder.appendingPathComponent("empty.ogg").path
    FileManager.default.createFile(atPath: empty, contents: Data())
    let text = folder.appendingPathComponent("notes.txt").path
    try Data("la la la".utf8).write(to: URL(fileURLWithPath: text))
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let result = try CLI.run(["catalog", "add", good, corrupt, empty, text, "--catalog", catalog])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("added 1, updated 0, unchanged 0, failed 3"))
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("corrupt.wav") })
    #expect(lines.contains { $0.contains("empty.ogg") && $0.contains("empty") })
    #expect(lines.contains { $0.contains("notes.txt") && $0.contains("unsupported") })
    #expect(try listCatalog(catalog).map(\.title) == ["good"])
  }

  @Test func aKilledIngestResumesToTheSameCatalog() throws {
    // 28 files: with 10, an ingest whose process starts quickly (FFmpeg no longer loaded at start) could
    // finish between two polls, before the kill.
    let copies = 9
    let total = copies * CatalogFixtures.audio.count + 1
    let music = try CatalogFixtures.folder(copies: copies)
    let base = music.deletingLastPathComponent()
    let reference = base.appendingPathComponent("reference.sqlite").path
    let interrupted = base.appendingPathComponent("interrupted.sqlite").path
    #expect(
      try CLI.run(["catalog", "add", music.path, "--jobs", "1", "--catalog", reference]).status == 0
    )

    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["catalog", "add", music.path, "--jobs", "1", "--catalog", interrupted]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until a few files are committed, then kill -9 mid-way.
    var committed = 0
    let deadline = Date().addingTimeInterval(120)
    while committed < 3 && Date() < deadline && process.isRunning {
      Thread.sleep(forTimeInterval: 0.2)
      if FileManager.default.fileExists(atPath: interrupted) {
        committed = (try? listCatalog(interrupted).count) ?? 0
      }
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let partial = try listCatalog(interrupted).count
    #expect(partial >= 3 && partial < total, "killed after \(partial) of \(total) files")

    let resumed = try CLI.run([
      "catalog", "add", music.path, "--jobs", "1", "--catalog", interrupted,
    ])
    #expect(resumed.stdout.contains("unchanged \(partial)"))
    let key: (ListedTrack) -> String = { $0.path ?? "" }
    #expect(
      try listCatalog(interrupted).sorted { key($0) < key($1) }
        == listCatalog(reference).sorted { key($0) < key($1) })
  }

  @Test func importsTheBillboardTableAndReportsBadRowsByLine() throws {
    let folder = try CLI.temporaryFolder()
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let result = try CLI.run(["catalog", "import", CatalogFixtures.csv, "--catalog", catalog])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("imported 716 tracks, skipped 0 malformed rows"))
    let bad = folder.appendingPathComponent("bad.csv").path
    try "title,valence,energy\nGood,0.5,0.5\nBad,0.5\nWorse,x,0.1\n".write(
      toFile: bad, atomically: true, encoding: .utf8)
    let second = try CLI.run(["catalog", "import", bad, "--catalog", catalog])
    #expect(second.stdout.hasPrefix("imported 1 track, skipped 2 malformed rows"))
    #expect(second.stderr.contains("bad.csv:3: 2 fields, the header has 3; row skipped"))
    #expect(second.stderr.contains("bad.csv:4: valence \"x\" is not a number"))
    let stats = try CLI.run(["catalog", "stats", "--json", "--catalog", catalog])
    let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
    #expect(json?["tracks"] as? Int == 717)
  }

  @Test func referencesCarryReasonsAndShowRemoveWork() throws {
    let music = try CatalogFixtures.folder()
    let catalog = music.deletingLastPathComponent().appendingPathComponent("c.sqlite").path
    #expect(try CLI.run(["catalog", "add", music.path, "--catalog", catalog]).status == 0)
    let draft = music.appendingPathComponent("0-cuidado_FallaCancion.flac").path
    let result = try CLI.run(["references", draft, "--k", "3", "--json", "--catalog", catalog])
    #expect(result.status == 0, "\(result.stderr)")
    struct Output: Decodable {
      struct Ref: Decodable {
        var trackID: Int64
        var title: String
        var path: String?
        var reason: String
        var similarity: Double
      }
      var references: [Ref]
    }
    let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    #expect(output.references.count == 3)
    // The draft is in the catalog but is not listed as its own reference.
    #expect(
      !output.references.contains { $0.path?.hasSuffix("0-cuidado_FallaCancion.flac") == true })
    #expect(
      output.references.map(\.similarity) == output.references.map(\.similarity).sorted(by: >))
    #expect(output.references.allSatisfy { !$0.reason.isEmpty })
    let text = try CLI.run([
      "references", draft, "--k", "2", "--diverse", "--weights", "timbre=2", "--catalog", catalog,
    ])
    #expect(text.stdout.contains(" 1. "))
    #expect(
      !text.stderr.contains("older moodsketch"), "a fresh catalog is not stale: \(text.stderr)")
    // Rows analysed by an older version are named, with what refreshes them.
    try CatalogStore(path: catalog).databaseWriter.write {
      try $0.execute(
        sql: "UPDATE track SET featureVersion = 0 WHERE id IN (SELECT id FROM track LIMIT 2)")
    }
    let stale = try CLI.run(["references", draft, "--k", "2", "--catalog", catalog])
    #expect(stale.status == 0)
    #expect(stale.stderr.contains("note: 2 of "), "\(stale.stderr)")
    #expect(stale.stderr.contains("`moodsketch catalog add` their folders again"))
    // … naming the folder those tracks came from.
    #expect(stale.stderr.contains(music.lastPathComponent), "\(stale.stderr)")
    let first = try #require(output.references.first)
    let id = first.trackID
    #expect(
      try CLI.run(["catalog", "show", String(id), "--catalog", catalog]).stdout.contains(
        first.title))
    #expect(try CLI.run(["catalog", "remove", String(id), "--catalog", catalog]).status == 0)
    let missing = try CLI.run(["catalog", "show", String(id), "--catalog", catalog])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("no track with id \(id)"))
  }

  @Test func missingReadOnlyAndBadCatalogsGiveClearErrors() throws {
    let folder = try CLI.temporaryFolder()
    let nowhere = folder.appendingPathComponent("none.sqlite").path
    let missing = try CLI.run(["catalog", "list", "--catalog", nowhere])
    #expect(missing.status == 66)
    #expect(
      missing.stderr
        == "moodsketch: no catalog at \(nowhere); create one with `moodsketch catalog add FOLDER --catalog \(nowhere)` or check the path\n"
    )
    let viaEnvironment = try CLI.run(
      ["references", CatalogFixtures.audio[1]], environment: ["MOODSKETCH_CATALOG": nowhere])
    #expect(viaEnvironment.status == 66)

    let readOnly = folder.appendingPathComponent("ro.sqlite").path
    #expect(
      try CLI.run(["catalog", "import", CatalogFixtures.csv, "--catalog", readOnly]).status == 0)
    chmod(readOnly, 0o444)
    let add = try CLI.run(["catalog", "add", CatalogFixtures.audio[1], "--catalog", readOnly])
    #expect(add.status == 73)
    #expect(add.stderr.contains("the catalog \(readOnly) is read-only"))
    // Reading a read-only catalog is fine.
    #expect(try CLI.run(["catalog", "stats", "--catalog", readOnly]).status == 0)

    let text = folder.appendingPathComponent("text.sqlite").path
    try Data(String(repeating: "not a database ", count: 100).utf8).write(
      to: URL(fileURLWithPath: text))
    let bad = try CLI.run(["catalog", "list", "--catalog", text])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("is not a moodsketch catalog"))
  }
}

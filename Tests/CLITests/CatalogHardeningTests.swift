import Catalog
import Foundation
import GRDB
import Testing

/// Issue 13 from the command line: damaged and foreign catalogs (8, 10), imports that did nothing (16), missing
/// inputs (18), paging (20), and two processes on one catalog.
@Suite(.serialized) struct CatalogHardeningTests {
  static let table =
    "title,artist,valence,energy,tempo\nRain,A,0.2,0.3,80\nSun,B,0.9,0.8,128\nFog,C,0.4,0.2,70\n"

  /// A folder with `t.csv` and a catalog made from it by `catalog import`.
  func importedCatalog(_ csv: String = table) throws -> (folder: URL, catalog: String) {
    let folder = try CLI.temporaryFolder()
    try csv.write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let result = try CLI.run(["catalog", "import", "t.csv", "--catalog", catalog], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    return (folder, catalog)
  }

  /// A sketch folder holding only the `sketch.json` report (key, tempo and mood of the plan).
  func sketchFolder(in folder: URL) throws -> String {
    let sketch = folder.appendingPathComponent("sketch")
    try FileManager.default.createDirectory(at: sketch, withIntermediateDirectories: true)
    let report = """
      {"key": "A minor", "mode": "minor", "tempoBPM": 76, "mood": {"valence": -0.4, "arousal": -0.3},
       "durationSeconds": 60}
      """
    try report.write(
      to: sketch.appendingPathComponent("sketch.json"), atomically: true, encoding: .utf8)
    return sketch.path
  }

  func integrity(_ catalog: String) throws -> String {
    try DatabaseQueue(path: catalog).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
      ?? ""
  }

  @Test func everySubcommandCallsADamagedCatalogDamagedInOneLine() throws {
    let (folder, catalog) = try importedCatalog(
      Self.table + (0..<300).map { "Song \($0),X,0.5,0.5,100\n" }.joined())
    let handle = try #require(FileHandle(forUpdatingAtPath: catalog))
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: 4096)
    try handle.write(contentsOf: Data(repeating: 0xFF, count: Int(size) - 4096))
    try handle.close()
    let sketch = try sketchFolder(in: folder)
    let commands: [[String]] = [
      ["catalog", "stats"], ["catalog", "list"], ["catalog", "add", "t.csv"],
      ["catalog", "show", "1"],
      ["catalog", "remove", "1"], ["catalog", "import", "t.csv"], ["references", sketch],
      ["recommend", "--user", "1"],
    ]
    for command in commands {
      let result = try CLI.run(command + ["--catalog", catalog], in: folder)
      #expect(result.status == 65, "\(command): \(result.stderr)")
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1, "\(command): \(result.stderr)")
      #expect(
        result.stderr.hasPrefix(
          "moodsketch: the catalog \(catalog) is damaged (SQLite integrity check: "),
        "\(command): \(result.stderr)")
      #expect(result.stderr.contains("restore it from a backup"))
      #expect(result.stdout.isEmpty, "\(command) printed \(result.stdout)")
    }
  }

  @Test func anotherApplicationsDatabaseIsRefusedAndLeftAsItWas() throws {
    let folder = try CLI.temporaryFolder()
    let other = folder.appendingPathComponent("photos.sqlite").path
    let queue = try DatabaseQueue(path: other)
    try queue.write {
      try $0.execute(
        sql:
          "CREATE TABLE photo(id INTEGER PRIMARY KEY, file TEXT); INSERT INTO photo(file) VALUES ('a.jpg')"
      )
    }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: other))
    try Self.table.write(
      to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    for command in [["catalog", "import", "t.csv"], ["catalog", "list"], ["catalog", "stats"]] {
      let result = try CLI.run(command + ["--catalog", other], in: folder)
      #expect(result.status == 65)
      #expect(
        result.stderr
          == "moodsketch: \(other) is not a moodsketch catalog (it is another application's database, with tables photo); pass another --catalog or move the file away\n"
      )
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    let tables = try DatabaseQueue(path: other).read {
      try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    #expect(tables == ["photo"])
  }

  @Test func missingInputsLeaveNoNewCatalogBehind() throws {
    let folder = try CLI.temporaryFolder()
    let catalog = folder.appendingPathComponent("new.sqlite").path
    let add = try CLI.run(["catalog", "add", "nothing-here", "--catalog", catalog], in: folder)
    #expect(add.status == 66)
    #expect(add.stderr == "moodsketch: nothing-here: no such file or folder\n")
    let importing = try CLI.run(
      ["catalog", "import", "nope.csv", "--catalog", catalog], in: folder)
    #expect(importing.status == 66)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aTableWhoseEveryRowIsMalformedExits65AndCreatesNoCatalog() throws {
    let folder = try CLI.temporaryFolder()
    try "title,valence,energy\nA,high,0.3\nB,0.5\n".write(
      to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let result = try CLI.run(["catalog", "import", "bad.csv", "--catalog", catalog], in: folder)
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "moodsketch: nothing imported from bad.csv: all 2 rows are malformed, the first at line 2: valence \"high\" is not a number\n"
    )
    #expect(!FileManager.default.fileExists(atPath: catalog))
  }

  /// A catalog of one track, asked for the references of that very track, says so (it is never its own
  /// reference) instead of calling the catalog empty; filters that leave nothing are named as such.
  @Test func aCatalogOfOneTrackAndFiltersThatLeaveNothingSayWhyThereIsNoReference() throws {
    let folder = try CLI.temporaryFolder()
    let music = folder.appendingPathComponent("music")
    try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
    let pulses = TinyFiles.sine(seconds: 8, hz: 330).enumerated().map { i, x in
      x * Float(max(0, 1 - Double(i % 11025) / 4000))  // a tone every half second
    }
    try TinyFiles.wav(pulses, to: music.appendingPathComponent("only.wav"))
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let added = try CLI.run(["catalog", "add", "music", "--catalog", catalog], in: folder)
    #expect(added.status == 0, "\(added.stderr)")
    let alone = try CLI.run(
      ["references", "music/only.wav", "--catalog", catalog], in: folder)
    #expect(alone.status == 0, "\(alone.stderr)")
    #expect(alone.stdout.contains("from 1 track:"), "\(alone.stdout)")
    #expect(alone.stdout.contains("the catalog holds only this draft"), "\(alone.stdout)")

    let (tableFolder, table) = try importedCatalog()
    let filtered = try CLI.run(
      ["references", "sketch", "--style", "polka", "--catalog", table],
      in: URL(
        fileURLWithPath: (try sketchFolder(in: tableFolder) as NSString).deletingLastPathComponent))
    #expect(filtered.status == 0, "\(filtered.stderr)")
    // The style as the catalog stores it, and what styles the catalog has instead (none, here).
    #expect(
      filtered.stdout.contains("none of the 3 tracks has the style polka (tagged or inferred)"),
      "\(filtered.stdout)")
    #expect(filtered.stdout.contains("none of its tracks has a style yet"), "\(filtered.stdout)")
    let slow = try CLI.run(
      ["references", "sketch", "--tempo-range", "300-310", "--catalog", table], in: tableFolder)
    #expect(
      slow.stdout.contains(
        "none of the 3 tracks is within 300-310 BPM (or at half or double time)"),
      "\(slow.stdout)")
    // A value no genre reading makes a style of is a usage error, not "none".
    let refused = try CLI.run(
      ["references", "sketch", "--style", "(RX)", "--catalog", table], in: tableFolder)
    #expect(refused.status == 64, "\(refused.stdout)")
    #expect(refused.stderr.contains("--style '(RX)' names no style"), "\(refused.stderr)")
  }

  @Test func listPagesWithLimitAndOffset() throws {
    let (_, catalog) = try importedCatalog()
    let page = try CLI.run(["catalog", "list", "--limit", "2", "--catalog", catalog])
    #expect(page.status == 0)
    #expect(page.stdout.contains("A – Rain") && page.stdout.contains("B – Sun"))
    #expect(!page.stdout.contains("Fog"))
    #expect(page.stdout.contains("… 1–2 of 3 tracks; next page: --offset 2"))
    let next = try CLI.run([
      "catalog", "list", "--limit", "2", "--offset", "2", "--json", "--catalog", catalog,
    ])
    struct Listed: Decodable {
      var schemaVersion: Int
      var tracks: [Track]
      struct Track: Decodable { var title: String }
    }
    let listed = try JSONDecoder().decode(Listed.self, from: Data(next.stdout.utf8))
    #expect(listed.schemaVersion == 1)
    let titles = listed.tracks.map(\.title)
    #expect(titles == ["Fog"])
    let refused = try CLI.run(["catalog", "list", "--limit", "0", "--catalog", catalog])
    #expect(refused.status == 64)
  }

  @Test func aWriterWaitsForAnotherProcessesLockAndSaysSo() throws {
    let (folder, catalog) = try importedCatalog()
    let store = try CatalogStore(path: catalog)
    let holding = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    // Another writer holds the lock for 2.5 s, less than the 5 s the command waits.
    DispatchQueue.global().async {
      try? store.databaseWriter.write { db in
        try db.execute(sql: "UPDATE track SET title = title")
        holding.signal()
        Thread.sleep(forTimeInterval: 2.5)
      }
      done.signal()
    }
    holding.wait()
    let result = try CLI.run(["catalog", "import", "t.csv", "--catalog", catalog], in: folder)
    done.wait()
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "the catalog \(catalog) is busy with another moodsketch process; waiting up to 5 s"))
    #expect(try integrity(catalog) == "ok")
  }

  @Test(.enabled(if: CatalogFixtures.available, "needs ../shared/data"))
  func twoAddsAndReferencesAtOnceAllFinishAndTheCatalogIsIntact() throws {
    let music = try CatalogFixtures.folder()
    let catalog = music.deletingLastPathComponent().appendingPathComponent("c.sqlite").path
    let sketch = try sketchFolder(in: music.deletingLastPathComponent())
    // Two ingests of the same folder into one new catalog, and a search while they run.
    let results = LockedResults()
    let group = DispatchGroup()
    for arguments in [
      ["catalog", "add", music.path, "--catalog", catalog, "--jobs", "1"],
      ["catalog", "add", music.path, "--catalog", catalog, "--jobs", "1"],
    ] {
      DispatchQueue.global().async(group: group) { results.append(try? CLI.run(arguments)) }
    }
    // Wait for the first stored track so the search meets the ingest in the middle (an empty catalog would
    // have `references` index the default music first).
    while ((try? CatalogStore(path: catalog, access: .readOnly).count()) ?? 0) == 0 {
      Thread.sleep(forTimeInterval: 0.05)
    }
    let search = try CLI.run(["references", sketch, "--catalog", catalog, "--json"])
    group.wait()
    #expect(search.status == 0, "\(search.stderr)")
    for result in results.all {
      let result = try #require(result)
      #expect(result.status == 0, "\(result.stderr)")
    }
    #expect(try integrity(catalog) == "ok")
    // Both processes stored the same files under the same keys: one row each, none doubled.
    let files = try FileManager.default.contentsOfDirectory(atPath: music.path).filter {
      !$0.hasSuffix(".jpg")
    }
    let listed = try listCatalog(catalog)
    #expect(listed.count == files.count, "\(listed.map(\.title))")
  }
}

/// Results gathered from several threads.
final class LockedResults: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [CLIResult?] = []
  func append(_ result: CLIResult?) { lock.withLock { results.append(result) } }
  var all: [CLIResult?] { lock.withLock { results } }
}

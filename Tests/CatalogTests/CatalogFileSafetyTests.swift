import Foundation
import GRDB
import Testing

@testable import Catalog

/// Issue 13, items 8 and 10: another application's database is refused untouched; a damaged catalog is named
/// as damaged with what SQLite's integrity check found.
@Suite struct CatalogFileSafetyTests {
  func foreignDatabase(_ schema: String) throws -> String {
    let path = try temporaryFolder().appendingPathComponent("other.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: schema) }
    try queue.close()
    return path
  }

  func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test func anotherApplicationsDatabaseIsRefusedWithoutChangingIt() throws {
    let path = try foreignDatabase(
      "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places(url) VALUES ('x')"
    )
    let before = try bytes(path)
    for access in [CatalogStore.Access.readWrite, .readOnly] {
      #expect(
        throws: CatalogError.notACatalog(
          path: path, reason: "it is another application's database, with tables moz_places")
      ) { try CatalogStore(path: path, access: access) }
    }
    #expect(try bytes(path) == before)
    let folder = (path as NSString).deletingLastPathComponent
    #expect(!FileManager.default.fileExists(atPath: folder + "/other.sqlite-wal"))
  }

  @Test func anIncompatibleTrackTableIsRefused() throws {
    let path = try foreignDatabase("CREATE TABLE track(id INTEGER PRIMARY KEY, name TEXT)")
    let before = try bytes(path)
    do {
      _ = try CatalogStore(path: path)
      Issue.record("opened a database with someone else's track table")
    } catch let error as CatalogError {
      #expect(error.category.rawValue == 65)
      #expect(error.description.contains("its track table is not moodsketch's"))
    }
    #expect(try bytes(path) == before)
  }

  @Test func anEmptyFileBecomesACatalog() throws {
    let path = try temporaryFolder().appendingPathComponent("empty.sqlite").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let store = try CatalogStore(path: path)
    #expect(try store.count() == 0)
  }

  /// A real catalog with rows, then its pages after the first overwritten, as a bad disk sector would.
  static func damagedCatalog() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("c.sqlite").path
    do {
      let store = try CatalogStore(path: path)
      try store.save(
        batch: (0..<200).map {
          CatalogTrack(
            title: "T\($0)", path: nil, sourceKey: "k\($0)", features: sampleFeatures())
        })
    }
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: 4096)
    try handle.write(contentsOf: Data(repeating: 0xFF, count: Int(size) - 4096))
    try handle.close()
    return path
  }

  @Test func aDamagedCatalogIsCalledDamagedWithTheIntegrityCheck() throws {
    let path = try Self.damagedCatalog()
    // Whichever call meets the damage first: opening, counting, listing, or the stats' quick check.
    func failure(_ body: () throws -> Void) -> CatalogError? {
      do {
        try body()
        return nil
      } catch { return error as? CatalogError }
    }
    let failures = [
      failure { _ = try CatalogStore(path: path, access: .readOnly).stats() },
      failure { _ = try CatalogStore(path: path).tracks() },
      failure { try CatalogStore(path: path, access: .readOnly).listTracks { _ in } },
    ]
    for error in failures {
      let error = try #require(error)
      guard case .damaged(let reported, let finding) = error else {
        Issue.record("not reported as damaged: \(error)")
        continue
      }
      #expect(reported == path)
      #expect(!finding.isEmpty && finding != "ok")
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func aFileWithoutSQLitesHeaderIsNotACatalog() throws {
    let path = try temporaryFolder().appendingPathComponent("notes.sqlite").path
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
    #expect(
      throws: CatalogError.notACatalog(
        path: path, reason: "not a SQLite database: its first bytes are not SQLite's header")
    ) { try CatalogStore(path: path) }
  }
}

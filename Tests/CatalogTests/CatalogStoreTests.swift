import Analysis
import Foundation
import GRDB
import Testing
import Theory

@testable import Catalog

func sampleFeatures(valence: Double = 0.2, tempo: Double? = 100, key: Key? = Key(parsing: "Am")!)
  -> Features
{
  Features(
    source: .audio, durationSeconds: 180, tempoBPM: tempo, tempoConfidence: 0.8, key: key,
    keyStrength: 0.7,
    loudnessLUFS: -12, loudnessRangeLU: 6, valence: valence, arousal: -0.1,
    summary: ["spectral_centroid_hz_mean": 1800])
}

@Suite struct CatalogStoreTests {
  @Test func savesFetchesAndRemovesTracks() throws {
    let store = try CatalogStore.inMemory()
    let saved = try store.save(
      CatalogTrack(
        title: "Nebula", artist: "Someone", path: "/m/n.ogg", sourceKey: "/m/n.ogg",
        tags: ["ambient"], features: sampleFeatures()))
    let id = try #require(saved.id)
    let fetched = try store.track(id: id)
    #expect(fetched.title == "Nebula")
    #expect(fetched.key == Key(parsing: "Am")!)
    #expect(fetched.features == sampleFeatures())
    #expect(fetched.tags == ["ambient"])
    #expect(!fetched.isStale)
    try store.remove(id: id)
    #expect(throws: CatalogError.noSuchTrack(String(id))) { try store.track(id: id) }
    #expect(throws: CatalogError.noSuchTrack(String(id))) { try store.remove(id: id) }
  }

  @Test func savingTheSameSourceTwiceUpdatesTheRow() throws {
    let store = try CatalogStore.inMemory()
    let a = try store.save(
      CatalogTrack(title: "A", path: "/x.wav", sourceKey: "/x.wav", features: sampleFeatures()))
    let b = try store.save(
      CatalogTrack(
        title: "A2", path: "/x.wav", sourceKey: "/x.wav", features: sampleFeatures(valence: -0.5)))
    #expect(a.id == b.id)
    #expect(try store.count() == 1)
    #expect(try store.track(id: a.id!).valence == -0.5)
  }

  @Test func vectorsLoadAsOneMatrix() throws {
    let store = try CatalogStore.inMemory()
    for i in 0..<5 {
      try store.save(
        CatalogTrack(
          title: "T\(i)", path: "/\(i).wav", sourceKey: "/\(i).wav",
          features: sampleFeatures(valence: Double(i) / 5)))
    }
    let vectors = try store.vectors()
    #expect(vectors.count == 5)
    #expect(vectors.values.count == 5 * TrackVector.dimension)
    #expect(abs(vectors.values[3 * TrackVector.dimension] - 0.6) < 1e-6)
  }

  @Test func statsCountSourcesAndStaleRows() throws {
    let store = try CatalogStore.inMemory()
    try store.save(
      CatalogTrack(title: "A", path: "/a.wav", sourceKey: "/a.wav", features: sampleFeatures()))
    var old = CatalogTrack(
      title: "B", path: "/b.wav", sourceKey: "/b.wav", features: sampleFeatures())
    old.featureVersion = 0
    try store.save(old)
    let stats = try store.stats()
    #expect(stats.tracks == 2)
    #expect(stats.bySource["audio"] == 2)
    #expect(stats.stale == 1)
  }

  @Test func fileCatalogUsesWALAndMigrationsByName() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("sub/catalog.sqlite").path
    let store = try CatalogStore(path: path)
    let mode = try store.databaseWriter.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
    let applied = try store.databaseWriter.read { try CatalogSchema.migrator.appliedMigrations($0) }
    #expect(applied.first == "createTrack")
  }

  @Test func missingCatalogIsAClearErrorForReaders() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("nope.sqlite").path
    #expect(throws: CatalogError.missingCatalog(path)) {
      try CatalogStore(path: path, access: .readOnly)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func readOnlyCatalogIsAClearError() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("c.sqlite").path
    _ = try CatalogStore(path: path)
    chmod(path, 0o444)
    #expect(throws: CatalogError.readOnly(path)) { try CatalogStore(path: path) }
    // Reading still works.
    #expect(try CatalogStore(path: path, access: .readOnly).count() == 0)
  }

  @Test func aFileThatIsNotADatabaseIsNamed() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("c.sqlite").path
    try Data("hello, I am text and not SQLite at all, really not".utf8).write(
      to: URL(fileURLWithPath: path))
    do {
      _ = try CatalogStore(path: path)
      Issue.record("opened a text file as a catalog")
    } catch let error as CatalogError {
      #expect(error.description.contains(path))
      #expect(error.description.contains("not a"))
    }
  }

  @Test func lockedCatalogTimesOutWithAClearError() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("c.sqlite").path
    let holder = try CatalogStore(path: path)
    let waiter = try CatalogStore(path: path, busyTimeout: 0.2)
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      try? holder.databaseWriter.write { db in
        try db.execute(sql: "INSERT INTO listeningUser (id) VALUES ('x')")
        started.signal()
        release.wait()
      }
      done.signal()
    }
    started.wait()
    #expect(throws: CatalogError.locked(path: path, seconds: 0.2)) {
      try waiter.save(
        CatalogTrack(title: "A", path: "/a.wav", sourceKey: "/a.wav", features: sampleFeatures()))
    }
    release.signal()
    done.wait()
  }

  @Test func contentHashIsFNV1a() throws {
    // Published FNV-1a 64 test vectors.
    var empty = ContentHash()
    empty.update(UnsafeRawBufferPointer(start: nil, count: 0))
    #expect(empty.hexDigest == "cbf29ce484222325")
    var a = ContentHash()
    Data("a".utf8).withUnsafeBytes { a.update($0) }
    #expect(a.hexDigest == "af63dc4c8601ec8c")
    var foobar = ContentHash()
    Data("foobar".utf8).withUnsafeBytes { foobar.update($0) }
    #expect(foobar.hexDigest == "85944171f73967e8")
  }
}

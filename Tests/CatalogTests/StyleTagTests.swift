import Analysis
import Foundation
import GRDB
import Testing

@testable import Catalog

@Suite struct StyleTagTests {
  @Test func genresMapToTheLexiconsStyleNames() {
    let cases: [(String, String?)] = [
      ("Hip-Hop", "hiphop"), ("Funk / Soul;Funk / Soul", "funk"), ("R&B", "rnb"),
      ("Classic Rock", "rock"), ("chillhop", "lofi"), ("Lo-Fi", "lofi"),
      ("Rock - Roots Rock", "rock"),
      ("Deep House", "house"), ("Soundtrack", "cinematic"), ("Oldies", nil), ("", nil),
    ]
    for (genre, style) in cases {
      #expect(StyleVocabulary.style(forGenre: genre) == style, "\(genre)")
    }
    // Unknown genres keep the text (as catalogs always stored it) rather than being dropped.
    #expect(StyleVocabulary.storedStyle(forGenre: "Oldies") == "oldies")
    #expect(StyleVocabulary.storedStyle(forGenre: "  \u{0}\u{7} ") == nil)
    // Fillers are no style: such tracks get an inferred one instead.
    #expect(StyleVocabulary.storedStyle(forGenre: "Unknown") == nil)
    #expect(StyleVocabulary.storedStyle(forGenre: "N/A") == nil)
  }

  @Test func hostileTagsAreCutAndCleanedNotCrashedOn() {
    let huge = String(repeating: "ambient ", count: 2_000_000)  // 16 MB
    let cleaned = try! #require(TagText.clean(huge))
    #expect(cleaned.count <= TagText.maximumLength)
    #expect(cleaned.hasSuffix("…"))
    #expect(StyleVocabulary.style(forGenre: huge) != nil)  // still reads as ambient, from its start
    let binary = "ro\u{0}ck\u{1B}[31m\u{7}\u{FEFF}"
    #expect(TagText.clean(binary) == "ro ck [31m")
    #expect(TagText.clean("\u{0}\u{1}\u{2}") == nil)
    // Latin-1 bytes that are not UTF-8 become their characters, not a decoding failure.
    #expect(
      TagText.clean(bytes: [0x43, 0x68, 0x61, 0x6E, 0x73, 0x6F, 0x6E, 0x20, 0xE9]) == "Chanson é")
    let randomBytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
    let garbage = TagText.clean(bytes: randomBytes)
    #expect((garbage?.count ?? 0) <= TagText.maximumLength)
    #expect(
      TagText.clean(String(decoding: randomBytes, as: UTF8.self)).map { $0.count <= 200 } ?? true)
  }

  @Test func hostileTagsFromAFileAreStoredCleaned() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("t.mid").path
    try Data([0x4D, 0x54, 0x68, 0x64]).write(to: URL(fileURLWithPath: path))
    let store = try CatalogStore.inMemory()
    let features = styledFeatures(tempo: 90, lufs: -14, centroid: 1500, mfcc: 5, onsets: 2)
    let report = try CatalogIngest.add(
      paths: [path], to: store, workers: 1,
      analyse: { _, _ in
        AnalysedFile(
          features: features, title: String(repeating: "T", count: 100_000),
          artist: "\u{0}\u{0}", tags: [String(repeating: "x\u{0}", count: 500_000), "\u{1}"],
          style: "Hip-Hop\u{0}\u{FFFD}")
      })
    #expect(report.added == 1)
    let track = try store.tracks()[0]
    #expect(track.title.count <= TagText.maximumLength)
    #expect(track.artist == nil)
    #expect(track.tags.count == 1 && track.tags[0].count <= TagText.maximumLength)
    #expect(track.style == "hiphop")
  }

  @Test func csvGenresAreMappedAndUntaggedRowsInferred() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("t.csv").path
    var lines = ["title,valence,energy,tempo,danceability,acousticness,genre"]
    for i in 0..<8 {
      lines.append("quiet \(i),0.3,0.1\(i),70,0.2,0.9\(i),Folk")
      lines.append("loud \(i),0.7,0.9\(i),128,0.9,0.0\(i),Deep House")
    }
    lines.append("mystery quiet,0.3,0.12,71,0.21,0.93,")
    lines.append("mystery loud,0.7,0.93,127,0.88,0.02,")
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let store = try CatalogStore.inMemory()
    let report = try SpotifyImport.importTable(atPath: path, into: store)
    #expect(report.styles?.inferred == 2)
    let tracks = try store.tracks()
    #expect(tracks.first { $0.title == "loud 3" }?.style == "house")
    #expect(tracks.first { $0.title == "loud 3" }?.tags == ["Deep House"])
    #expect(tracks.first { $0.title == "mystery quiet" }?.inferredStyle == "folk")
    #expect(tracks.first { $0.title == "mystery loud" }?.inferredStyle == "house")
  }

  @Test func listeningHistoryTagsFillAMissingStyle() throws {
    let store = try CatalogStore.inMemory()
    try store.save(
      CatalogTrack(
        title: "Song", artist: "Miles Davis", path: nil, sourceKey: "csv:x#1",
        features: styledFeatures(tempo: 120, lufs: -14, centroid: 1500, mfcc: 5, onsets: 2)))
    try store.databaseWriter.write { db in
      try db.execute(sql: "INSERT INTO listeningItem (id, name) VALUES ('7', 'miles davis')")
      try db.execute(
        sql: """
          INSERT INTO listeningItemTag (item, tag, count) VALUES
          ('7', 'jazz', 40), ('7', 'trumpet', 12), ('7', 'cool jazz', 9), ('7', 'blues', 3)
          """)
    }
    let refresh = try store.refreshStyles()
    #expect(refresh.fromListeningTags == 1)
    #expect(try store.tracks()[0].style == "jazz")
  }

  @Test func theMigrationUpgradesACatalogMadeBeforeIt() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.sqlite").path
    // A catalog as the previous release left it: every migration up to the vector scan index.
    do {
      let queue = try DatabaseQueue(path: path)
      try CatalogSchema.migrator.migrate(queue, upTo: "addTrackVectorScanIndex")
      try queue.write { db in
        var t = CatalogTrack(
          title: "Old", path: "/o.wav", sourceKey: "/o.wav", style: "rock",
          features: styledFeatures(tempo: 100, lufs: -12, centroid: 2000, mfcc: 4, onsets: 3))
        try insertOlderRow(t, into: db)
        let columns = try db.columns(in: "track").map(\.name)
        #expect(!columns.contains("inferredStyle"))
      }
    }
    // Read-only opening does not migrate, and still lists and filters.
    let readOnly = try CatalogStore(path: path, access: .readOnly)
    var listed: [TrackListing] = []
    try readOnly.listTracks { listed.append($0) }
    #expect(listed.map(\.style) == ["rock"])
    #expect(try readOnly.facets().values.first?.style == "rock")
    // Opening for writing adds the columns and keeps the row.
    let store = try CatalogStore(path: path)
    let columns = try store.databaseWriter.read { db in try db.columns(in: "track").map(\.name) }
    #expect(columns.contains("inferredStyle") && columns.contains("styleConfidence"))
    let old = try store.tracks()[0]
    #expect(old.title == "Old" && old.style == "rock" && old.inferredStyle == nil)
    // Inference needs two styles with three tagged tracks each: two more rock tracks and three jazz.
    for (i, style) in ["rock", "rock", "jazz", "jazz", "jazz"].enumerated() {
      let jazz = style == "jazz"
      try store.save(
        CatalogTrack(
          title: "\(style) \(i)", path: "/\(i).wav", sourceKey: "/\(i).wav", style: style,
          features: styledFeatures(
            tempo: (jazz ? 60 : 100) + Double(i), lufs: jazz ? -24 : -12,
            centroid: jazz ? 900 : 2000, mfcc: jazz ? -10 : 4, onsets: jazz ? 1 : 3)))
    }
    try store.save(
      CatalogTrack(
        title: "New", path: "/n.wav", sourceKey: "/n.wav",
        features: styledFeatures(tempo: 101, lufs: -12, centroid: 2100, mfcc: 4, onsets: 3)))
    #expect(try store.refreshStyles().inferred == 1)
    #expect(try store.track(sourceKey: "/n.wav")?.inferredStyle == "rock")
  }
}

import Analysis
import Foundation
import Testing

@testable import Catalog

@Suite struct SpotifyImportTests {
  @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
  func importsTheBillboardTable() throws {
    let store = try CatalogStore.inMemory()
    let report = try SpotifyImport.importTable(atPath: SharedData.billboardSpotify, into: store)
    // 716 data rows (SOURCE.md), all well-formed.
    #expect(report.imported == 716)
    #expect(report.malformed.isEmpty)
    #expect(try store.count() == 716)
    let rose = try #require(
      try store.tracks().first { $0.title == "The Rose" && $0.artist == "Bette Midler" })
    // CSV row: energy 0.228, key 0, loudness -9.667, mode 1, valence 0.184, tempo 133.574, 221373 ms.
    #expect(abs(rose.valence - (2 * 0.184 - 1)) < 1e-9)
    #expect(rose.tempoBPM == 133.574)
    #expect(rose.key?.shortName == "C")
    #expect(rose.loudnessLUFS == -9.667)
    #expect(abs(rose.durationSeconds - 221.373) < 1e-9)
    #expect(rose.features.summary["energy"] == 0.228)
    #expect(rose.source == .csv)
    // Brightness and timbre cannot come from a Spotify table: marked unknown, not guessed.
    #expect(rose.knownGroups & Int(FeatureGroup.timbre.bit) == 0)
    #expect(rose.knownGroups & Int(FeatureGroup.brightness.bit) == 0)
    #expect(report.ignoredColumns.contains("dtw_timbre"))
  }

  @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
  func reimportingReplacesInsteadOfDuplicating() throws {
    let store = try CatalogStore.inMemory()
    _ = try SpotifyImport.importTable(atPath: SharedData.billboardSpotify, into: store)
    _ = try SpotifyImport.importTable(atPath: SharedData.billboardSpotify, into: store)
    #expect(try store.count() == 716)
  }

  @Test func malformedRowsAreReportedByLineAndSkipped() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("t.csv").path
    let csv = """
      Name,Artist,Valence,Energy,Tempo,Key,Mode,Genre,popularity
      "Song, with comma",A,0.5,0.6,120,9,0,rock,10
      Broken,B,high,0.6,120,9,0,rock,1
      "Multi
      line",C,0.2,0.3,90,2,1,folk,3
      Short,D,0.5
      Over,E,1.5,0.5,100,0,1,pop,2
      Fine,F,0.9,0.9,128,-1,1,edm,4

      """
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    let store = try CatalogStore.inMemory()
    let report = try SpotifyImport.importTable(atPath: path, into: store)
    #expect(report.imported == 3)
    #expect(report.malformed.map(\.line) == [3, 6, 7])
    #expect(report.malformed[0].reason.contains("valence"))
    #expect(report.ignoredColumns == ["popularity"])
    let tracks = try store.tracks()
    let first = try #require(tracks.first { $0.title == "Song, with comma" })
    #expect(first.key?.shortName == "Am")
    #expect(first.style == "rock")
    #expect(tracks.contains { $0.title == "Multi\nline" })
    // Key -1 means unknown in Spotify's schema.
    #expect(try #require(tracks.first { $0.title == "Fine" }).key == nil)
  }

  @Test func aTableWithoutMoodColumnsIsRefused() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("t.csv").path
    try "title,artist\nA,B\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: CatalogError.self) {
      try SpotifyImport.importTable(atPath: path, into: try CatalogStore.inMemory())
    }
  }

  @Test func arousalRisesWithEnergyTempoAndLoudness() {
    let calm = SpotifyImport.arousal(energy: 0.1, tempo: 70, loudness: -20)
    let wild = SpotifyImport.arousal(energy: 0.9, tempo: 170, loudness: -5)
    #expect(calm < -0.5)
    #expect(wild > 0.7)
    #expect(SpotifyImport.arousal(energy: 1, tempo: nil, loudness: nil) == 1)
  }
}

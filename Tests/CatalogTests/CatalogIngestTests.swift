import Analysis
import Foundation
import GRDB
import Testing

@testable import Catalog

@Suite struct CatalogIngestTests {
  static let clip = SharedData.root.appendingPathComponent(
    "audio_tempo_key_fixtures/mirdata/tests/resources/mir_datasets/cuidado/C_1.0/audio/cuidado_FallaCancion.flac"
  ).path

  let analyse: CatalogIngest.Analyse = { path, kind in
    let analyzer = Analyzer()
    return AnalysedFile(
      features: kind == .midi
        ? try analyzer.analyzeMIDI(path: path).features
        : try analyzer.analyzeAudio(path: path).features)
  }

  @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
  func rowsFromAnOlderAnalysisAreReanalysedOnAdd() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("clip.flac").path
    try FileManager.default.copyItem(atPath: Self.clip, toPath: file)
    let store = try CatalogStore.inMemory()
    #expect(try CatalogIngest.add(paths: [folder.path], to: store, analyse: analyse).added == 1)
    #expect(try CatalogIngest.add(paths: [folder.path], to: store, analyse: analyse).unchanged == 1)
    try store.databaseWriter.write { try $0.execute(sql: "UPDATE track SET featureVersion = 0") }
    #expect(try store.tracks().first?.isStale == true)
    let again = try CatalogIngest.add(paths: [folder.path], to: store, analyse: analyse)
    #expect(again.updated == 1)
    #expect(try store.tracks().first?.isStale == false)
    #expect(try store.count() == 1)
  }

  @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
  func aChangedFileIsAnalysedAgainAndAMissingPathIsAnError() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("clip.flac").path
    try FileManager.default.copyItem(atPath: Self.clip, toPath: file)
    let store = try CatalogStore.inMemory()
    _ = try CatalogIngest.add(paths: [file], to: store, analyse: analyse)
    let before = try #require(try store.tracks().first)
    // Same size, different bytes: the size+mtime check alone would miss a same-second rewrite; the hash does not.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    bytes[bytes.count - 1] ^= 0xFF
    try bytes.write(to: URL(fileURLWithPath: file))
    let report = try CatalogIngest.add(paths: [file], to: store, analyse: analyse)
    #expect(report.updated + report.failed.count == 1)
    // Flipping the last byte may or may not leave a decodable FLAC; either way it is never "unchanged".
    #expect(report.unchanged == 0)
    if report.updated == 1 { #expect(try store.tracks().first?.contentHash != before.contentHash) }
    #expect(throws: CatalogError.missingInput(folder.appendingPathComponent("nope").path)) {
      try CatalogIngest.add(
        paths: [folder.appendingPathComponent("nope").path], to: store, analyse: analyse)
    }
  }
}

import Analysis
import Foundation
import Testing

@testable import Catalog

@Suite struct DefaultCatalogTests {
  @Test func everyDefaultFolderNamesItsPackageAndLicence() {
    #expect(DefaultCatalog.sources.count >= 4)
    for source in DefaultCatalog.sources {
      #expect(!source.licence.isEmpty)
      #expect(source.copyrightFile == "/usr/share/doc/\(source.package)/copyright")
    }
    let wesnoth = DefaultCatalog.source(
      ofPath: "/usr/share/games/wesnoth/1.16/data/core/music/knolls.ogg")
    #expect(wesnoth?.package == "wesnoth-1.16-music")
    #expect(DefaultCatalog.source(ofPath: "/home/me/music/song.ogg") == nil)
    // A folder name that merely starts like a default folder is not part of it.
    #expect(DefaultCatalog.source(ofPath: "/usr/share/games/asc/music2/x.ogg") == nil)
  }

  @Test func theListingShowsTheLicenceOfDefaultMusicOnly() throws {
    let store = try CatalogStore.inMemory()
    let ogg = "/usr/share/games/singularity/music/Nebula.ogg"
    try store.save(
      CatalogTrack(title: "Nebula", path: ogg, sourceKey: ogg, features: sampleFeatures()))
    try store.save(
      CatalogTrack(
        title: "Mine", path: "/m/mine.wav", sourceKey: "/m/mine.wav", features: sampleFeatures()))
    var rows: [TrackListing] = []
    try store.listTracks { rows.append($0) }
    #expect(rows.first { $0.title == "Nebula" }?.licence == "CC-BY-SA-3.0")
    #expect(
      rows.first { $0.title == "Nebula" }?.copyrightFile
        == "/usr/share/doc/singularity-music/copyright")
    #expect(rows.first { $0.title == "Mine" }?.licence == nil)
  }

  @Test func featuresStoredBeforeLocalDescriptorsStillDecode() throws {
    var json =
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(sampleFeatures()))
      as! [String: Any]
    json.removeValue(forKey: "local")
    let decoded = try JSONDecoder().decode(
      Features.self, from: JSONSerialization.data(withJSONObject: json))
    #expect(decoded.local == nil)
    #expect(decoded.tempoBPM == 100)
  }
}

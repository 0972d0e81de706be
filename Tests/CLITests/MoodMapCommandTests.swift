import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `catalog map` and `references --plot`: one dot per track, the draft and references named.
struct MoodMapCommandTests {
  static func catalog() throws -> (folder: URL, catalog: String) {
    let folder = try CLI.temporaryFolder()
    try """
    title,valence,energy,tempo,key,mode,genre
    Rain,0.2,0.3,76,9,0,ambient
    Sun,0.9,0.9,128,0,1,pop
    Fog,0.3,0.2,70,4,0,
    Riot,0.2,0.95,170,2,0,punk
    """.write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let catalog = folder.appendingPathComponent("c.sqlite").path
    #expect(
      try CLI.run(["catalog", "import", "t.csv", "--catalog", catalog], in: folder).status == 0)
    return (folder, catalog)
  }

  static func series(in path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let document = try XMLDocument(data: Data(text.utf8), options: [])
    return try document.nodes(forXPath: "//*[@class='point']").compactMap {
      // Scanned: corelibs' attribute(forName:) finds nothing inside SVG's default namespace.
      ($0 as? XMLElement)?.attributes?.first { $0.name == "data-series" }?.stringValue
    }
  }

  @Test func theMapHasADotPerTrackColouredByStyle() throws {
    let (folder, catalog) = try Self.catalog()
    defer { try? FileManager.default.removeItem(at: folder) }
    let map = folder.appendingPathComponent("moods.svg").path
    let result = try CLI.run(["catalog", "map", "--catalog", catalog, "--out", map])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("wrote \(map): 4 tracks"))
    #expect(try Self.series(in: map).sorted() == ["ambient", "no style", "pop", "punk"])
  }

  @Test func referencesPlotMarksTheDraftAndItsReferences() throws {
    let (folder, catalog) = try Self.catalog()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sketch = folder.appendingPathComponent("s").path
    #expect(
      try CLI.run([
        "sketch", "sad slow rain", "--out", sketch, "--no-render", "--no-references", "--seed", "3",
      ]).status == 0)
    let plot = folder.appendingPathComponent("refs.svg").path
    let result = try CLI.run([
      "references", sketch, "--catalog", catalog, "--k", "2", "--plot", plot, "--json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(json?["plot"] as? String == plot)
    let series = try Self.series(in: plot)
    #expect(series.filter { $0 == "references" }.count == 2)
    #expect(series.last == "draft")
    #expect(series.count == 4 + 2 + 1)
  }

  @Test func anEmptyCatalogIsSaidAndNothingIsWritten() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, catalog) = try Self.catalog()
    for id in 1...4 {
      #expect(try CLI.run(["catalog", "remove", "\(id)", "--catalog", catalog]).status == 0)
    }
    let map = folder.appendingPathComponent("m.svg").path
    let result = try CLI.run(["catalog", "map", "--catalog", catalog, "--out", map])
    #expect(result.status != 0)
    #expect(result.stderr.hasPrefix("moodsketch: "), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: map))
  }
}

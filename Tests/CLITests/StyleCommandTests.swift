import Foundation
import Testing

/// Inferred styles as a user meets them: `catalog import` and `list`, `references --style`.
@Suite struct StyleCommandTests {
  static let examples = InstallTests.root.appendingPathComponent("Examples")

  /// A table of quiet acoustic "folk" rows and loud danceable "Deep House" rows, plus untagged rows of each.
  func importClusteredTable(into catalog: String, folder: URL) throws -> CLIResult {
    var lines = ["title,artist,valence,energy,tempo,danceability,acousticness,genre"]
    for i in 0..<6 {
      lines.append("Quiet \(i),Fiddler,0.3,0.1\(i),72,0.2,0.9\(i),Folk")
      lines.append("Loud \(i),DJ,0.7,0.9\(i),126,0.9,0.0\(i),Deep House")
    }
    lines.append("Nameless Quiet,Someone,0.3,0.12,73,0.21,0.93,")
    lines.append("Nameless Loud,Someone,0.7,0.93,125,0.88,0.02,")
    lines.append("Nameless Loud Two,Someone,0.72,0.91,127,0.9,0.01,")
    let table = folder.appendingPathComponent("table.csv").path
    try lines.joined(separator: "\n").write(toFile: table, atomically: true, encoding: .utf8)
    return try CLI.run(["catalog", "import", table, "--catalog", catalog])
  }

  @Test func listShowsInferredStylesWithTheirConfidence() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let imported = try importClusteredTable(into: catalog, folder: folder)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("styles: 12 known, 3 inferred from them"))
    let listed = try CLI.run(["catalog", "list", "--catalog", catalog])
    let quiet = try #require(
      listed.stdout.split(separator: "\n").first { $0.contains("Nameless Quiet") })
    #expect(quiet.contains("[folk (inferred, "), "\(quiet)")
    #expect(listed.stdout.contains("DJ – Loud 0  [house]"))
    let json = try CLI.run(["catalog", "list", "--catalog", catalog, "--json"])
    let doc = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let tracks = try #require(doc["tracks"] as? [[String: Any]])
    let loud = try #require(tracks.first { $0["title"] as? String == "Nameless Loud" })
    #expect(loud["style"] as? String == "house")
    #expect(loud["styleInferred"] as? Bool == true)
    let confidence = try #require(loud["styleConfidence"] as? Double)
    #expect(confidence > 0.5 && confidence <= 1)
    let known = try #require(tracks.first { $0["title"] as? String == "Loud 0" })
    #expect(known["styleInferred"] as? Bool == false && known["styleConfidence"] == nil)
  }

  @Test func referencesStyleFilterFindsInferredStylesAndSaysSo() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let catalog = folder.appendingPathComponent("c.sqlite").path
    _ = try importClusteredTable(into: catalog, folder: folder)
    let draft = Self.examples.appendingPathComponent("lofi-drive/sketch.mid").path
    let found = try CLI.run([
      "references", draft, "--catalog", catalog, "--style", "house", "--k", "10", "--json",
    ])
    #expect(found.status == 0, "\(found.stderr)")
    let doc = try #require(
      JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])
    let refs = try #require(doc["references"] as? [[String: Any]])
    // The 6 tagged house rows and the 2 inferred ones; no folk.
    #expect(refs.count == 8)
    #expect(refs.allSatisfy { $0["style"] as? String == "house" })
    #expect(refs.filter { $0["styleInferred"] as? Bool == true }.count == 2)
    // Style is a term of the distance, reported with the others: 0 for a known match.
    for r in refs {
      let style = try #require((r["contributions"] as? [String: Double])?["style"])
      if r["styleInferred"] as? Bool == false {
        #expect(style == 0)
      } else {
        #expect(style > 0 && style < 0.5)
      }
    }
    let text = try CLI.run([
      "references", draft, "--catalog", catalog, "--style", "House", "--k", "10",
    ])
    #expect(text.stdout.contains("[house (inferred, "))
    #expect(
      text.stdout.contains(
        "styles marked inferred were guessed from the catalog's tagged tracks (2 of 8 shown)"))
    // Spelled as users type it, the filter still matches ("deep house" is the style house).
    let deep = try CLI.run([
      "references", draft, "--catalog", catalog, "--style", "deep house", "--json",
    ])
    #expect(
      (try JSONSerialization.jsonObject(with: Data(deep.stdout.utf8)) as? [String: Any])?[
        "references"
      ].map { ($0 as? [Any])?.count } == 8)
  }

  @Test func aCatalogOfOneUntaggedTrackListsWithoutAStyle() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let table = folder.appendingPathComponent("one.csv").path
    try "title,valence,energy\nAlone,0.5,0.5\n".write(
      toFile: table, atomically: true, encoding: .utf8)
    let imported = try CLI.run(["catalog", "import", table, "--catalog", catalog])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("styles: 0 known, 1 without (no tagged track to infer from)"))
    let listed = try CLI.run(["catalog", "list", "--catalog", catalog])
    #expect(listed.status == 0)
    #expect(listed.stdout.contains("Alone") && !listed.stdout.contains("inferred"))
  }
}

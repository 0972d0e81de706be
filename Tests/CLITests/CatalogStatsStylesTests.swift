import Foundation
import Testing

/// `catalog stats` says how many tracks know their style, how many were inferred, and how well
/// inference recovers the known ones on this very catalog.
@Suite struct CatalogStatsStylesTests {
  @Test func statsReportStylesAndInferenceCheckedOnTheCatalog() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Four fast loud rock rows, four slow soft jazz rows, one untagged row near the rock ones.
    var csv = "title,artist,valence,energy,tempo,genre\n"
    for i in 0..<4 { csv += "Rock \(i),A,0.6,0.\(85 + i),\(140 + 3 * i),Rock\n" }
    for i in 0..<4 { csv += "Jazz \(i),B,0.4,0.\(20 + i),\(80 + 3 * i),Jazz\n" }
    csv += "Loud,C,0.6,0.9,142,\n"
    try csv.write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let catalog = folder.appendingPathComponent("c.sqlite").path
    let imported = try CLI.run(["catalog", "import", "t.csv", "--catalog", catalog], in: folder)
    #expect(imported.status == 0, "\(imported.stderr)")

    let stats = try CLI.run(["catalog", "stats", "--catalog", catalog])
    #expect(stats.status == 0, "\(stats.stderr)")
    #expect(
      stats.stdout.contains("styles    8 known (jazz 4, rock 4), 1 inferred (rock 1), 0 without"),
      "\(stats.stdout)")
    #expect(
      stats.stdout.contains(
        "inference 100 % of 8 known tracks inferred right when hidden; always jazz would be 50 %"),
      "\(stats.stdout)")

    let json = try CLI.run(["catalog", "stats", "--catalog", catalog, "--json"])
    let doc = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let styles = try #require(doc["styles"] as? [String: Any])
    #expect((styles["known"] as? [String: Int]) == ["rock": 4, "jazz": 4])
    let inference = try #require(styles["inference"] as? [String: Any])
    #expect(
      inference["accuracy"] as? Double == 1 && inference["majorityBaseline"] as? Double == 0.5)
  }

  /// One style, or none: nothing can be inferred, and stats say only what is known.
  @Test func oneStyleGivesNoInferenceLine() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = "title,artist,valence,energy,tempo,genre\nA,X,0.5,0.5,100,Rock\nB,Y,0.4,0.4,90,\n"
    try csv.write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let catalog = folder.appendingPathComponent("c.sqlite").path
    #expect(
      try CLI.run(["catalog", "import", "t.csv", "--catalog", catalog], in: folder).status == 0)
    let stats = try CLI.run(["catalog", "stats", "--catalog", catalog])
    #expect(
      stats.stdout.contains("styles    1 known (rock 1), 0 inferred, 1 without"), "\(stats.stdout)")
    #expect(!stats.stdout.contains("inference"), "\(stats.stdout)")
  }
}

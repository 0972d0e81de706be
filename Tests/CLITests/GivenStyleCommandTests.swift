import Foundation
import Testing

/// `catalog add FOLDER --style NAME`: the user names the style of a folder whose files carry no genre
/// tag (most rips and bounces); tagged files keep their own, and a later `--style` replaces it.
@Suite struct GivenStyleCommandTests {
  func styles(_ catalog: String) throws -> [String: String?] {
    let listed = try CLI.run(["catalog", "list", "--catalog", catalog, "--json"])
    let doc = try #require(
      JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
    let tracks = try #require(doc["tracks"] as? [[String: Any]])
    return Dictionary(
      uniqueKeysWithValues: tracks.map {
        (
          ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } ?? "",
          $0["style"] as? String
        )
      })
  }

  @Test func aGivenStyleFillsUntaggedFilesAndAGenreTagWins() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let music = folder.appendingPathComponent("music")
    try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
    try StyleTagCommandTests.taggedWAV(
      [("IGNR", Array("Jazz".utf8))], hz: 220, to: music.appendingPathComponent("tagged.wav"))
    try StyleTagCommandTests.taggedWAV(
      [("ICMT", Array("bounced at home".utf8))], hz: 330,
      to: music.appendingPathComponent("comment.wav"))
    try TinyFiles.wav(
      TinyFiles.sine(seconds: 3, hz: 440), to: music.appendingPathComponent("bare.wav"))
    let catalog = folder.appendingPathComponent("c.sqlite").path

    let first = try CLI.run(
      ["catalog", "add", "music", "--style", "Rock", "--catalog", catalog], in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stdout.contains("style rock: 2 tracks whose tags name no genre"), "\(first.stdout)")
    #expect(
      try styles(catalog) == ["tagged.wav": "jazz", "comment.wav": "rock", "bare.wav": "rock"])

    // The files are unchanged (not analysed again), and still restyled; the JSON says what was given.
    let again = try CLI.run(
      ["catalog", "add", "music", "--style", "ambient", "--json", "--catalog", catalog], in: folder)
    #expect(again.status == 0, "\(again.stderr)")
    let report = try #require(
      JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
    #expect(report["unchanged"] as? Int == 3)
    let given = try #require(report["givenStyle"] as? [String: Any])
    #expect(given["style"] as? String == "ambient" && given["tracks"] as? Int == 2)
    if SchemaValidator.available {
      try SchemaValidator.expectValid(again.stdout, schema: "catalog-add.schema.json")
    }
    #expect(
      try styles(catalog) == [
        "tagged.wav": "jazz", "comment.wav": "ambient", "bare.wav": "ambient",
      ])

    // `catalog list --style` shows one style, known or inferred, named as a genre would be.
    let ambient = try CLI.run(["catalog", "list", "--style", "Ambient", "--catalog", catalog])
    #expect(ambient.status == 0, "\(ambient.stderr)")
    #expect(
      ambient.stdout.contains("comment.wav") || ambient.stdout.contains("bare"), "\(ambient.stdout)"
    )
    #expect(ambient.stdout.split(separator: "\n").count == 3, "\(ambient.stdout)")  // header + 2
    let polka = try CLI.run(["catalog", "list", "--style", "polka", "--catalog", catalog])
    #expect(polka.stdout.contains("no track of style polka"), "\(polka.stdout)")
    let refused = try CLI.run(["catalog", "list", "--style", "(RX)", "--catalog", catalog])
    #expect(refused.status == 64 && refused.stderr.contains("--style '(RX)' names no style"))
    // `references --style` with a style no track has names the styles the catalog does have.
    let noPolka = try CLI.run(
      ["references", "music/bare.wav", "--style", "Polka", "--catalog", catalog], in: folder)
    #expect(noPolka.status == 0, "\(noPolka.stderr)")
    #expect(
      noPolka.stdout.contains(
        "none of the 3 tracks has the style polka (tagged or inferred); its styles: ambient 2, jazz 1."
      ), "\(noPolka.stdout)")

    // Without --style nothing changes.
    #expect(try CLI.run(["catalog", "add", "music", "--catalog", catalog], in: folder).status == 0)
    #expect(try styles(catalog)["bare.wav"] == "ambient")
  }

  @Test func aStyleThatNamesNoGenreIsRefusedBeforeAnythingIsWritten() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try TinyFiles.wav(TinyFiles.sine(seconds: 3), to: folder.appendingPathComponent("a.wav"))
    let catalog = folder.appendingPathComponent("c.sqlite").path
    for bad in ["(RX)", "%%%%", String(repeating: "x", count: 80)] {
      let result = try CLI.run(
        ["catalog", "add", "a.wav", "--style", bad, "--catalog", catalog], in: folder)
      #expect(result.status == 64, "\(bad)")
      #expect(result.stderr.contains("--style '\(bad)' names no style"), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: catalog))
  }
}

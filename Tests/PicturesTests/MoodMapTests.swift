import Foundation
import Pictures
import Testing

/// The mood map: catalog tracks coloured by their commonest styles, the draft and its references named.
@Suite struct MoodMapTests {
  static func entry(_ style: String?, _ v: Double = 0, _ a: Double = 0) -> MoodMap.Entry {
    MoodMap.Entry(label: "t", valence: v, arousal: a, style: style)
  }

  @Test func theCommonestFourStylesGetTheirOwnColourTheRestShareOne() throws {
    let styles = [
      "pop", "pop", "pop", "rock", "rock", "jazz", "jazz", "folk", "metal", "trap", nil,
    ]
    let map = MoodMap(title: "m", catalog: styles.map { Self.entry($0) })
    let reader = try SVGReader(map.svg().text)
    let series = try reader.elements("//*[@class='point']").compactMap {
      SVGReader.attribute($0, "data-series")
    }
    #expect(series.count == styles.count)
    // Drawn commonest first; folk, metal and trap (one each, after the named four) share a colour.
    #expect(Array(series.prefix(3)) == ["pop", "pop", "pop"])
    #expect(series.filter { $0 == "other styles" }.count == 2)
    #expect(series.filter { $0 == "no style" }.count == 1)
    #expect(Set(series) == ["pop", "rock", "jazz", "folk", "other styles", "no style"])
    // Tracks without a style are grey, not a colour a style could be mistaken for.
    let fills = try reader.elements("//*[@class='point']").map {
      (SVGReader.attribute($0, "data-series"), SVGReader.attribute($0, "fill"))
    }
    #expect(fills.filter { $0.0 == "no style" }.allSatisfy { $0.1 == Palette.unknown })
    #expect(fills.filter { $0.0 != "no style" }.allSatisfy { $0.1 != Palette.unknown })
  }

  @Test func theDraftAndItsReferencesAreNamedOnTop() throws {
    let map = MoodMap(
      title: "drive among 3 tracks",
      catalog: [Self.entry("lofi", -0.2, -0.3), Self.entry("pop", 0.8, 0.7), Self.entry(nil)],
      draft: MoodMap.Entry(label: "drive", valence: 0.14, arousal: -0.26),
      references: [MoodMap.Entry(label: "Rain & Fog", valence: -0.2, arousal: -0.3)])
    let reader = try SVGReader(map.svg().text)
    let points = try reader.elements("//*[@class='point']")
    #expect(points.count == 5)
    #expect(points.last.flatMap { SVGReader.attribute($0, "data-series") } == "draft")
    #expect(points.last.flatMap { SVGReader.attribute($0, "data-x") } == "0.14")
    let texts = try reader.elements("//*[local-name()='text']").map(\.stringValue)
    #expect(texts.contains("drive") && texts.contains("Rain & Fog"))
    // Catalog tracks are not named: a map of hundreds of titles is unreadable.
    #expect(!texts.contains("t"))
  }

  @Test func anEmptyMapIsRefused() {
    #expect(throws: PicturesError.self) { try MoodMap(title: "m", catalog: []).svg() }
  }
}

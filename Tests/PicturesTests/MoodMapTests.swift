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

  /// References that sit close together keep readable names: no two labels' boxes overlap (estimated
  /// as the placement does, 0.55 em a character), where all of them used to start at the same offset.
  @Test func labelsOfNearbyReferencesDoNotOverlap() throws {
    let names = ["Revelation", "Legends of the North", "Elvish theme", "Battle Music", "Victory"]
    let map = MoodMap(
      title: "m", catalog: [Self.entry("pop", 0.5, 0.5)],
      draft: MoodMap.Entry(label: "drive", valence: -0.7, arousal: -0.69),
      references: names.enumerated().map {
        MoodMap.Entry(label: $1, valence: -0.72 + 0.01 * Double($0), arousal: -0.7)
      })
    let reader = try SVGReader(map.svg().text)
    let boxes = try reader.elements("//*[local-name()='text']").compactMap {
      element -> (String, ClosedRange<Double>, ClosedRange<Double>)? in
      let text = element.stringValue ?? ""
      guard names.contains(text) || text == "drive",
        let x = SVGReader.attribute(element, "x").flatMap(Double.init),
        let y = SVGReader.attribute(element, "y").flatMap(Double.init)
      else { return nil }
      let width = Double(text.count) * 10 * 0.55
      let left = SVGReader.attribute(element, "text-anchor") == "end" ? x - width : x
      return (text, left...(left + width), (y - 10)...(y + 2))
    }
    #expect(boxes.count == names.count + 1)
    for i in boxes.indices {
      for j in boxes.indices where j > i {
        let (a, b) = (boxes[i], boxes[j])
        // Boxes may touch, not overlap.
        func cross(_ p: ClosedRange<Double>, _ q: ClosedRange<Double>) -> Bool {
          p.lowerBound < q.upperBound && q.lowerBound < p.upperBound
        }
        #expect(!(cross(a.1, b.1) && cross(a.2, b.2)), "\(a.0) covers \(b.0)")
      }
    }
  }

  @Test func anEmptyMapIsRefused() {
    #expect(throws: PicturesError.self) { try MoodMap(title: "m", catalog: []).svg() }
  }
}

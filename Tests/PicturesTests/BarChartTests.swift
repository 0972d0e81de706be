import Foundation
import Pictures
import Testing

@Suite struct BarChartTests {
  @Test func oneBarPerGroupAndSeriesWithItsValue() throws {
    let chart = BarChart(
      title: "Models at k = 10", groups: ["pop", "als", "hybrid"], series: ["NDCG", "recall"],
      values: [[0.0962, 0.0701], [0.2352, 0.1797], [0.2678, 0.1968]])
    let reader = try SVGReader(chart.svg().text)
    let bars = try reader.elements("//*[@class='bar']")
    #expect(bars.count == 6)
    let keyed = Dictionary(
      uniqueKeysWithValues: bars.map {
        ("\(SVGReader.attribute($0, "data-group")!)/\(SVGReader.attribute($0, "data-series")!)", $0)
      })
    #expect(SVGReader.attribute(keyed["hybrid/NDCG"]!, "data-value") == "0.2678")
    // Taller bars for larger values, all standing on the same baseline.
    func height(_ key: String) -> Double { Double(SVGReader.attribute(keyed[key]!, "height")!)! }
    func bottom(_ key: String) -> Double {
      Double(SVGReader.attribute(keyed[key]!, "y")!)! + height(key)
    }
    #expect(height("hybrid/NDCG") > height("als/NDCG"))
    #expect(height("als/NDCG") > height("pop/NDCG"))
    #expect(abs(bottom("pop/recall") - bottom("hybrid/NDCG")) < 0.02)
    // The legend names each series once.
    #expect(
      try reader.elements("//*[@class='legend']/*[local-name()='text']").map(\.stringValue) == [
        "NDCG", "recall",
      ])
  }

  @Test func emptyChartIsRefused() {
    #expect(throws: PicturesError.self) {
      try BarChart(title: "x", groups: [], series: ["a"], values: []).svg()
    }
  }
}

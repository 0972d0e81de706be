import Foundation
import Pictures
import Testing

/// The scatter plot the mood map builds on: each point where its values say, coloured by series.
@Suite struct ScatterChartTests {
  @Test func pointsSitAtTheirValuesWithQuadrantLines() throws {
    let chart = ScatterChart(
      title: "Mood map", xTitle: "valence", yTitle: "arousal",
      points: [
        .init(x: -1, y: -1, label: "sad", series: "catalog"),
        .init(x: 1, y: 1, label: "euphoric", series: "catalog"),
        .init(x: 0.14, y: -0.26, label: "drive & co", series: "sketch"),
      ], xDomain: -1...1, yDomain: -1...1, zeroLines: true)
    let reader = try SVGReader(chart.svg().text)
    let points = try reader.elements("//*[@class='point']")
    #expect(points.count == 3)
    func position(_ index: Int) -> (Double, Double) {
      (
        Double(SVGReader.attribute(points[index], "cx")!)!,
        Double(SVGReader.attribute(points[index], "cy")!)!
      )
    }
    let (sadX, sadY) = position(0)
    let (upX, upY) = position(1)
    let (driveX, driveY) = position(2)
    // Right is more positive, up is more aroused; the sketch sits just right of and below the centre.
    #expect(sadX < driveX && driveX < upX)
    #expect(upY < driveY && driveY < sadY)
    #expect(abs(driveX - (sadX + (upX - sadX) * 0.57)) < 0.02)
    #expect(try reader.elements("//*[@class='zero-lines']/*").count == 2)
    #expect(
      try reader.elements("//*[@class='legend']/*[local-name()='text']").map(\.stringValue) == [
        "catalog", "sketch",
      ])
    #expect(
      try reader.elements("//*[local-name()='text']").contains { $0.stringValue == "drive & co" })
  }

  @Test func emptyScatterIsRefused() {
    #expect(throws: PicturesError.self) {
      try ScatterChart(title: "x", xTitle: "a", yTitle: "b", points: []).svg()
    }
  }
}

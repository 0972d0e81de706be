import Foundation
import Pictures
import Testing
import Theory

@Suite struct SVGWriterTests {
  @Test func numbersHaveAtMostTwoDecimalsAndNoNegativeZero() {
    #expect(SVG.number(12) == "12")
    #expect(SVG.number(12.5) == "12.5")
    #expect(SVG.number(1.0 / 3) == "0.33")
    #expect(SVG.number(-4.004) == "-4")
    #expect(SVG.number(-0.001) == "0")
    #expect(SVG.number(0.05) == "0.05")
    #expect(SVG.number(2.675, decimals: 4) == "2.675")
    #expect(SVG.number(.nan) == "0")
  }

  @Test func textAndAttributesAreEscapedAndTheFileParses() throws {
    var svg = SVGDocument(width: 100, height: 50, title: "Tom & Jerry <live>")
    svg.add(SVG.text("a \"quoted\" <b> & c\u{1}", x: 1, y: 2, data: [("name", "x\"y&z")]))
    let text = svg.text
    #expect(text.contains("Tom &amp; Jerry &lt;live&gt;"))
    #expect(text.contains("data-name=\"x&quot;y&amp;z\""))
    let reader = try SVGReader(text)
    #expect(
      try reader.elements("//*[local-name()='text']").first?.stringValue == "a \"quoted\" <b> & c")
  }

  @Test func samePictureGivesSameBytes() throws {
    func draw() -> String {
      var svg = SVGDocument(width: 10, height: 10)
      svg.add(SVG.rect(x: 1.234, y: 2, width: 3, height: 4, fill: "#000", opacity: 0.5))
      svg.add(SVG.circle(cx: 1, cy: 1, r: 0.5, fill: "#fff"))
      return svg.text
    }
    #expect(draw() == draw())
    #expect(
      draw().contains(
        "<rect x=\"1.23\" y=\"2\" width=\"3\" height=\"4\" fill=\"#000\" fill-opacity=\"0.5\"/>"))
  }

  @Test func niceScalesUseRoundTicks() {
    let scale = LinearScale(domain: LinearScale.niceDomain([0.03, 0.27]), range: 0...100)
    #expect(scale.domain == 0...0.3)
    #expect(scale.ticks().map { SVG.number($0) } == ["0", "0.1", "0.2", "0.3"])
    let flipped = LinearScale(domain: 0...1, range: 10...110, flipped: true)
    #expect(flipped(0) == 110)
    #expect(flipped(1) == 10)
  }
}

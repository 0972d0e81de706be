import Testing
import Theory

@Suite struct MarkupTests {
  @Test func printsAttributesInOrderAndEscapes() {
    let element = Markup(
      "part", [("id", "P1"), ("name", "Tom & \"Jerry\"")],
      children: [Markup("step", text: "C<"), Markup("chord")])
    #expect(
      element.rendered()
        == "<part id=\"P1\" name=\"Tom &amp; &quot;Jerry&quot;\">\n  <step>C&lt;</step>\n  <chord/>\n</part>\n"
    )
  }

  @Test func dropsControlCharactersXMLForbids() {
    #expect(Markup.escaped("a\u{0}b\u{1F}c\td", quotes: false) == "abc\td")
  }
}

@Suite struct ScoreMarkerTests {
  @Test func chordMarkersBecomeSpansAndOthersSections() {
    let markers = [
      ScoreMarker(tick: 1920, text: "G7"), ScoreMarker(tick: 0, text: "C"),
      ScoreMarker(tick: 0, text: "Verse"), ScoreMarker(tick: 3840, text: "Am/E"),
    ]
    let spans = ScoreMarker.chordSpans(from: markers, in: Key(NoteClass(.C)), endTick: 5760)
    #expect(spans.map(\.chord.symbol) == ["C", "G7", "Am/E"])
    #expect(spans.map(\.start) == [0, 1920, 3840])
    #expect(spans.map(\.duration) == [1920, 1920, 1920])
    #expect(spans.map(\.roman.degree) == [1, 5, 6])
    #expect(ScoreMarker.sections(from: markers).map(\.text) == ["Verse"])
  }
}

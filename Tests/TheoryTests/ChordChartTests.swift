import Testing

@testable import Theory

@Suite struct ChordChartTests {
  @Test func symbolsGapsAndBarLines() throws {
    let chart = try ChordChart(parsing: "Am F ? G | C ? ? E7")
    #expect(chart.slots.map(\.text) == ["Am", "F", "?", "G", "C", "?", "?", "E7"])
    #expect(chart.bars == [[0, 1, 2, 3], [4, 5, 6, 7]])
    #expect(chart.slots[7].entry == .chord(Chord(NoteClass(.E), .dominant7)))
    #expect(chart.slots[2].entry == .gap)
    #expect(chart.slots[5].bar == 1)
  }

  @Test func numeralsBecomeChordsInTheKey() throws {
    let chart = try ChordChart(parsing: "vi IV ? V")
    #expect(chart.bars == nil)
    #expect(chart.hasNumerals && !chart.hasSymbols)
    let chords = chart.chords(in: Key(NoteClass(.D)))
    #expect(chords.map { $0?.symbol } == ["Bm", "G", nil, "A"])
  }

  @Test func mixedSymbolsAndNumerals() throws {
    let chart = try ChordChart(parsing: "| C V7/V | G7 bVII |")
    #expect(chart.bars?.count == 2)
    #expect(chart.chords(in: Key(NoteClass(.C))).map { $0?.symbol } == ["C", "D7", "G7", "Bb"])
  }

  @Test func leadSheetAliases() throws {
    let chart = try ChordChart(parsing: "Cmaj7 Amin A-7 CM7 Bø7 Bdim F#m7b5 Gsus Eb/G")
    #expect(
      chart.givenSymbols.map(\.symbol)
        == ["Cmaj7", "Am", "Am7", "Cmaj7", "Bm7b5", "Bdim", "F#m7b5", "Gsus4", "Eb/G"])
  }

  @Test func unknownChordNamesTokenAndPosition() {
    #expect(throws: ChordChartError.unknownChord("Xq", position: 3)) {
      try ChordChart(parsing: "Am F Xq")
    }
    // Bar lines are not counted as positions.
    #expect(throws: ChordChartError.unknownChord("H7", position: 4)) {
      try ChordChart(parsing: "C G | Am H7")
    }
    let message = ChordChartError.unknownChord("Xq", position: 3).description
    #expect(message.hasPrefix("unknown chord 'Xq' at position 3"))
  }

  @Test func emptyChartsAndBars() {
    #expect(throws: ChordChartError.empty) { try ChordChart(parsing: " | ") }
    #expect(throws: ChordChartError.emptyBar(afterPosition: 2)) {
      try ChordChart(parsing: "C G | | Am")
    }
  }

  @Test func completeChordsRefusesGaps() throws {
    let chart = try ChordChart(parsing: "C ? G")
    #expect(throws: ChordChartError.gapNotAllowed(position: 2)) {
      try chart.completeChords(in: Key(NoteClass(.C)))
    }
  }
}

import Theory

/// A compact piano roll for a terminal, drawn with Unicode block characters: a column per eighth note
/// (a quarter when the sketch is long), bar lines, the section and chord names above, two rows per
/// pitched track whose block height follows the highest sounding note, one row for drums.
///
/// ```
///         │1       │2       │
/// section │A       │        │
/// chords  │Abmaj7  │Fm7     │
/// Melody  │   ▂▄▆█▆│▄▂      │
///         │▆██████ │██▆▄▂▁  │
/// Drums   │█▄▄▄█▄▄▄│█▄▄▄█▄▄▄│
/// ```
public enum TerminalRoll {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// - Parameters:
  ///   - width: the terminal's width in characters; the roll uses fewer columns per bar to fit.
  public static func text(for score: Score, sections: [ScoreMarker] = [], width: Int = 100)
    -> String
  {
    let tpq = max(1, score.ticksPerQuarter)
    let meter = score.initialMeter
    let bar = max(1, meter.ticksPerBar(ticksPerQuarter: tpq))
    let chordEnd = score.chords.map { $0.start + $0.duration }.max() ?? 0
    let bars = max(1, (max(score.endTick, chordEnd) + bar - 1) / bar)
    // Eighth-note columns, or quarter-note columns when that is too wide for the terminal.
    var step = tpq / 2
    if bars * (bar / max(1, step) + 1) + 9 > width { step = tpq }
    let columnsPerBar = max(1, bar / max(1, step))
    let labelWidth = 8

    func label(_ text: String) -> String {
      let cut = String(text.prefix(labelWidth - 1))
      return cut + String(repeating: " ", count: labelWidth - cut.count) + "│"
    }
    /// A row of `bars` bars, each cell filled by `cell(bar, column)`.
    func row(_ name: String, _ cell: (Int) -> Character) -> String {
      var line = label(name)
      for b in 0..<bars {
        for c in 0..<columnsPerBar { line.append(cell(b * columnsPerBar + c)) }
        line += "│"
      }
      return line
    }
    /// Text placed at tick positions, each cut where the next one starts (the full chord chart is
    /// printed elsewhere; this row shows where the changes fall).
    func annotated(_ name: String, _ items: [(tick: Int, text: String)]) -> String {
      var cells = [Character](repeating: " ", count: bars * columnsPerBar)
      let sorted = items.sorted { $0.tick < $1.tick }
      for (index, item) in sorted.enumerated() {
        let start = item.tick / step
        let next = index + 1 < sorted.count ? sorted[index + 1].tick / step : cells.count
        for (offset, character) in item.text.prefix(max(1, next - start)).enumerated()
        where start + offset < cells.count {
          cells[start + offset] = character
        }
      }
      return row(name) { cells[$0] }
    }

    var lines: [String] = []
    var header = String(repeating: " ", count: labelWidth) + "│"
    for b in 0..<bars {
      let number = String(b + 1)
      header +=
        number.prefix(columnsPerBar)
        + String(repeating: " ", count: max(0, columnsPerBar - number.count)) + "│"
    }
    lines.append(header)
    if !sections.isEmpty { lines.append(annotated("section", sections.map { ($0.tick, $0.text) })) }
    if !score.chords.isEmpty {
      lines.append(annotated("chords", score.chords.map { ($0.start, $0.chord.symbol) }))
    }

    let columns = bars * columnsPerBar
    for track in score.tracks where !track.notes.isEmpty {
      if track.isDrums {
        var hits = [Character](repeating: " ", count: columns)
        for note in track.notes {
          let column = note.start / step
          guard column < columns else { continue }
          let strong = [35, 36, 38, 40].contains(note.pitch.midi)
          if strong { hits[column] = "█" } else if hits[column] == " " { hits[column] = "▄" }
        }
        lines.append(row(track.name) { hits[$0] })
        continue
      }
      // The highest note sounding in each column, as a level 0–15 within the track's range.
      let low = track.notes.map(\.pitch.midi).min()!
      let high = track.notes.map(\.pitch.midi).max()!
      var level = [Int?](repeating: nil, count: columns)
      for note in track.notes {
        let first = note.start / step
        let last = max(first, (note.start + max(1, note.duration) - 1) / step)
        let value = high == low ? 8 : (note.pitch.midi - low) * 15 / (high - low)
        for column in first...last where column < columns {
          level[column] = max(level[column] ?? 0, value)
        }
      }
      lines.append(row(track.name) { level[$0].map { $0 >= 8 ? blocks[$0 - 8] : " " } ?? " " })
      lines.append(row("") { level[$0].map { $0 >= 8 ? "█" : blocks[$0] } ?? " " })
    }
    return lines.joined(separator: "\n")
  }
}

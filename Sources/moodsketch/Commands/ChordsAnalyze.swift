import ArgumentParser
import Compose
import Foundation
import Theory

/// `moodsketch chords analyze CHORDS`: key, numerals, functions and cadences.
struct ChordsAnalyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract:
      "Read a progression: its key (and why), numerals, functions, borrowed and applied chords, cadences."
  )

  @OptionGroup var chart: ChordChartOptions

  @OptionGroup var output: OutputOptions

  func run() throws {
    try reportingErrors {
      let model = try CompositionModel.bundled()
      let (parsed, chartKey, chords) = try chart.read(model: model)
      // With bar lines, the last chord of every second bar ends a phrase (where a half cadence sits).
      var ends: Set<Int> = []
      if let bars = parsed.bars {
        for (b, slots) in bars.enumerated() where b % 2 == 1 {
          if let l = slots.last { ends.insert(l) }
        }
      }
      var analysis = ProgressionAnalyzer(model: model).analyze(
        chords, key: chartKey.key, phraseEnds: ends)
      analysis.keyReason = chartKey.reason
      if output.json { return try JSONOutput.print(analysis) }
      print("key: \(analysis.key)")
      print("  · \(analysis.keyReason)")
      print("")
      print("  #  chord    numeral  function")
      for (i, c) in analysis.chords.enumerated() {
        var notes: [String] = []
        if c.borrowed {
          notes.append(
            "borrowed from the parallel \(analysis.key.mode.hasMinorThird ? "major" : "minor")")
        }
        if let target = c.secondaryOf { notes.append("applied dominant of \(target)") }
        print(
          String(format: "%3d  ", i + 1)
            + c.symbol.padding(toLength: 8, withPad: " ", startingAt: 0)
            + " " + c.roman.padding(toLength: 8, withPad: " ", startingAt: 0) + " "
            + c.function.rawValue
            + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"))
      }
      print("")
      if analysis.cadences.isEmpty {
        print("cadences: none")
      } else {
        print("cadences:")
        for c in analysis.cadences {
          print("  \(c.kind.rawValue) at chords \(c.from)–\(c.to): \(c.chords)")
        }
      }
    }
  }
}

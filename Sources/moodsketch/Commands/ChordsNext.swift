import Affect
import ArgumentParser
import Compose
import Foundation
import Theory

/// `moodsketch chords next CHORDS`: the likeliest next chords.
struct ChordsNext: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "next",
    abstract: "Rank the next chord by the chord model's probability and the mood's fit.",
    discussion: """
      Probability = the trained 4-gram's P(chord | last three chords), times exp(0.8 × valence × b),
      b = +1 for a major triad, −1 minor, −1.5 diminished, renormalised; without --mood the model's
      own probability. The list leaves out a repeat of the last chord and the parallel tonic, so it
      sums to at most 1.
      """)

  @OptionGroup var chart: ChordChartOptions

  @Option(
    help: ArgumentHelp("A mood prompt that colours the ranking, e.g. \"sad\".", valueName: "prompt")
  )
  var mood: String?

  @Option(help: ArgumentHelp("How many chords to list, 1–50; default: 8.", valueName: "n"))
  var k = 8

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if !(1...50).contains(k) { throw ValidationError("--k \(k) is out of range; use 1–50") }
  }

  func run() throws {
    try reportingErrors {
      let model = try CompositionModel.bundled()
      let (_, chartKey, chords) = try chart.read(model: model)
      let moodValue = try mood.map { try MoodParser().parse($0) }
      let ranked = NextChordRanker(model: model).rank(
        after: chords, in: chartKey.key, mood: moodValue, k: k)
      let report = NextChordReport(
        chords: chords.map(\.symbol), key: chartKey.key.description, keyReason: chartKey.reason,
        mood: mood, next: ranked)
      if output.json { return try JSONOutput.print(report) }
      print("after \(report.chords.joined(separator: " ")) in \(chartKey.key)")
      print("  · \(chartKey.reason)")
      if let moodValue {
        print(
          "  · mood '\(mood ?? "")': valence \(AffectFormat.signed(moodValue.valence)) weighs minor against major chords"
        )
      }
      print("")
      print("  chord    numeral  function             probability  model")
      for s in ranked {
        print(
          "  " + s.symbol.padding(toLength: 8, withPad: " ", startingAt: 0) + " "
            + s.roman.padding(toLength: 8, withPad: " ", startingAt: 0) + " "
            + s.function.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0) + " "
            + String(format: "%10.1f %%", s.probability * 100)
            + String(format: "  %5.1f %%", s.modelProbability * 100))
      }
      let shown = ranked.reduce(0) { $0 + $1.probability }
      print(
        String(format: "\n  these %d hold %.1f %% of the probability", ranked.count, shown * 100))
    }
  }
}

private struct NextChordReport: Encodable {
  var chords: [String]
  var key: String
  var keyReason: String
  var mood: String?
  var next: [NextChordSuggestion]
}

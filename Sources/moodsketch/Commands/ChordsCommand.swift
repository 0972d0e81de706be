import ArgumentParser
import Compose
import Theory

/// `moodsketch chords …`: ask the chord model about a progression.
struct ChordsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chords",
    abstract:
      "Ask the chord model: what comes next after a progression, and how it reads in its key.",
    discussion: """
      Chords are symbols (Am7, F/A, Bb) or Roman numerals (vi, bVII, V7/V); numerals need --key
      unless the chart also has symbols to infer it from.
        moodsketch chords next "C G Am"
        moodsketch chords next "vi IV I" --key D --mood "sad rainy night" --k 5
        moodsketch chords analyze "C G Am F"
      """,
    subcommands: [ChordsNext.self, ChordsAnalyze.self])
}

/// The chart and key options both `chords` subcommands take.
struct ChordChartOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The progression, e.g. \"C G Am\" or \"vi IV I\"; | bar lines allowed.", valueName: "chords"))
  var chords: String

  @Option(
    help: ArgumentHelp(
      "Key such as \"C\", \"A minor\"; default: inferred from the chord symbols (C for numerals only).",
      valueName: "key"))
  var key: String?

  func validate() throws {
    if let key, Key(parsing: key) == nil {
      throw ValidationError("--key \"\(key)\" is not a key; use e.g. \"A minor\", \"Eb\", \"C\"")
    }
  }

  /// The chart, its key (a warning line on stderr when the chords leave a given key) and its chords.
  func read(model: CompositionModel) throws -> (ChordChart, ChartKey, [Chord]) {
    let parsed = try ChordChart(parsing: chords)
    let chartKey = ChartKey.resolve(
      parsed, given: key.flatMap(Key.init(parsing:)), defaultTonic: NoteClass(.C),
      tonicSource: "the default C (pass --key to choose)", model: model)
    if let warning = chartKey.warning { printError(warning) }
    return (parsed, chartKey, try parsed.completeChords(in: chartKey.key))
  }
}

import ArgumentParser
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
}

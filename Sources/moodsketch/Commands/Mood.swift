import Affect
import ArgumentParser
import Foundation
import Theory

/// `moodsketch mood PROMPT [--json]`: shows how a prompt is understood.
struct MoodCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mood",
    abstract:
      "Show how a prompt is understood: valence, arousal, quadrant, styles and the words behind them.",
    discussion: """
      Valence runs from unpleasant (−1) to pleasant (+1), arousal from calm (−1) to energetic (+1);
      the quadrant is Russell's: Q1 +V+A, Q2 −V+A, Q3 −V−A, Q4 +V−A.
        moodsketch mood "not too sad, late-night lo-fi"
        moodsketch mood "boss fight" --plan --seed 3
      With PROMPT "-", reads one prompt per line from standard input; with --json each line gives one
      compact JSON object, a bad line gives {"line": N, "prompt": …, "error": …} and the exit code is
      non-zero at the end while the other lines are still answered.
      A prompt that describes a change shows the journey too, one mood per stage:
        moodsketch mood "sad verse, hopeful chorus"
        moodsketch mood "from lonely to triumphant"
        moodsketch mood "calm -> intense"
      """)

  @Argument(
    help: ArgumentHelp(
      "The mood in words, or - to read one prompt per line from standard input.",
      valueName: "prompt"))
  var prompt: String

  @Flag(help: "Also show the plan the mood leads to (key, tempo, instruments and why).")
  var plan = false

  @Option(
    help: ArgumentHelp("Seed for the plan's key choice (with --plan); default: 1.", valueName: "n"))
  var seed: UInt64 = 1

  @OptionGroup var output: OutputOptions

  func run() throws {
    if prompt == "-" {
      try runLines()
      return
    }
    try reportingErrors {
      let mood = try MoodParser().parse(prompt)
      let journey = try JourneyParser().parse(prompt)
      try show(MoodReport(prompt: prompt, mood: mood), mood: mood, journey: journey, pretty: true)
    }
  }

  private func show(_ report: MoodReport, mood: Mood, journey: MoodJourney?, pretty: Bool) throws {
    let planned = plan ? Planner().plan(for: mood, seed: seed) : nil
    if output.json {
      if let journey {
        try JSONOutput.print(
          MoodWithJourney(mood: report, journey: journey, plan: planned), pretty: pretty)
      } else if let planned {
        try JSONOutput.print(MoodWithPlan(mood: report, plan: planned), pretty: pretty)
      } else {
        try JSONOutput.print(report, pretty: pretty)
      }
    } else {
      print(report.text)
      if let journey { print(journey.text) }
      if let planned { print("plan\n" + planned.reasons.map { "  " + $0 }.joined(separator: "\n")) }
    }
  }

  /// One prompt per line; every line is answered, and the exit code reports the first failure.
  private func runLines() throws {
    var lines: [String] = []
    while let line = readLine(strippingNewline: true) { lines.append(line) }
    var failure: ErrorCategory?
    let parser = MoodParser()
    for (index, line) in lines.enumerated() {
      do {
        let mood = try parser.parse(line)
        let journey = try JourneyParser(parser: parser).parse(line)
        try show(
          MoodReport(prompt: line, mood: mood), mood: mood, journey: journey, pretty: false)
      } catch let error as AffectError {
        failure = failure ?? error.category
        if output.json {
          try JSONOutput.print(
            LineError(line: index + 1, prompt: line, error: error.description), pretty: false)
        } else {
          printError("line \(index + 1): \(error.description)")
        }
      }
      if !output.json, index < lines.count - 1 { print("") }
    }
    if let failure { throw ExitCode(failure.rawValue) }
  }
}

private struct MoodWithPlan: Encodable {
  var mood: MoodReport
  var plan: Plan
}

/// The report of a journey prompt: the whole prompt's mood fields as for any prompt, plus `journey`
/// (and `plan` with --plan), so scripts reading plain prompts read these the same way.
private struct MoodWithJourney: Encodable {
  var mood: MoodReport
  var journey: MoodJourney
  var plan: Plan?

  enum Keys: String, CodingKey { case journey, plan }

  func encode(to encoder: Encoder) throws {
    try mood.encode(to: encoder)
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(journey, forKey: .journey)
    try container.encodeIfPresent(plan, forKey: .plan)
  }
}

private struct LineError: Encodable {
  var line: Int
  var prompt: String
  var error: String
}

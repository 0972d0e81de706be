import ArgumentParser
import Foundation
import Theory

@main
struct MoodSketch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "moodsketch",
    abstract:
      "Turn a mood into a chord progression, a melody, a MIDI file and a WAV — and find music that feels the same.",
    discussion: """
      Describe a mood in words and moodsketch writes a sketch that carries it:
        moodsketch sketch "bittersweet late-night drive, lo-fi" --out drive
      Every choice is explained; --seed makes a sketch reproducible; --json gives the same facts to scripts.
      """,
    version: VersionText.number,
    subcommands: [
      MoodCommand.self, ChordsCommand.self,
      Sketch.self, Harmonize.self, Continue.self, Vary.self, Train.self,
      RenderCommand.self, ExportCommand.self, RollCommand.self,
      Analyze.self,
      CatalogCommand.self, References.self,
      RecommendCommand.self, EvaluateCommand.self, ListenCommand.self,
    ]
  )

  /// Parses and runs like ArgumentParser's own `main`, but prints usage errors as one line
  /// (see ``UsageLine``) and removes our temporary files when interrupted.
  /// `--version` alone also names the model and lexicon in use (ArgumentParser's version is a fixed string).
  static func main() {
    if CommandLine.arguments.dropFirst() == ["--version"] {
      print(VersionText.text)
      return
    }
    Terminal.keepStandardError()
    TemporaryFiles.removeOnInterrupt()
    let arguments = UsageLine.joiningNegativeValues(Array(CommandLine.arguments.dropFirst()))
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      // Our own errors have printed their line already and come here as a bare ExitCode.
      let code = exitCode(for: error)
      guard code == .validationFailure, !(error is ExitCode), !message(for: error).isEmpty else {
        exit(withError: error)
      }
      printError(
        UsageLine.line(
          message: message(for: error),
          commandPath: UsageLine.commandPath(arguments, root: MoodSketch.self)))
      Foundation.exit(code.rawValue)
    }
  }
}

import ArgumentParser
import Foundation

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
      MoodCommand.self,
      Sketch.self, Train.self,
      RenderCommand.self,
      Analyze.self,
      CatalogCommand.self, References.self,
      RecommendCommand.self, EvaluateCommand.self, ListenCommand.self,
    ]
  )

  /// `--version` alone also names the model and lexicon in use (ArgumentParser's version is a fixed string).
  static func main() {
    if CommandLine.arguments.dropFirst() == ["--version"] {
      print(VersionText.text)
      return
    }
    main(nil)
  }
}

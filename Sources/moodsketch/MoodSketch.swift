import ArgumentParser

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
    version: "0.1.0",
    subcommands: [
      MoodCommand.self, ChordsCommand.self,
      Sketch.self, Train.self,
      RenderCommand.self,
      Analyze.self,
      CatalogCommand.self, References.self,
      RecommendCommand.self, EvaluateCommand.self, ListenCommand.self,
    ]
  )
}

import Affect
import Analysis
import ArgumentParser
import Compose
import Foundation
import Notation
import SMF
import Sound
import Theory

/// `moodsketch harmonize TUNE.mid [PROMPT]`: chords, bass and drums around a melody you bring.
struct Harmonize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write chords, bass and drums around your melody (a MIDI file); the melody is kept note for note.",
    discussion: """
      The key comes from the file's key signature, else from the notes; the metre and tempo map from the \
      file. The melody is the track --track names (a name or a 1-based number), else a track named \
      Melody, Lead, Vocal…, else the highest single-note line. The chords are the chord model's most \
      likely sequence under the tune (an HMM decoded with Viterbi); PROMPT sets the style and mood of \
      the band. Writes a sketch folder like `sketch`.

        moodsketch harmonize tune.mid "warm folk" --out tune-band
        moodsketch harmonize song.mid --track Vocal --no-render
      """)

  @Argument(help: ArgumentHelp("The MIDI file with the melody.", valueName: "tune.mid"))
  var tune: String

  @Argument(
    help: ArgumentHelp(
      "Style and mood for the band, e.g. \"gentle lo-fi\"; default: from the tune's mode.",
      valueName: "prompt"))
  var prompt: String?

  @Option(
    help: ArgumentHelp(
      "The melody track: its name or 1-based number; default: found as described above.",
      valueName: "name|n"))
  var track: String?

  @OptionGroup var band: BandOptions

  func run() throws {
    try reportingErrors {
      let result = try HarmonizedTune.make(
        tune: tune, prompt: prompt, track: track, style: band.style, seed: band.seed ?? 1)
      try band.write(result, defaultFolder: Self.defaultFolder(for: tune))
    }
  }

  static func defaultFolder(for tune: String) -> String {
    ((tune as NSString).deletingPathExtension) + "-harmonized"
  }
}

import ArgumentParser
import Notation

/// What goes into a sketch folder, shared by every command that writes one (`sketch`, `harmonize`,
/// `continue`, `vary`): the SoundFont for the WAV, the lead sheet's layout, and whether to render.
struct SketchFileOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "SoundFont for the WAV; default: $MOODSKETCH_SOUNDFONT, the project's SoundFonts/, then /usr/share/sounds/sf2.",
      valueName: "path"))
  var soundfont: String?

  @Option(
    help: ArgumentHelp(
      "What sketch.musicxml holds: lead (melody and chord symbols) or full (every part); default: lead.",
      valueName: "lead|full"))
  var score: ScoreLayout = .lead

  @Flag(help: "Write only the MIDI, MusicXML, SVG and JSON files, no WAV.")
  var noRender = false
}

import ArgumentParser
import Foundation
import Notation
import SMF
import Theory

/// `moodsketch export FILE.mid --to musicxml`: a lead sheet or full score of any MIDI file.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a MIDI file as MusicXML for MuseScore, Sibelius, Dorico or music21.",
    discussion: """
      A lead sheet holds the melody (the track named Melody, Lead, Vocal… else the highest single-note \
      line) with chord symbols from the file's chord markers; --score full gives every track its own part, \
      drums as percussion. Notes are quantised to sixteenths, or to eighth-note triplets where the playing \
      sits on them.

        moodsketch export drive/sketch.mid --to musicxml
        moodsketch export song.mid --to musicxml --score full --out song-score.musicxml
      """)

  @Argument(help: ArgumentHelp("The Standard MIDI File to export.", valueName: "file.mid"))
  var file: String

  @Option(
    help: ArgumentHelp("The format to write; the one supported is musicxml.", valueName: "format"))
  var to: String

  @Option(
    help: ArgumentHelp(
      "Where to write; default: the MIDI file's path with .musicxml.", valueName: "path"))
  var out: String?

  @Option(
    help: ArgumentHelp(
      "lead (melody and chord symbols) or full (every part); default: lead.", valueName: "lead|full"
    ))
  var score: ScoreLayout = .lead

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard to.lowercased() == "musicxml" else {
      throw ValidationError("--to \(to) is not a format export writes; use --to musicxml")
    }
  }

  func run() throws {
    try reportingErrors {
      let marked = try MIDIFile.readMarked(path: file)
      let music = marked.scoreWithMarkedChords
      let path = out ?? ((file as NSString).deletingPathExtension + ".musicxml")
      let title =
        music.title ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
      try MusicXML.write(
        music, options: NotationOptions(layout: score, sections: marked.sections, title: title),
        to: path, source: file)
      let melody = MelodyPicker.melodyTrack(in: music).map { music.tracks[$0].name }
      let parts = score == .lead ? 1 : music.tracks.filter { !$0.notes.isEmpty }.count
      if output.json {
        try JSONOutput.print(
          ExportResult(
            input: file, path: path, format: "musicxml", layout: score.rawValue,
            melodyTrack: melody, parts: parts, chordSymbols: music.chords.count,
            sections: marked.sections.count))
        return
      }
      let what =
        score == .lead ? "lead sheet of \(melody ?? "the melody")" : "score of \(parts) parts"
      print("wrote \(path): \(what), \(music.chords.count) chord symbols")
    }
  }
}

/// What `export --json` prints: the file written and what went into it.
struct ExportResult: Encodable {
  var input: String
  var path: String
  var format: String
  var layout: String
  /// The track the lead sheet follows (nil when no track holds a single-note line).
  var melodyTrack: String?
  var parts: Int
  var chordSymbols: Int
  var sections: Int
}

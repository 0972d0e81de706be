import ArgumentParser
import Foundation
import Pictures
import SMF
import Theory

/// `moodsketch roll FILE.mid`: a piano roll of any MIDI file as SVG.
struct RollCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roll",
    abstract:
      "Draw a MIDI file as a piano roll (SVG): a lane per track, bars, chords and sections.",
    discussion: """
      Each note is a box shaded by its velocity; chord symbols and section names come from the file's \
      markers. Opens in any web browser or vector editor.

        moodsketch roll drive/sketch.mid --out drive-roll.svg
      """)

  @Argument(help: ArgumentHelp("The Standard MIDI File to draw.", valueName: "file.mid"))
  var file: String

  @Option(
    help: ArgumentHelp(
      "Where to write; default: the MIDI file's path with .svg.", valueName: "path"))
  var out: String?

  @OptionGroup var output: OutputOptions

  func run() throws {
    try reportingErrors {
      let marked = try MIDIFile.readMarked(path: file)
      let music = marked.scoreWithMarkedChords
      let path = out ?? ((file as NSString).deletingPathExtension + ".svg")
      let title = music.title ?? (file as NSString).lastPathComponent
      try PianoRoll.svg(for: music, sections: marked.sections, title: title, source: file)
        .write(to: path)
      let notes = music.tracks.reduce(0) { $0 + $1.notes.count }
      let lanes = music.tracks.filter { !$0.notes.isEmpty }.map(\.name)
      if output.json {
        try JSONOutput.print(
          RollResult(
            input: file, path: path, notes: notes, lanes: lanes, chordSymbols: music.chords.count,
            sections: marked.sections.count))
        return
      }
      print("wrote \(path): \(notes) notes in \(lanes.count) lanes")
    }
  }
}

/// What `roll --json` prints: the picture written and what it shows.
struct RollResult: Encodable {
  var input: String
  var path: String
  var notes: Int
  /// Track names, one lane each, top to bottom.
  var lanes: [String]
  var chordSymbols: Int
  var sections: Int
}

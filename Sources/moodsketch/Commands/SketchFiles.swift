import Compose
import Foundation
import Notation
import Pictures
import SMF
import Sound
import Theory

/// The files of one sketch folder (`sketch`, `vary`): MIDI, MusicXML, piano roll, WAV when a
/// renderer is given, and the JSON report last, all through one ``SketchFolder`` commit.
enum SketchFiles {
  /// The paths the folder will hold, by kind ("midi", "json", "musicxml", "svg", "wav").
  static func paths(in folder: SketchFolder, rendering: Bool) -> [String: String] {
    var files = [
      "midi": folder.finalPath("sketch.mid"), "json": folder.finalPath("sketch.json"),
      "musicxml": folder.finalPath("sketch.musicxml"), "svg": folder.finalPath("sketch.svg"),
    ]
    if rendering { files["wav"] = folder.finalPath("sketch.wav") }
    return files
  }

  /// Writes every file of the sketch into `folder` as one unit; returns the render's report.
  static func write(
    _ score: Score, report: SketchReport, sections: [ScoreMarker], layout: ScoreLayout,
    title: String, renderer: Renderer?, into folder: SketchFolder
  ) throws -> RenderReport? {
    try write(
      score, report: report, to: folder,
      notation: NotationOptions(layout: layout, sections: sections, title: title),
      renderer: renderer, source: "the sketch")
  }

  /// The same for any report (`continue` saves its own), with the lead sheet's options given.
  static func write<Report: Encodable>(
    _ score: Score, report: Report, to folder: SketchFolder, notation: NotationOptions,
    renderer: Renderer?, source: String
  ) throws -> RenderReport? {
    var rendered: RenderReport?
    try folder.commit { staging in
      try MIDIFile.write(score, to: "\(staging)/sketch.mid")
      try MusicXML.write(
        score, options: notation, to: "\(staging)/sketch.musicxml", source: source)
      try PianoRoll.svg(
        for: score, sections: notation.sections, title: notation.title, source: source
      ).write(to: "\(staging)/sketch.svg")
      if let renderer {
        // Long sketches (many bars) show a bar on a terminal; the line is gone before the results.
        let progress = ProgressLine(label: "rendering")
        defer { progress.clear() }
        rendered = try renderer.render(
          score, to: "\(staging)/sketch.wav", loudness: .demo,
          progress: { progress.update(fraction: $0) })
      }
      try AtomicFile.write(try JSONDocument.data(report), to: "\(staging)/sketch.json")
    }
    return rendered
  }
}

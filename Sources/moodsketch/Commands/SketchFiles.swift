import Foundation
import Notation
import Pictures
import SMF
import Sound
import Theory

/// Writes a score's sketch files (sketch.mid, .musicxml, .svg, optionally .wav, and a JSON report)
/// into a ``SketchFolder`` as one unit, the way `sketch` does; used by the co-writing commands.
enum SketchFiles {
  /// The final paths by kind (midi, musicxml, svg, wav, json).
  static func paths(_ folder: SketchFolder, wav: Bool) -> [String: String] {
    var files = [
      "midi": folder.finalPath("sketch.mid"), "json": folder.finalPath("sketch.json"),
      "musicxml": folder.finalPath("sketch.musicxml"), "svg": folder.finalPath("sketch.svg"),
    ]
    if wav { files["wav"] = folder.finalPath("sketch.wav") }
    return files
  }

  /// Writes every file or none; returns the render report when a renderer was given.
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

import Affect
import Analysis
import ArgumentParser
import Compose
import Foundation
import Notation
import SMF
import Sound
import Theory

/// `moodsketch continue DRAFT.mid [PROMPT] --bars N`: the draft, unchanged, followed by N new bars.
struct Continue: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Continue a MIDI draft from any DAW by N bars in its key, metre, motifs and instruments.",
    discussion: """
      Reads the draft's key, metre, tempo, melody track and chords bar by bar, then writes the draft's \
      events unchanged followed by new bars: chords that continue the draft's, a melody developed from \
      one of its motifs, and every other track continued on its own instrument and channel.

        moodsketch continue draft.mid --bars 8 --out more
        moodsketch continue draft.mid "hopeful" --bars 16 --seed 3 --no-render
      """)

  @Argument(help: ArgumentHelp("The draft, a Standard MIDI File.", valueName: "draft.mid"))
  var draft: String

  @Argument(
    help: ArgumentHelp("Optional mood in words; it colours the chord choice.", valueName: "prompt"))
  var prompt: String?

  @Option(help: ArgumentHelp("New bars to add, 1–256; default: 8.", valueName: "n"))
  var bars: Int = 8

  @Option(
    help: ArgumentHelp(
      "The melody track, by name or 1-based number; default: found.", valueName: "name|n"))
  var track: String?

  @Option(help: ArgumentHelp("Seed for repeatable results; default: 1.", valueName: "n"))
  var seed: UInt64?

  @Option(
    help: ArgumentHelp(
      "Folder for the files, created if missing (its parent must exist).", valueName: "dir"))
  var out: String = "sketch"

  @OptionGroup var writing: SketchFileOptions

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if !(1...256).contains(bars) {
      throw ValidationError("--bars \(bars) is out of range; use 1–256")
    }
    if out.isEmpty { throw ValidationError("--out is empty; name a folder, e.g. --out more") }
  }

  func run() throws {
    try reportingErrors {
      let soundFontPath =
        writing.noRender ? nil : try SoundFontLocator.locate(explicit: writing.soundfont)
      let pendingRenderer = soundFontPath.map { PendingRenderer(soundFontPath: $0) }
      let name = (draft as NSString).lastPathComponent
      let score = try MIDIFile.read(path: draft)
      let choice: MelodyTrackChoice =
        track.map { Int($0).map { .number($0) } ?? .named($0) } ?? .automatic
      let reading = try DraftReader().read(score, name: name, melody: choice)
      let mood = try prompt.map { try MoodParser().parse($0) }
      let seed = self.seed ?? 1
      let facts = DraftFacts(
        key: reading.key, melodyTrack: reading.melodyTrack,
        chordsByBar: Dictionary(reading.chords.map { ($0.bar, $0.chord) }) { a, _ in a })
      let result = try DraftContinuer(model: try CompositionModel.bundled()).continueDraft(
        score, facts: facts, bars: bars, mood: mood, seed: seed)
      let draftChords = (0..<result.firstNewBar).map { facts.chordsByBar[$0]?.symbol ?? "-" }
      let renderer = try pendingRenderer?.renderer()
      let folder = try SketchFolder(path: out)
      let files = SketchFiles.paths(in: folder, rendering: renderer != nil)
      let report = ContinuationReport(
        draft: draft, seed: seed, key: reading.key, keySource: reading.keySource,
        melodyReason: reading.melodyReason, draftChords: draftChords, continuation: result,
        newBars: bars, files: files)
      _ = try SketchFiles.write(
        result.score, report: report, to: folder,
        notation: NotationOptions(
          layout: writing.score, title: "\(name), continued", melodyTrack: reading.melodyTrack),
        renderer: renderer, source: name)
      if output.json { return try JSONOutput.print(report) }
      print(
        "draft: \(name), \(report.draftBars) bars in \(report.key) (\(report.keySource)), \(report.meter), \(Int(report.tempoBPM.rounded())) BPM\(report.tempoChanges > 0 ? " (last of \(report.tempoChanges + 1) tempos)" : "")"
      )
      print("  · melody: \(reading.melodyReason)")
      print("  · draft chords: \(draftChords.joined(separator: " "))")
      for reason in report.reasons { print("  · \(reason)") }
      print(
        "new bars \(report.draftBars + 1)–\(report.draftBars + bars): "
          + report.chords.map { "\($0.symbol) (\($0.roman))" }.joined(separator: " | "))
      print("wrote:")
      for kind in ["midi", "musicxml", "svg", "wav", "json"] {
        if let path = files[kind] { print("  \(path)") }
      }
    }
  }
}

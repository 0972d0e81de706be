import Affect
import ArgumentParser
import Compose
import Foundation
import Notation
import Sound
import Theory

/// `moodsketch vary DIR --part P`: rewrite one part of a sketch, keep every other track note for note.
struct Vary: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Rewrite one part of a sketch (melody, chords, bass or drums); keep the others exactly.",
    discussion: """
      Reads DIR/sketch.mid and DIR/sketch.json (a folder written by moodsketch sketch) and writes a new \
      sketch folder where only --part is new: a melody over the kept chords, chords that fit the kept \
      melody, a bass line on the kept chords, or drums from the same style's grooves. Every other track \
      keeps its notes, program and channel. The same --seed gives a byte-identical MIDI file.

        moodsketch vary drive --part melody                # writes drive-melody-1/
        moodsketch vary drive --part chords --seed 7 --out drive-alt
        moodsketch vary drive --part drums --count 4       # drive-drums-1/var-1 … var-4

      With --count K the folder holds var-1 … var-K, K distinct parts to audition side by side \
      (var-1 is what --count 1 writes). Nothing is written unless every variation succeeds.
      """)

  @Argument(help: ArgumentHelp("A sketch folder written by moodsketch sketch.", valueName: "dir"))
  var folder: String

  @Option(
    help: ArgumentHelp("The part to rewrite: melody, chords, bass or drums.", valueName: "part"))
  var part: String

  @Option(help: ArgumentHelp("Seed of the variation; default: 1.", valueName: "n"))
  var seed: UInt64 = 1

  @Option(
    help: ArgumentHelp("How many distinct variations to write, 1–16; default: 1.", valueName: "k"))
  var count: Int = 1

  @Option(
    help: ArgumentHelp(
      "Folder for the result, created if missing (its parent must exist); default: DIR-PART-SEED.",
      valueName: "dir"))
  var out: String?

  @OptionGroup var writing: SketchFileOptions

  @OptionGroup var output: OutputOptions

  var sketchPart: SketchPart? { SketchPart(rawValue: part.lowercased()) }

  /// The folder written: --out, else the input's name with the part and seed (`drive-melody-1`).
  var outputFolder: String {
    if let out { return out }
    var base = folder
    while base.count > 1, base.hasSuffix("/") { base.removeLast() }
    return "\(base)-\(part.lowercased())-\(seed)"
  }

  func validate() throws {
    guard sketchPart != nil else {
      let names = SketchPart.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("--part \"\(part)\" is not a part of a sketch; use one of \(names)")
    }
    guard (1...16).contains(count) else {
      throw ValidationError("--count \(count) is out of range; use 1–16")
    }
    if out?.isEmpty == true {
      throw ValidationError("--out is empty; name a folder for the variation")
    }
    let varFolders =
      count == 1
      ? [] : (1...count).map { (outputFolder as NSString).appendingPathComponent("var-\($0)") }
    if ([outputFolder] + varFolders).contains(where: { Self.samePlace($0, folder) }) {
      throw ValidationError(
        "the output folder \(outputFolder) is the sketch being varied; pass another --out")
    }
  }

  /// Whether two paths name the same folder (one may not exist yet).
  static func samePlace(_ a: String, _ b: String) -> Bool {
    func resolved(_ path: String) -> String {
      let url = URL(fileURLWithPath: path).standardizedFileURL
      let parent = url.deletingLastPathComponent().resolvingSymlinksInPath()
      return parent.appendingPathComponent(url.lastPathComponent).resolvingSymlinksInPath().path
    }
    return resolved(a) == resolved(b)
  }

  func run() throws {
    try reportingErrors {
      guard let part = sketchPart else { return }
      let started = Date()
      let soundFontPath =
        writing.noRender ? nil : try SoundFontLocator.locate(explicit: writing.soundfont)
      let pendingRenderer = soundFontPath.map { PendingRenderer(soundFontPath: $0) }
      let input = try SketchInput(folder: folder)
      let plan = PartVariation.plan(for: input.report)
      let variations = try PartVariation(model: try CompositionModel.bundled()).variations(
        of: input.score, plan: plan, sketchSeed: input.report.seed, part: part, seed: seed,
        count: count)
      let composedMS = Date().timeIntervalSince(started) * 1000
      let renderer = try pendingRenderer?.renderer()
      // A song keeps its sections (MIDI markers and sketch.json entries); a sketch its phrase letters.
      let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: input.score.ticksPerQuarter)
      let songSections = (input.report.sections ?? []).map {
        ScoreMarker(tick: ($0.firstBar - 1) * barTicks, text: $0.label)
      }
      let sections =
        songSections.isEmpty
        ? Composer.form(for: plan, seed: input.report.seed).sectionMarkers(
          meter: plan.meter, ticksPerQuarter: input.score.ticksPerQuarter) : songSections
      let kept = input.score.tracks.map(\.name).filter { $0 != part.trackName }

      let root = outputFolder
      let targets =
        count == 1
        ? [root] : (1...count).map { (root as NSString).appendingPathComponent("var-\($0)") }
      var reports: [SketchReport] = []
      try OutputFolder.fill(root, createParents: false) {
        for (i, (composed, target)) in zip(variations, targets).enumerated() {
          var varied = composed
          varied.sections = songSections
          let sketchFolder = try SketchFolder(path: target)
          var report = SketchReport(
            prompt: input.report.prompt, seed: input.report.seed, mood: input.report.mood,
            plan: plan, score: varied,
            files: SketchFiles.paths(in: sketchFolder, rendering: renderer != nil))
          report.sections = input.report.sections
          report.variation = SketchReport.Variation(
            part: part.rawValue, seed: seed, index: i + 1, source: folder, kept: kept)
          _ = try SketchFiles.write(
            varied, report: report, sections: sections, layout: writing.score,
            title: "\(input.report.prompt) (\(part.rawValue) varied)", renderer: renderer,
            into: sketchFolder)
          reports.append(report)
        }
      }

      if output.json {
        try JSONOutput.print(JSONValue.object(["variations": try Self.tree(reports)]))
        return
      }
      print(
        "varied the \(part.rawValue) of \(folder) (seed \(seed)); kept \(kept.joined(separator: ", ")) note for note"
      )
      for (i, (report, target)) in zip(reports, targets).enumerated() {
        print("\n\(target):")
        switch part {
        case .melody: print(report.melodyLines)
        case .chords: print(report.chart)
        case .bass, .drums:
          if let track = variations[i].tracks.first(where: { $0.name == part.trackName }) {
            print(
              SketchReport.partLines(
                track, plan: plan, ticksPerQuarter: variations[i].ticksPerQuarter))
          }
        }
      }
      print(
        "\ncomposed in \(Int(composedMS)) ms, wrote \(count) sketch folder\(count == 1 ? "" : "s") under \(root)"
      )
    }
  }

  private static func tree(_ reports: [SketchReport]) throws -> JSONValue {
    .array(
      try reports.map {
        try JSONDecoder().decode(JSONValue.self, from: JSONDocument.data($0, pretty: false))
      })
  }
}

import Affect
import Analysis
import ArgumentParser
import Compose
import Foundation
import Notation
import SMF
import Sound
import Theory

/// A user's tune read, planned and arranged: what `harmonize` (and `sketch --melody`) write.
struct HarmonizedTune {
  var score: Score
  var report: SketchReport
  var plan: Plan
  var mood: Mood
  var melodyTrackName: String
  var melodyNotes: Int

  /// Reads `tune`, finds its key, metre, tempo and melody, and writes the band around the melody.
  static func make(tune: String, prompt: String?, track: String?, style: String?, seed: UInt64)
    throws -> HarmonizedTune
  {
    let name = (tune as NSString).lastPathComponent
    let draft = try MIDIFile.read(path: tune)
    let choice: MelodyTrackChoice =
      track.map { Int($0).map(MelodyTrackChoice.number) ?? .named($0) } ?? .automatic
    let reading = try DraftReader().read(draft, name: name, melody: choice)
    let barTicks = reading.meters.first.map {
      $0.meter.ticksPerBar(ticksPerQuarter: draft.ticksPerQuarter)
    }
    if let change = reading.meters.dropFirst().first(where: { $0.meter != reading.meters[0].meter }
    ),
      let barTicks
    {
      throw CowriteError.changingMetre(file: name, bar: change.tick / barTicks + 1)
    }
    let meter = reading.meters.first?.meter ?? .commonTime
    let quarterBPM = reading.tempos.first?.bpm ?? 120
    let felt = meter.isCompound ? quarterBPM / 1.5 : quarterBPM
    // Without a prompt the band follows the tune's own mode: a little bright in major, a little
    // dark in minor, at moderate energy.
    let mood =
      try prompt.map { try MoodParser().parse($0) }
      ?? Mood(valence: reading.key.mode.hasMinorThird ? -0.3 : 0.3, arousal: 0)
    var overrides = try PlanOverrides(
      parsingKey: nil, tempo: nil, meter: nil, bars: nil, style: style)
    overrides.key = reading.key
    overrides.meter = meter
    overrides.tempoBPM = min(
      PlanOverrides.tempoRange.upperBound, max(PlanOverrides.tempoRange.lowerBound, felt))
    var plan = Planner().plan(for: mood, overrides: overrides, seed: seed)
    let melody = draft.tracks[reading.melodyTrack]
    let arranged = MelodyArrangement(composer: Composer(model: try CompositionModel.bundled()))
      .arrange(melody: melody, tune: draft, plan: plan, seed: seed)
    plan.bars = arranged.bars
    plan.reasons.insert(
      contentsOf: [
        "melody: track '\(reading.melodyTrackName)' of \(name), \(melody.notes.count) notes kept as they are (\(reading.melodyReason))",
        "key \(reading.key): \(reading.keySource)",
        "meter \(meter) and tempo \(Int(quarterBPM.rounded())) BPM: from the file",
        "chords: the chord model's most likely sequence under the tune (HMM, Viterbi), \(arranged.chords.count) chords in \(arranged.bars) bars",
      ], at: 0)
    let report = SketchReport(
      prompt: prompt ?? "harmonize \(name)", seed: seed, mood: mood, plan: plan,
      score: arranged.score)
    return HarmonizedTune(
      score: arranged.score, report: report, plan: plan, mood: mood,
      melodyTrackName: reading.melodyTrackName, melodyNotes: melody.notes.count)
  }
}

/// The band and output options `harmonize` shares with the commands that write sketch folders.
struct BandOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Style such as pop, folk, jazz, lofi; default: from the prompt.", valueName: "name"))
  var style: String?

  @Option(help: ArgumentHelp("Seed for repeatable output; default: 1.", valueName: "n"))
  var seed: UInt64?

  @Option(help: ArgumentHelp("Folder for the files; default: TUNE-harmonized.", valueName: "dir"))
  var out: String?

  @OptionGroup var writing: SketchFileOptions

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let style, Style(name: style) == nil {
      let names = Style.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("--style \"\(style)\" is not a known style; use one of \(names)")
    }
    if out?.isEmpty == true { throw ValidationError("--out is empty; name a folder") }
  }

  /// Writes the sketch folder and prints what was made.
  func write(_ tune: HarmonizedTune, defaultFolder: String) throws {
    try tune.write(
      to: out ?? defaultFolder, soundfont: writing.soundfont, render: !writing.noRender,
      layout: writing.score,
      json: output.json)
  }
}

extension HarmonizedTune {
  /// Writes the sketch folder (as one unit) and prints what was made, for people or as JSON.
  func write(to path: String, soundfont: String?, render: Bool, layout: ScoreLayout, json: Bool)
    throws
  {
    let soundFontPath = render ? try SoundFontLocator.locate(explicit: soundfont) : nil
    let renderer = try soundFontPath.map { try Renderer(soundFontPath: $0) }
    let folder = try SketchFolder(path: path)
    var report = self.report
    report.files = SketchFiles.paths(in: folder, rendering: renderer != nil)
    _ = try SketchFiles.write(
      score, report: report, sections: [], layout: layout, title: report.prompt,
      renderer: renderer, into: folder)
    if json {
      try JSONOutput.print(report)
      return
    }
    print(
      "plan: \(plan.key), \(Int(plan.tempoBPM.rounded())) BPM, \(plan.meter), \(plan.bars) bars, \(plan.style.rawValue)"
        + " — chords \(GeneralMIDI.programName(plan.instruments.chords)), bass \(GeneralMIDI.programName(plan.instruments.bass))\(plan.instruments.drums ? ", drums" : "")"
    )
    for reason in plan.reasons.prefix(4) { print("  · \(reason)") }
    print("\nprogression:\n\(report.chart)\n")
    print("wrote:")
    for kind in ["midi", "musicxml", "svg", "wav", "json"] {
      if let file = report.files[kind] { print("  \(file)") }
    }
  }
}

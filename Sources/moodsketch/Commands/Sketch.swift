import Affect
import ArgumentParser
import Catalog
import Compose
import Foundation
import Notation
import Pictures
import SMF
import Sound
import Theory

/// `moodsketch sketch PROMPT`: mood → plan → chords, melody, bass, drums → MIDI, WAV and JSON.
struct Sketch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write a sketch from a mood: chord progression, melody, bass and drums as MIDI, WAV and JSON.",
    discussion: """
      Explicit flags override what the mood suggests. The same prompt and seed give a byte-identical MIDI file; \
      without --seed the seed is derived from the prompt text, so the same prompt always gives the same sketch.

        moodsketch sketch "bittersweet late-night drive, lo-fi" --out drive
        moodsketch sketch "triumphant epic battle" --bars 16 --key "D minor" --seed 7
        moodsketch sketch "hopeful morning" --chords "Am F ? G | C ? ? E7"

      Writes DIR/sketch.mid, DIR/sketch.musicxml (a lead sheet, or every part with --score full), \
      DIR/sketch.svg (a piano roll), DIR/sketch.wav (unless --no-render) and DIR/sketch.json; nothing \
      is written unless all of them succeed. --preview also draws the piano roll and chords in the terminal.
      """)

  @Argument(
    help: ArgumentHelp("The mood in words, e.g. \"rainy Sunday, nostalgic\".", valueName: "prompt"))
  var prompt: String

  @Option(help: ArgumentHelp("Length in bars, 1–256; default: 8.", valueName: "n"))
  var bars: Int?

  @Option(
    help: ArgumentHelp(
      "Key such as \"A minor\", \"Eb\", \"F# dorian\"; default: from the mood.", valueName: "key"))
  var key: String?

  @Option(
    help: ArgumentHelp(
      "Tempo in BPM, 20–300, in felt beats (dotted quarters in 6/8, 9/8, 12/8); default: from the mood.",
      valueName: "bpm"))
  var tempo: Double?

  @Option(
    help: ArgumentHelp(
      "Time signature such as 4/4, 3/4, 6/8; default: from the style.", valueName: "n/d"))
  var meter: String?

  @Option(
    help: ArgumentHelp(
      "Style such as pop, lofi, jazz, metal, cinematic; default: from the mood.", valueName: "name")
  )
  var style: String?

  @Option(
    help: ArgumentHelp(
      "Chords to keep, e.g. \"Am F ? G | C ? ? E7\" or \"vi IV ? V\": symbols or numerals, ? for a chord the model fills (from both neighbours), | for bar lines (one bar each; else one chord per harmonic slot); the chart repeats to fill the bars; default: the model writes all chords.",
      valueName: "chart"))
  var chords: String?

  @Option(
    help: ArgumentHelp(
      "Shape the sketch like a reference: an audio or MIDI file, a sketch folder, or a catalog id (#12); its tempo, key and mode, energy, brightness and density, unless a flag sets them.",
      valueName: "ref"))
  var like: String?

  @Option(
    help: ArgumentHelp(
      "A MIDI file whose melody to keep note for note, with chords, bass and drums written around it in the prompt's mood (as `moodsketch harmonize`).",
      valueName: "tune.mid"))
  var melody: String?

  @Option(
    help: ArgumentHelp(
      "Song sections such as \"intro:4 verse:8 chorus:8 bridge:4 chorus:8 outro:4\", or a preset: song, short, pop, ballad, loop; a prompt naming sections (\"sad verse, hopeful chorus\") implies them; default: one 8-bar sketch.",
      valueName: "sections"))
  var form: String?

  @Option(
    help: ArgumentHelp(
      "Seed for repeatable sketches; default: derived from the prompt text.", valueName: "n"))
  var seed: UInt64?

  @Option(
    help: ArgumentHelp(
      "Folder for the files, created if missing (its parent must exist).", valueName: "dir"))
  var out: String = "sketch"

  @Flag(help: "Also draw a compact piano roll with the chords in the terminal (not with --json).")
  var preview = false

  @Flag(help: "Do not list the closest reference tracks from the catalog.")
  var noReferences = false

  @OptionGroup var writing: SketchFileOptions

  @OptionGroup var catalogOptions: CatalogOptions

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if preview && output.json {
      throw ValidationError("--preview draws for people; leave it out with --json")
    }
    if out.isEmpty {
      throw ValidationError("--out is empty; name a folder for the sketch, e.g. --out sketch")
    }
    if prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw ValidationError("the prompt is empty; describe a mood, e.g. \"calm rainy morning\"")
    }
    if melody != nil
      && (chords != nil || form != nil || bars != nil || key != nil || tempo != nil || meter != nil)
    {
      throw ValidationError(
        "--melody takes its key, metre, tempo and length from the tune; leave out --chords, --form, --bars, --key, --tempo and --meter"
      )
    }
    if form != nil && bars != nil {
      throw ValidationError("--form sets the length in bars; leave out --bars")
    }
    if form != nil && chords != nil {
      throw ValidationError("--form and --chords cannot be combined yet; pass one of them")
    }
    if let bars, !(1...256).contains(bars) {
      throw ValidationError("--bars \(bars) is out of range; use 1–256")
    }
    if let tempo, !(20...300).contains(tempo) {
      let shown = tempo == tempo.rounded() && abs(tempo) < 1e9 ? String(Int(tempo)) : String(tempo)
      throw ValidationError("--tempo \(shown) is out of range; use 20–300 BPM")
    }
    if let meter, Meter(parsing: meter) == nil {
      throw ValidationError("--meter \"\(meter)\" is not a time signature; use e.g. 4/4, 3/4, 6/8")
    }
    if let key, Key(parsing: key) == nil {
      throw ValidationError(
        "--key \"\(key)\" is not a key; use e.g. \"A minor\", \"Eb\", \"F# dorian\"")
    }
    if let style, Style(name: style) == nil {
      let names = Style.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("--style \"\(style)\" is not a known style; use one of \(names)")
    }
  }

  func run() throws {
    try reportingErrors {
      if let melody {
        try HarmonizedTune.make(
          tune: melody, prompt: prompt, track: nil, style: style,
          seed: seed ?? SketchSeed.fromPrompt(prompt)
        ).write(
          to: out, soundfont: writing.soundfont, render: !writing.noRender, layout: writing.score,
          json: output.json)
        return
      }
      let started = Date()
      // Find the SoundFont before writing anything, so a bad one leaves no files behind; it loads
      // while the sketch is composed.
      let soundFontPath =
        writing.noRender ? nil : try SoundFontLocator.locate(explicit: writing.soundfont)
      let pendingRenderer = soundFontPath.map { PendingRenderer(soundFontPath: $0) }
      let mood = try MoodParser().parse(prompt)
      let seed = self.seed ?? SketchSeed.fromPrompt(prompt)
      let journey = chords == nil ? try JourneyParser().parse(prompt) : nil
      let songForm = try form.map { try SongForm(parsing: $0) } ?? journey.flatMap(SongSketch.form)
      let overrides = try PlanOverrides(
        parsingKey: key, tempo: tempo.map { String($0) }, meter: meter,
        bars: (songForm?.bars ?? bars).map(String.init), style: style)
      let model = try CompositionModel.bundled()
      let shape = try like.map { try LikeReference.shape($0, catalog: catalogOptions.catalog) }
      var plan = Planner().plan(
        for: shape?.mood(mood) ?? mood, overrides: shape?.overrides(overrides) ?? overrides,
        seed: seed)
      if let shape { plan = shape.shaped(plan, userTempo: tempo != nil, userKey: key != nil) }
      var song: SongSketch?
      if let songForm {
        song = SongSketch(
          form: songForm, song: plan, mood: mood, journey: journey, keyFixed: key != nil,
          seed: seed, composer: Composer(model: model))
        plan = song!.plan
      }
      var lockedChords: [GeneratedChord]?
      if let chords {
        let charted = try ChartPlanning(
          chart: try ChordChart(parsing: chords), mood: mood, overrides: overrides, seed: seed,
          model: model)
        if let warning = charted.warning { printError(warning) }
        plan = charted.plan
        lockedChords = charted.chords
      }
      let score =
        song?.score ?? Composer(model: model).compose(plan, seed: seed, chords: lockedChords)
      let sections =
        song?.score.sections
        ?? Composer.form(for: plan, seed: seed).sectionMarkers(
          meter: plan.meter, ticksPerQuarter: score.ticksPerQuarter)
      let composedMS = Date().timeIntervalSince(started) * 1000
      Terminal.detail(
        "composition model \(CompositionModel.bundledPath ?? "missing"), lexicon \(Lexicon.bundledPath ?? "missing")"
      )
      Terminal.detail("composed in \(Int(composedMS)) ms")
      let renderer = try pendingRenderer?.renderer()

      let folder = try SketchFolder(path: out)
      let files = SketchFiles.paths(in: folder, rendering: soundFontPath != nil)
      var report = SketchReport(
        prompt: prompt, seed: seed, mood: mood, plan: plan, score: score, files: files)
      report.sections = song?.sections
      let renderStarted = Date()
      let rendered = try SketchFiles.write(
        score, report: report, sections: sections, layout: writing.score, title: prompt,
        renderer: renderer, into: folder)
      let renderMS = Date().timeIntervalSince(renderStarted) * 1000
      let references =
        noReferences ? nil : SketchReferences.find(folder: out, catalog: catalogOptions.catalog)

      if output.json {
        try printJSON(report, references: references)
        return
      }
      print(
        "mood: \(mood.valenceWord), \(mood.arousalWord) (valence \(AffectFormat.signed(mood.valence)), arousal \(AffectFormat.signed(mood.arousal)), \(mood.quadrant.rawValue))"
      )
      print(
        "plan: \(plan.key), \(Int(plan.tempoBPM.rounded())) BPM\(plan.meter.isCompound ? " (dotted quarters)" : ""), \(plan.meter), \(plan.bars) bars, \(plan.style.rawValue)"
          + " — chords \(GeneralMIDI.programName(plan.instruments.chords)), melody \(GeneralMIDI.programName(plan.instruments.melody)),"
          + " bass \(GeneralMIDI.programName(plan.instruments.bass))\(plan.instruments.drums ? ", drums" : "")"
      )
      for reason in plan.reasons { print("  · \(reason)") }
      if let journey { print(journey.text) }
      if let song {
        print("sections:")
        for section in song.sections {
          let last = section.firstBar + section.bars - 1
          print(
            "  \(section.label.padding(toLength: 10, withPad: " ", startingAt: 0)) bars \(section.firstBar)–\(last)  \(section.key)"
          )
        }
      }
      print("\nprogression:\n\(report.chart)\n\nmelody:\n\(report.melodyLines)\n")
      if preview {
        print(
          "preview:\n\(TerminalRoll.text(for: score, sections: sections, width: terminalColumns))\n"
        )
      }
      print("wrote:")
      for kind in ["midi", "musicxml", "svg", "wav", "json"] {
        if let path = files[kind] { print("  \(path)") }
      }
      let seedNote =
        self.seed == nil ? "seed \(seed), from the prompt; pass --seed to vary" : "seed \(seed)"
      let renderNote =
        rendered.map {
          ", rendered \(String(format: "%.1f", $0.seconds)) s of audio at \(String(format: "%.1f", $0.loudnessLUFS ?? -70)) LUFS in \(Int(renderMS)) ms"
        } ?? ""
      print("composed in \(Int(composedMS)) ms\(renderNote) (\(seedNote))")
      switch references {
      case .found(let results) where !results.isEmpty:
        print("\nclosest references in your catalog:")
        for (i, r) in results.enumerated() { print(SketchReferences.line(i + 1, r)) }
        if let note = SketchReferences.closeness(results) { print("  \(note)") }
      case .noCatalog(let note): Terminal.note(note)
      case .failed(let note): printError(note)
      case .found, nil: break
      }
    }
  }

  /// The sketch report as JSON, with the references (when looked up) added under `references`.
  private func printJSON(_ report: SketchReport, references: SketchReferences.Outcome?) throws {
    guard case .found(let results) = references else {
      if case .failed(let note) = references { printError(note) }
      return try JSONOutput.print(report)
    }
    let encoder = JSONOutput.encoder(pretty: false)
    guard
      case .object(var fields) = try JSONDecoder().decode(
        JSONValue.self, from: encoder.encode(report))
    else { return try JSONOutput.print(report) }
    fields["references"] = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(results))
    try JSONOutput.print(JSONValue.object(fields))
  }
}

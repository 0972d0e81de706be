import Affect
import Analysis
import ArgumentParser
import Catalog
import Foundation
import Pictures
import Recommend

/// `moodsketch references DRAFT`: catalog tracks that feel like a draft, with reasons.
struct References: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "references",
    abstract:
      "Find reference tracks in your catalog that feel like a draft (audio, MIDI or a sketch folder).",
    discussion: """
      Similarity combines mood (valence, arousal), tempo (half and double time
      count as close), key (same key; a fifth apart; relative and parallel
      major/minor count as close), timbre (MFCC means), energy and brightness
      (spectral centroid), and style when the draft has one (a sketch's plan, or
      --style): a track of that style is closer, an inferred one by its
      confidence. Each group weighs 1 unless --weights says otherwise; 0 ignores
      it. Every result says why it was picked; inferred styles are marked.
        moodsketch references draft.wav
        moodsketch references drive/ --k 5 --mood "darker, more tense" --diverse
        moodsketch references idea.mid --tempo-range 80-100 --weights key=2
      A sketch folder is matched on the plan it was written to (key, tempo and
      mood from its sketch.json) and the sound of its sketch.wav; the header
      says which file gave what. An audio or MIDI draft is analysed.
      A draft shorter than a track (a 15 s excerpt, a loop) is also compared
      with the part of each track most like it.
      When the catalog is empty and any of the Debian packages asc-music,
      singularity-music, wesnoth-1.16-music or extremetuxracer-data is
      installed, its music is indexed first (once, with a progress bar), so
      references work on a fresh machine; `catalog list` shows each of those
      tracks' licence.
      """)

  @Argument(
    help: ArgumentHelp(
      "An audio file, a MIDI file, or a sketch folder (its sketch.json, sketch.wav and sketch.mid).",
      valueName: "draft"))
  var draft: String

  @Option(help: ArgumentHelp("How many references to list.", valueName: "n"))
  var k = 10

  @Option(
    help: ArgumentHelp(
      "Pull results toward this mood, in words (70% of the way; mood weighs double).",
      valueName: "prompt"))
  var mood: String?

  @Option(
    help: ArgumentHelp(
      "Only tracks whose style, tags or inferred style match this name (e.g. ambient, rock); tracks of that style rank first, surest first.",
      valueName: "name"))
  var style: String?

  @Option(
    help: ArgumentHelp(
      "Only tracks whose tempo, or its half or double, lies in this range, e.g. 80-100.",
      valueName: "bpm-bpm"))
  var tempoRange: String?

  @Flag(
    help: "Re-rank by maximal marginal relevance so the list is varied rather than ten near-copies."
  )
  var diverse = false

  @Option(
    help: ArgumentHelp(
      "Group weights, e.g. mood=1,tempo=1,key=1,timbre=1,energy=1,brightness=1,style=1 (unnamed groups keep 1).",
      valueName: "weights"))
  var weights: String?

  @Option(
    help: ArgumentHelp(
      "Also draw the catalog's mood map with the draft and its references named (SVG).",
      valueName: "file.svg"))
  var plot: String?

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard k >= 1 else { throw ValidationError("--k \(k) must be at least 1") }
    if let tempoRange, Self.parseRange(tempoRange) == nil {
      throw ValidationError(
        "--tempo-range \(tempoRange) is not a range of tempos like 80-100 (BPM above 0, low first)")
    }
    _ = try StyleLabel.option(style)
  }

  /// `LOW-HIGH` in BPM; the dash is the first one after LOW's first character, so `-5-10` reads as a
  /// negative LOW (and is refused) rather than as 5-10.
  static func parseRange(_ text: String) -> ClosedRange<Double>? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard let dash = t.dropFirst().firstIndex(of: "-"),
      let lo = Double(t[..<dash].trimmingCharacters(in: .whitespaces)),
      let hi = Double(t[t.index(after: dash)...].trimmingCharacters(in: .whitespaces)),
      lo.isFinite, hi.isFinite, lo > 0, lo <= hi
    else { return nil }
    return lo...hi
  }

  /// The draft's own facts under the same names as each reference's (`key`, `tempoBPM`, `valence`,
  /// `arousal`), so one script reads both.
  struct Output: Codable {
    var draft: String
    var key: String?
    var tempoBPM: Double?
    var valence: Double
    var arousal: Double
    var catalogTracks: Int
    /// "plan" when valence and arousal are a sketch plan's, "measured" when analysed.
    var moodSource: String
    /// For a sketch folder, which of its files gave key, tempo, mood and sound.
    var draftOrigin: String?
    var references: [Reference]
    /// The mood map written with --plot.
    var plot: String?
  }

  func run() throws {
    // The style as the catalog names it (`Hip-Hop` → hiphop), for messages; validate() refused the rest.
    let storedStyle = (try? StyleLabel.option(style)) ?? style
    var styles: StyleStats?
    let (reading, results, size) = try reportingErrors {
      () -> (DraftFeatures.Reading, [Reference], Int) in
      var options = ReferenceOptions()
      options.k = k
      options.diverse = diverse
      options.style = style
      options.tempoRange = tempoRange.flatMap(Self.parseRange)
      if let weights { options.weights = try ReferenceWeights(parsing: weights) }
      if let mood {
        let parsed = try MoodParser().parse(mood)
        options.targetMood = (parsed.valence, parsed.arousal)
      }
      // The draft itself, when it is in the catalog, is not a reference for itself.
      options.excludedPaths = [CatalogLocation.absolute(draft)]
      // A sketch folder's key and tempo come from its MIDI: exact, so they keep their full weight.
      var isFolder: ObjCBool = false
      options.comparesParts =
        !(FileManager.default.fileExists(atPath: draft, isDirectory: &isFolder)
        && isFolder.boolValue)
      // Analyse the draft first: a bad draft is reported at once, before any catalog indexing.
      let reading = try DraftFeatures.read(path: draft)
      if let warning = reading.warning { printError("note: \(warning)") }
      options.draftStyle = reading.style
      let features = reading.features
      let store = try catalogOptions.openFillingDefaultMusic()
      let finder = try ReferenceFinder(store: store)
      let found = try finder.references(for: features, options: options)
      if let plot {
        let (points, total) = try store.moodPoints(limit: 3000)
        try MoodMap(
          title: "\((draft as NSString).lastPathComponent) among \(counted(total, "track"))",
          catalog: points.map {
            MoodMap.Entry(
              label: $0.title, valence: $0.valence, arousal: $0.arousal, style: $0.style)
          },
          draft: MoodMap.Entry(
            label: (draft as NSString).lastPathComponent, valence: features.valence,
            arousal: features.arousal),
          references: found.prefix(5).map {
            MoodMap.Entry(label: $0.title, valence: $0.valence, arousal: $0.arousal)
          }
        ).svg().write(to: plot)
      }
      // With nothing left, the message names the styles the catalog does have.
      if found.isEmpty, style != nil { styles = try store.styleCounts() }
      return (reading, found, finder.index.count)
    }
    let features = reading.features
    if output.json {
      try JSONOutput.print(
        Output(
          draft: draft, key: features.key?.description, tempoBPM: features.tempoBPM,
          valence: features.valence, arousal: features.arousal, catalogTracks: size,
          moodSource: reading.moodIsPlanned ? "plan" : "measured", draftOrigin: reading.origin,
          references: results, plot: plot))
      return
    }
    let key = features.key.map { "\($0)" } ?? "no clear key"
    let tempo = features.tempoBPM.map { String(format: "%.0f BPM", $0) } ?? "no steady tempo"
    print(
      "References for \(draft) (\(key), \(tempo), valence \(String(format: "%+.2f", features.valence)), arousal \(String(format: "%+.2f", features.arousal))) from \(counted(size, "track")):"
    )
    if let origin = reading.origin { print("  (\(origin))") }
    if results.isEmpty {
      print(
        "  none: \(Self.whyNone(catalogSize: size, style: storedStyle, tempoRange: tempoRange, styles: styles))"
      )
    }
    for (i, r) in results.enumerated() {
      print(SketchReferences.line(i + 1, r))
    }
    if let note = SketchReferences.closeness(results) { print("  \(note)") }
    let inferred = results.filter { $0.styleInferred == true }.count
    if inferred > 0 {
      print(
        "  styles marked inferred were guessed from the catalog's tagged tracks (\(inferred) of \(results.count) shown)"
      )
    }
    if let plot { print("mood map: \(plot)") }
  }
}

extension References {
  /// Why no reference was found, in the terms the user can act on: an empty catalog, filters that
  /// leave nothing, or a catalog whose only track is the draft itself (never its own reference).
  static func whyNone(
    catalogSize: Int, style: String? = nil, tempoRange: String? = nil, styles: StyleStats? = nil
  ) -> String {
    if catalogSize == 0 {
      return "the catalog is empty; add music with `moodsketch catalog add FOLDER`"
    }
    guard style != nil || tempoRange != nil else {
      return
        "the catalog holds only this draft, which is not its own reference; add more music with `moodsketch catalog add FOLDER`"
    }
    let tracks = counted(catalogSize, "track")
    var filters: [String] = []
    if let style { filters.append("has the style \(style) (tagged or inferred)") }
    if let tempoRange { filters.append("is within \(tempoRange) BPM (or at half or double time)") }
    var text = "none of the \(tracks) \(filters.joined(separator: " and "))"
    if let style, let styles {
      let all = styles.known.merging(styles.inferred, uniquingKeysWith: +)
      let named = all.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(8)
        .map { "\($0.key) \($0.value)" }
      text +=
        named.isEmpty
        ? "; none of its tracks has a style yet"
        : "; its styles: \(named.joined(separator: ", "))"
      return text
        + ". Drop or change --style, or name a folder's style with `moodsketch catalog add FOLDER --style \(style)`"
    }
    return text + "; widen the range, or add music with `moodsketch catalog add FOLDER`"
  }
}

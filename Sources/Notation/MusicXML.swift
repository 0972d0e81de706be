import Foundation
import Theory

/// Writes a ``Theory/Score`` as a MusicXML 4.0 lead sheet or full score, for MuseScore, Sibelius, Dorico
/// and music21.
///
/// Notes are moved onto a notation grid first (see ``Quantizer`` for the rules: sixteenths, or eighth
/// triplets where the playing sits on them), then cut into notatable values tied across bar lines and
/// beats; rests fill every bar; pitches are spelled in the key (sharps in sharp keys, flats in flat
/// keys); chords of a part share a stem (`<chord/>`), overlapping lines go to further voices, and chords
/// reaching well below and above middle C get a grand staff (left hand below C4); drums
/// become a percussion part with unpitched notes on the usual drum-set lines. Chord symbols are
/// `<harmony>` elements above the first part, the tempo a metronome mark with `<sound tempo>`, sections
/// rehearsal marks with their names. `<divisions>` is the smallest that holds every value.
///
/// ```swift
/// let xml = try MusicXML.document(for: score, options: NotationOptions(layout: .lead))
/// try MusicXML.write(score, options: NotationOptions(layout: .full), to: "song.musicxml")
/// ```
public enum MusicXML {
  /// The file's text.
  ///
  /// - Parameters:
  ///   - score: the music; its `chords` become chord symbols.
  ///   - options: lead sheet or full score, sections, title, melody track.
  ///   - source: the file or sketch named in errors.
  /// - Throws: ``NotationError`` when the score has no notes, or (for a lead sheet) only drums.
  public static func document(
    for score: Score, options: NotationOptions = NotationOptions(), source: String = "the score"
  ) throws -> String {
    guard score.tracks.contains(where: { !$0.notes.isEmpty }) else {
      throw NotationError.noNotes(source: source)
    }
    let melody = options.melodyTrack ?? MelodyPicker.melodyTrack(in: score)
    let chordEnd = score.chords.map { $0.start + $0.duration }.max() ?? 0
    let layout = BarLayout(score: score, endTick: max(score.endTick, chordEnd))

    var tracks: [(index: Int, melodyOnly: Bool)]
    switch options.layout {
    case .lead:
      guard let melody else { throw NotationError.noPitchedTrack(source: source) }
      tracks = [(melody, true)]
    case .full:
      tracks = score.tracks.indices.filter { !score.tracks[$0].notes.isEmpty }.map { ($0, false) }
      if let melody, let position = tracks.firstIndex(where: { $0.index == melody }) {
        tracks.insert(tracks.remove(at: position), at: 0)
      }
    }
    let parts = tracks.enumerated().map { number, entry in
      NotationPart.make(
        track: score.tracks[entry.index], index: number, layout: layout,
        melodyOnly: entry.melodyOnly, carriesHarmony: number == 0)
    }

    let keys = self.keys(of: score, layout: layout)
    let (anchors, sectionEnds) = self.anchors(of: score, options: options, layout: layout)
    let drafter = PartDrafter(
      layout: layout, anchors: anchors, keys: keys, sectionEnds: sectionEnds)
    let drafts = parts.map { drafter.measures(for: $0) }
    let unit = gridUnit(drafts)

    let title = options.title ?? score.title ?? "Sketch"
    var root: [Markup] = [
      Markup("work", children: [Markup("work-title", text: title)]),
      Markup(
        "identification",
        children: [Markup("encoding", children: [Markup("software", text: "moodsketch")])]),
      Markup("part-list", children: parts.map(scorePart)),
    ]
    for (part, measures) in zip(parts, drafts) {
      let printer = MeasureMarkup(unit: unit, part: part, keys: keys)
      root.append(Markup("part", [("id", part.id)], children: measures.map(printer.measure)))
    }
    let header = """
      <?xml version="1.0" encoding="UTF-8" standalone="no"?>
      <!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN" "http://www.musicxml.org/dtds/partwise.dtd">

      """
    return header + Markup("score-partwise", [("version", "4.0")], children: root).rendered()
  }

  /// Writes the document atomically (a temporary file in the same folder, then a rename).
  ///
  /// - Throws: the errors of ``document(for:options:source:)`` and `AtomicFile.Failure`.
  public static func write(
    _ score: Score, options: NotationOptions = NotationOptions(), to path: String,
    source: String = "the score"
  ) throws {
    try AtomicFile.write(
      Data(document(for: score, options: options, source: source).utf8), to: path)
  }

  /// Key changes by grid position; a score without any gets the major key that holds most of its notes.
  static func keys(of score: Score, layout: BarLayout) -> [(position: Int, key: Key)] {
    if !score.keys.isEmpty { return score.keys.map { (layout.units($0.tick), $0.key) } }
    return [(0, likelyKey(score))]
  }

  /// The major key whose scale covers the most note time (pitched tracks only): enough to spell a file
  /// that has no key signature with sharps or flats as its music leans.
  static func likelyKey(_ score: Score) -> Key {
    var weight = [Double](repeating: 0, count: 12)
    for track in score.tracks where !track.isDrums {
      for note in track.notes { weight[note.pitch.pitchClass] += Double(max(1, note.duration)) }
    }
    let tonics = ["C", "G", "D", "A", "E", "B", "F#", "Db", "Ab", "Eb", "Bb", "F"].compactMap(
      NoteClass.init)
    let scored = tonics.map { tonic -> (Key, Double) in
      let key = Key(tonic)
      return (key, key.scalePitchClasses.reduce(0) { $0 + weight[$1] })
    }
    // Ties go to the fewest accidentals (the list runs outward round the circle of fifths).
    return scored.enumerated().max {
      ($0.element.1, -abs($0.element.0.signatureAccidentals))
        < ($1.element.1, -abs($1.element.0.signatureAccidentals))
    }!.element.0
  }

  /// Chord symbols, tempo marks and rehearsal marks by grid position (snapped to the sixteenth grid),
  /// and the bars that end a section.
  static func anchors(of score: Score, options: NotationOptions, layout: BarLayout) -> (
    [(position: Int, anchor: Anchor)], Set<Int>
  ) {
    func snapped(_ tick: Int) -> Int { Int((layout.exactUnits(tick) / 3).rounded()) * 3 }
    var anchors: [(position: Int, anchor: Anchor)] = []
    var sectionEnds: Set<Int> = []
    for (number, section) in options.sections.sorted(by: { $0.tick < $1.tick }).enumerated() {
      let text = section.text.trimmingCharacters(in: .whitespacesAndNewlines)
      // Short names (A, B, A′, 1) are rehearsal marks themselves; longer ones get a letter and the name.
      let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
      let letter = String(letters[letters.index(letters.startIndex, offsetBy: number % 26)])
      let anchor: Anchor =
        text.count <= 3
        ? .section(rehearsal: text, words: nil) : .section(rehearsal: letter, words: text)
      let position = snapped(section.tick)
      anchors.append((position, anchor))
      if let bar = layout.bars.firstIndex(where: { $0.start == position }), bar > 0 {
        sectionEnds.insert(bar - 1)
      }
    }
    let tempos = score.tempos.isEmpty ? [TempoChange(tick: 0, bpm: 120)] : score.tempos
    for tempo in tempos {
      let position = snapped(tempo.tick)
      let meter = layout.bar(containing: position)?.meter ?? score.initialMeter
      anchors.append((position, .tempo(quarterBPM: tempo.bpm, meter: meter)))
    }
    for span in score.chords { anchors.append((snapped(span.start), .harmony(span.chord))) }
    return (anchors.sorted { $0.position < $1.position }, sectionEnds)
  }

  /// The largest number of grid units that divides every duration, offset and bar length (1, 3, 4,
  /// 6 or 12), so `<divisions>` is as small as the music allows.
  static func gridUnit(_ drafts: [[MeasureDraft]]) -> Int {
    var unit = 12
    func fold(_ value: Int) { if value > 0 { unit = gcd(unit, value) } }
    for measure in drafts.joined() {
      fold(measure.bar.length)
      for item in measure.items {
        switch item {
        case .note(let note): fold(note.value.length)
        case .backup(let length): fold(length)
        case .anchor(_, let offset): fold(offset)
        }
      }
    }
    return unit
  }

  private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

  private static func scorePart(_ part: NotationPart) -> Markup {
    var instruments: [Markup] = []
    var midi: [Markup] = []
    let channel = Markup("midi-channel", text: "\(part.channel + 1)")
    if part.isDrums {
      for pitch in part.drumPitches {
        let id = "\(part.id)-I\(pitch + 1)"
        instruments.append(
          Markup(
            "score-instrument", [("id", id)],
            children: [Markup("instrument-name", text: DrumNotation.placement(of: pitch).name)]))
        midi.append(
          Markup(
            "midi-instrument", [("id", id)],
            children: [channel, Markup("midi-unpitched", text: "\(pitch + 1)")]))
      }
    } else {
      let id = "\(part.id)-I1"
      instruments.append(
        Markup(
          "score-instrument", [("id", id)], children: [Markup("instrument-name", text: part.name)]))
      midi.append(
        Markup(
          "midi-instrument", [("id", id)],
          children: [channel, Markup("midi-program", text: "\(part.program + 1)")]))
    }
    return Markup(
      "score-part", [("id", part.id)],
      children: [Markup("part-name", text: part.name)] + instruments + midi)
  }
}

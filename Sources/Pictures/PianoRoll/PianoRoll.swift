import Theory

/// A piano roll of a score as SVG: one lane per track, bar and beat lines, chord symbols and section
/// labels above, each note a box shaded by its velocity.
///
/// Every note is a `<rect class="note">` carrying `data-track`, `data-pitch`, `data-start`,
/// `data-duration` (ticks) and `data-velocity`, so a script (or a test) can match the picture to the MIDI.
///
/// ```swift
/// try PianoRoll.svg(for: score, title: "drive").write(to: "drive/sketch.svg")
/// ```
public enum PianoRoll {
  /// - Parameters:
  ///   - score: the music; its `chords` are printed above the lanes.
  ///   - sections: section names or rehearsal marks to label.
  ///   - title: the heading; default: the score's title.
  ///   - source: the file or sketch named in errors.
  /// - Throws: ``PicturesError/noNotes(source:)`` when the score has no notes.
  public static func svg(
    for score: Score, sections: [ScoreMarker] = [], title: String? = nil,
    source: String = "the score"
  ) throws -> SVGDocument {
    guard score.tracks.contains(where: { !$0.notes.isEmpty }) else {
      throw PicturesError.noNotes(source: source)
    }
    let meter = score.initialMeter
    let bar = max(1, meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter))
    let chordEnd = score.chords.map { $0.start + $0.duration }.max() ?? 0
    let last = max(score.endTick, chordEnd)
    let endTick = (last + bar - 1) / bar * bar
    let layout = PianoRollLayout(score: score, endTick: endTick)
    let heading = title ?? score.title ?? "Piano roll"
    var document = SVGDocument(width: layout.width, height: layout.height, title: heading)
    document.add(SVG.text(heading, x: 8, y: 18, size: 14, weight: "bold"))
    document.add(lanes(layout, key: score.initialKey))
    document.add(grid(score, layout: layout))
    document.add(chords(score, layout: layout))
    document.add(sectionLabels(sections, layout: layout))
    document.add(notes(score, layout: layout))
    return document
  }

  private static func lanes(_ layout: PianoRollLayout, key: Key?) -> Markup {
    var children: [Markup] = []
    for (index, lane) in layout.lanes.enumerated() {
      children.append(
        SVG.rect(
          x: PianoRollLayout.labelWidth, y: lane.top,
          width: layout.x(layout.endTick) - PianoRollLayout.labelWidth,
          height: max(lane.height, 28), fill: index % 2 == 0 ? Palette.laneEven : "#EFEFEF"))
      children.append(
        SVG.text(
          lane.name, x: PianoRollLayout.labelWidth - 8, y: lane.top + 12, size: 11, anchor: .end,
          weight: "bold", data: [("lane", "\(lane.track)")]))
      if !lane.isDrums, let low = lane.rows.last, let high = lane.rows.first {
        let key = key ?? Key(NoteClass(.C))
        let range = "\(Pitch(low + 1).name(in: key))–\(Pitch(high - 1).name(in: key))"
        children.append(
          SVG.text(
            range, x: PianoRollLayout.labelWidth - 8, y: lane.top + 25, size: 9, anchor: .end,
            fill: Palette.muted))
        // A faint line at every C, so registers can be read.
        for pitch in lane.rows where pitch % 12 == 0 {
          if let y = layout.y(pitch: pitch, in: lane) {
            children.append(
              SVG.line(
                x1: PianoRollLayout.labelWidth, y1: y + lane.rowHeight,
                x2: layout.x(layout.endTick),
                y2: y + lane.rowHeight, stroke: "#E4E4E4", width: 0.5))
          }
        }
      }
    }
    return SVG.group("lanes", children)
  }

  /// Bar lines (numbered) and beat lines over all lanes, following the meter map.
  private static func grid(_ score: Score, layout: PianoRollLayout) -> Markup {
    var children: [Markup] = []
    let top = PianoRollLayout.headerHeight - 4
    let bottom = layout.height - 8
    var tick = 0
    var barNumber = 1
    let meters = score.meters.isEmpty ? [MeterChange(tick: 0, meter: .commonTime)] : score.meters
    while tick < layout.endTick {
      let meter = meters.last { $0.tick <= tick }?.meter ?? .commonTime
      let barLength = max(1, meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter))
      let beat = max(1, meter.ticksPerBeat(ticksPerQuarter: score.ticksPerQuarter))
      let x = layout.x(tick)
      children.append(
        SVG.line(x1: x, y1: top, x2: x, y2: bottom, stroke: Palette.gridStrong, width: 1))
      children.append(
        SVG.text(
          "\(barNumber)", x: x + 2, y: 30, size: 9, fill: Palette.muted,
          data: [("bar", "\(barNumber)")]))
      var beatTick = tick + beat
      while beatTick < tick + barLength {
        let bx = layout.x(beatTick)
        children.append(
          SVG.line(x1: bx, y1: top, x2: bx, y2: bottom, stroke: Palette.grid, width: 0.5))
        beatTick += beat
      }
      tick += barLength
      barNumber += 1
    }
    let end = layout.x(layout.endTick)
    children.append(
      SVG.line(x1: end, y1: top, x2: end, y2: bottom, stroke: Palette.gridStrong, width: 1))
    return SVG.group("grid", children)
  }

  private static func chords(_ score: Score, layout: PianoRollLayout) -> Markup {
    SVG.group(
      "chords",
      score.chords.map { span in
        SVG.text(
          span.chord.symbol, x: layout.x(span.start) + 2, y: 56, size: 11, weight: "bold",
          data: [("chord", span.chord.symbol), ("start", "\(span.start)")])
      })
  }

  private static func sectionLabels(_ sections: [ScoreMarker], layout: PianoRollLayout) -> Markup {
    var children: [Markup] = []
    for section in sections {
      let x = layout.x(section.tick)
      children.append(SVG.rect(x: x, y: 34, width: 3, height: 10, fill: Palette.ink))
      children.append(
        SVG.text(
          section.text, x: x + 6, y: 43, size: 11, fill: Palette.ink, weight: "bold",
          data: [("section", section.text), ("start", "\(section.tick)")]))
    }
    return SVG.group("sections", children)
  }

  private static func notes(_ score: Score, layout: PianoRollLayout) -> Markup {
    var groups: [Markup] = []
    for (laneIndex, lane) in layout.lanes.enumerated() {
      let color = Palette.color(laneIndex)
      var boxes: [Markup] = []
      for note in score.tracks[lane.track].notes {
        guard let y = layout.y(pitch: note.pitch.midi, in: lane) else { continue }
        let x = layout.x(note.start)
        let width =
          lane.isDrums
          ? max(2, layout.pixelsPerQuarter / 8) : max(1, layout.x(note.start + note.duration) - x)
        let velocity = min(127, max(1, note.velocity))
        boxes.append(
          SVG.rect(
            x: x, y: y, width: width, height: max(1, lane.rowHeight - 0.5), fill: color,
            opacity: 0.25 + 0.75 * Double(velocity) / 127,
            data: [
              ("track", "\(lane.track)"), ("pitch", "\(note.pitch.midi)"),
              ("start", "\(note.start)"),
              ("duration", "\(note.duration)"), ("velocity", "\(velocity)"),
            ]
          ).withClass("note"))
      }
      groups.append(
        SVG.group("track", boxes, data: [("track", "\(lane.track)"), ("name", lane.name)]))
    }
    return SVG.group("notes", groups)
  }
}

import Theory

/// Something printed above the staff at a point in a bar.
enum Anchor: Sendable, Hashable {
  case harmony(Chord)
  /// Quarter notes per minute, and the metre that says how the metronome mark counts them.
  case tempo(quarterBPM: Double, meter: Meter)
  case section(rehearsal: String, words: String?)
}

/// One printed note, chord or rest, still in grid units.
struct DraftNote: Sendable, Hashable {
  var value: NoteValue
  /// Highest first; empty for a rest.
  var notes: [GridNote]
  var voice: Int
  /// 1, or 2 for the lower staff of a grand staff.
  var staff = 1
  var measureRest = false
  var hidden = false
  var tieStop = false
  var tieStart = false
  /// `start` or `stop` of a triplet bracket.
  var tuplet: String?
}

enum DraftItem: Sendable, Hashable {
  case note(DraftNote)
  case backup(Int)
  case anchor(Anchor, offset: Int)
}

/// One bar of one part, in units, before the file's divisions are known.
struct MeasureDraft: Sendable, Hashable {
  var number: Int
  var bar: BarLayout.Bar
  var items: [DraftItem]
  var key: Key?
  var meter: Meter?
  var rightBarline: String?
}

/// Lays one voice's events into one bar: rests fill the gaps, each note or rest is cut into notatable
/// values, notes crossing a bar line or a beat are tied, triplet quarters get brackets.
enum VoiceDraft {
  /// - Parameters:
  ///   - restSplits: positions where rests are cut even inside a beat (chord changes on a lead sheet).
  ///   - drums: drum strokes are not tied; the time after the first value is rest.
  ///   - restsOnlyIsEmpty: whether a bar of rests only counts as empty (nil) rather than as cut rests.
  /// - Returns: nil when the voice plays nothing in this bar (and `restsOnlyIsEmpty`).
  static func notes(
    _ events: [VoiceEvent], in bar: BarLayout.Bar, voice: Int, restSplits: [Int], drums: Bool,
    restsOnlyIsEmpty: Bool = true
  ) -> [DraftNote]? {
    struct Span {
      var start: Int
      var end: Int
      var notes: [GridNote]
      var tieIn = false
      var tieOut = false
    }
    var spans: [Span] = []
    var cursor = bar.start
    func rests(to end: Int) {
      let cuts = restSplits.filter { $0 > cursor && $0 < end }.sorted()
      for (from, to) in zip([cursor] + cuts, cuts + [end]) where to > from {
        spans.append(Span(start: from, end: to, notes: []))
      }
      cursor = end
    }
    for event in events where event.end > bar.start && event.start < bar.end {
      let start = max(event.start, bar.start, cursor)
      let end = min(event.end, bar.end)
      guard end > start else { continue }
      if start > cursor { rests(to: start) }
      spans.append(
        Span(
          start: start, end: end, notes: event.notes, tieIn: event.start < bar.start,
          tieOut: event.end > bar.end && !drums))
      cursor = end
    }
    if restsOnlyIsEmpty, !spans.contains(where: { !$0.notes.isEmpty }) { return nil }
    if cursor < bar.end { rests(to: bar.end) }

    let boundaries = spans.flatMap { [$0.start, $0.end] }
    let tripletQuarters = Set(boundaries.filter { $0 % 12 % 3 != 0 }.map { $0 / 12 })
    var out: [DraftNote] = []
    for span in spans {
      let values = NoteValues.pieces(
        from: span.start, to: span.end, in: bar, tripletQuarters: tripletQuarters)
      for (index, value) in values.enumerated() {
        let sounding = !span.notes.isEmpty && (!drums || index == 0)
        var note = DraftNote(value: value, notes: sounding ? span.notes : [], voice: voice)
        if sounding && !drums {
          note.tieStop = index > 0 || span.tieIn
          note.tieStart = index < values.count - 1 || span.tieOut
        }
        out.append(note)
      }
    }
    // Brackets: the first and last triplet value of each triplet quarter.
    let tripletIndices = out.indices.filter { out[$0].value.triplet }
    for group in Dictionary(grouping: tripletIndices, by: { out[$0].value.start / 12 }).values {
      if let first = group.min(), let last = group.max(), first != last {
        out[first].tuplet = "start"
        out[last].tuplet = "stop"
      }
    }
    return out
  }
}

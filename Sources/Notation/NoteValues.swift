/// One notatable piece of a note or rest: a plain or dotted value, or an eighth/quarter of a triplet.
struct NoteValue: Sendable, Hashable {
  var start: Int
  var length: Int
  /// MusicXML `<type>`: `whole`, `half`, `quarter`, `eighth`, `16th`.
  var type: String
  var dots: Int
  /// Part of an eighth-note triplet (3 in the time of 2).
  var triplet: Bool
}

/// Cuts a span of a bar into notatable values, the way engravers (and MuseScore's importer) expect.
///
/// A value starting on a beat may cover several beats when it ends on a beat (or at the span's end)
/// and is itself a plain or dotted value; a value starting off the beat stops at the next beat. Inside a
/// quarter played as triplets the pieces are triplet eighths and quarters, and a value never enters a
/// triplet quarter part-way. The caller ties the pieces of one note.
enum NoteValues {
  /// Plain and dotted values in units (twelfths of a quarter), longest first.
  static let binary: [(length: Int, type: String, dots: Int)] = [
    (72, "whole", 1), (48, "whole", 0), (36, "half", 1), (24, "half", 0), (18, "quarter", 1),
    (12, "quarter", 0), (9, "eighth", 1), (6, "eighth", 0), (3, "16th", 0),
  ]

  /// - Parameter tripletQuarters: quarter indices (from the start of the piece) that this voice plays as triplets.
  static func pieces(from start: Int, to end: Int, in bar: BarLayout.Bar, tripletQuarters: Set<Int>)
    -> [NoteValue]
  {
    var out: [NoteValue] = []
    var position = start
    while position < end {
      let quarter = position / 12
      let quarterEnd = (quarter + 1) * 12
      if tripletQuarters.contains(quarter), !(position % 12 == 0 && end >= quarterEnd) {
        let length = min(end, quarterEnd) - position
        out.append(
          NoteValue(
            start: position, length: length, type: length >= 8 ? "quarter" : "eighth", dots: 0,
            triplet: true))
        position += length
        continue
      }
      var limit = end
      if end % 12 != 0, tripletQuarters.contains(end / 12), end / 12 > quarter {
        limit = (end / 12) * 12
      }
      let value = binaryValue(from: position, limit: limit, bar: bar)
      out.append(value)
      position += value.length
    }
    return out
  }

  private static func binaryValue(from position: Int, limit: Int, bar: BarLayout.Bar) -> NoteValue {
    let span = limit - position
    let offset = position - bar.start
    let beat = bar.beat
    let candidates: [(length: Int, type: String, dots: Int)]
    if offset % beat == 0 {
      let onBeat = binary.filter {
        $0.length <= span && ((offset + $0.length) % beat == 0 || $0.length == span)
      }
      candidates = onBeat.isEmpty ? binary.filter { $0.length <= span } : onBeat
    } else {
      let toBeat = min(span, beat - offset % beat)
      candidates = binary.filter { $0.length <= toBeat }
    }
    guard let best = candidates.first else {
      // Only off-grid input reaches here (the quantiser keeps every boundary on the grid).
      return NoteValue(start: position, length: span, type: "16th", dots: 0, triplet: false)
    }
    return NoteValue(
      start: position, length: best.length, type: best.type, dots: best.dots, triplet: false)
  }
}

import Theory

/// A note on the notation grid, in units (twelfths of a quarter note).
struct GridNote: Sendable, Hashable {
  var start: Int
  var end: Int
  var pitch: Pitch
  var velocity: Int
}

/// Moves a part's notes onto a notation grid.
///
/// Each quarter note of a simple metre gets either the sixteenth grid or the eighth-note triplet grid,
/// whichever its note onsets sit closer to: triplets win only when they fit at least twice as well and
/// the sixteenth grid misses by more than a twentieth of a beat in all, so humanised straight
/// playing stays straight and mild lo-fi swing (ratio below about 0.6) reads as straight eighths, as
/// players write it, while triplet swing (0.67) and real triplets become tuplets. Compound metres use
/// the sixteenth grid (their eighths already carry the lilt). Note ends snap to the grid of their own
/// quarter; a note never becomes shorter than one grid step. Gaps of one grid step or less before the
/// next onset are closed (short gaps are articulation, not rests), and a note overlapping the next
/// onset by less than half its length ends there (legato overlap, not a second voice).
enum Quantizer {
  static func quantize(_ notes: [NoteEvent], layout: BarLayout) -> [GridNote] {
    guard !notes.isEmpty else { return [] }
    let tripletQuarters = self.tripletQuarters(notes, layout: layout)
    func snap(_ exact: Double) -> Int {
      let quarter = Int((exact / 12).rounded(.down))
      let step = tripletQuarters.contains(quarter) ? 4 : 3
      return Int((exact / Double(step)).rounded()) * step
    }
    var out: [GridNote] = notes.map { note in
      let start = max(0, snap(layout.exactUnits(note.start)))
      let quarter = start / 12
      let step = tripletQuarters.contains(quarter) ? 4 : 3
      let end = max(start + step, snap(layout.exactUnits(note.start + note.duration)))
      return GridNote(start: start, end: end, pitch: note.pitch, velocity: note.velocity)
    }
    out.sort { ($0.start, -$0.pitch.midi) < ($1.start, -$1.pitch.midi) }
    let onsets = Array(Set(out.map(\.start))).sorted()
    for index in out.indices {
      // The first onset after this note's start.
      guard let next = onsets.first(where: { $0 > out[index].start }) else { continue }
      let note = out[index]
      // One grid step: a sixteenth, or a triplet eighth inside a triplet quarter.
      let step = tripletQuarters.contains(note.end / 12) ? 4 : 3
      if note.end < next, next - note.end <= step {
        out[index].end = next
      } else if note.end > next, (note.end - next) * 2 < note.end - note.start {
        out[index].end = next
      }
    }
    return out
  }

  /// Quarters (by index from the start) whose onsets sit on the triplet grid.
  static func tripletQuarters(_ notes: [NoteEvent], layout: BarLayout) -> Set<Int> {
    var onsetsByQuarter: [Int: [Double]] = [:]
    for note in notes {
      let exact = layout.exactUnits(note.start)
      let quarter = Int((exact / 12).rounded(.down))
      guard let bar = layout.bar(containing: Int(exact)), bar.allowsTriplets else { continue }
      onsetsByQuarter[quarter, default: []].append(exact)
    }
    var triplets: Set<Int> = []
    for (quarter, onsets) in onsetsByQuarter {
      let binary = onsets.reduce(0) { $0 + abs($1 - ($1 / 3).rounded() * 3) }
      let triplet = onsets.reduce(0) { $0 + abs($1 - ($1 / 4).rounded() * 4) }
      if triplet * 2 < binary, binary > 0.6 { triplets.insert(quarter) }
    }
    return triplets
  }

  /// The top line of a part: at each onset only the highest note, each ending at the next onset at the
  /// latest, so a polyphonic track can stand as a melody.
  static func skyline(_ notes: [GridNote]) -> [GridNote] {
    var top: [GridNote] = []
    for note in notes.sorted(by: { ($0.start, -$0.pitch.midi) < ($1.start, -$1.pitch.midi) }) {
      if let last = top.last, last.start == note.start { continue }
      if let last = top.last, last.end > note.start {
        top[top.count - 1].end = note.start
      }
      top.append(note)
    }
    return top
  }
}

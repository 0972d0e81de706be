import Theory

/// Notes that start and end together (one chord, or one note) in one voice of a part.
struct VoiceEvent: Sendable, Hashable {
  var start: Int
  var end: Int
  /// Highest first.
  var notes: [GridNote]
}

/// Splits a part's grid notes into voices, MusicXML-style: notes that start and end together share a
/// chord, a note that overlaps another without matching it goes to the next free voice (at most four;
/// past that, the earlier note is cut where the new one starts).
enum Voices {
  static let maximum = 4

  static func split(_ notes: [GridNote]) -> [[VoiceEvent]] {
    var voices: [[VoiceEvent]] = []
    for note in notes.sorted(by: { ($0.start, -$0.pitch.midi) < ($1.start, -$1.pitch.midi) }) {
      if let v = voices.firstIndex(where: {
        $0.last.map { $0.start == note.start && $0.end == note.end } ?? false
      }) {
        if !voices[v][voices[v].count - 1].notes.contains(where: { $0.pitch == note.pitch }) {
          voices[v][voices[v].count - 1].notes.append(note)
        }
      } else if let v = voices.firstIndex(where: { ($0.last?.end ?? 0) <= note.start }) {
        voices[v].append(VoiceEvent(start: note.start, end: note.end, notes: [note]))
      } else if voices.count < maximum {
        voices.append([VoiceEvent(start: note.start, end: note.end, notes: [note])])
      } else if let v = voices.firstIndex(where: { $0.last!.start < note.start }) {
        voices[v][voices[v].count - 1].end = note.start
        voices[v].append(VoiceEvent(start: note.start, end: note.end, notes: [note]))
      }
      // Otherwise four chords already start here with other lengths: the note is a doubling, left out.
    }
    return voices
  }

  /// Drum notes as one voice: everything struck together is one chord, lasting until the next stroke
  /// or the end of its bar (drum notes are never tied; the notated length only fills the time).
  static func drums(_ notes: [GridNote], layout: BarLayout) -> [[VoiceEvent]] {
    let byStart = Dictionary(grouping: notes, by: \.start)
    let starts = byStart.keys.sorted()
    var events: [VoiceEvent] = []
    for (index, start) in starts.enumerated() {
      let barEnd = layout.bar(containing: start)?.end ?? start + 12
      let next = index + 1 < starts.count ? starts[index + 1] : barEnd
      var pitches: [GridNote] = []
      for note in byStart[start]!.sorted(by: { $0.pitch > $1.pitch })
      where !pitches.contains(where: { $0.pitch == note.pitch }) {
        pitches.append(note)
      }
      events.append(VoiceEvent(start: start, end: min(next, barEnd), notes: pitches))
    }
    return events.isEmpty ? [] : [events]
  }
}

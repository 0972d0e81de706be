import Foundation
import Theory

/// A score together with the marker texts of its file (chord symbols, section names, rehearsal marks).
///
/// ``MIDIFile/decode(_:name:)`` keeps only what a ``Theory/Score`` has room for; lead sheets and piano rolls
/// also want the file's markers, so ``MIDIFile/readMarked(path:)`` returns both from one read.
public struct MarkedScore: Sendable, Hashable {
  public var score: Score
  /// Marker and cue-point meta events of every track, by tick (ties keep file order).
  public var markers: [ScoreMarker]

  public init(score: Score, markers: [ScoreMarker]) {
    self.score = score
    self.markers = markers
  }

  /// The score with its harmony filled in from chord-symbol markers when it has none of its own
  /// (a file moodsketch wrote carries its chords as markers).
  public var scoreWithMarkedChords: Score {
    guard score.chords.isEmpty else { return score }
    var copy = score
    copy.chords = ScoreMarker.chordSpans(
      from: markers, in: score.initialKey ?? Key(NoteClass(.C)), endTick: score.endTick)
    return copy
  }

  /// The markers that name sections rather than chords.
  public var sections: [ScoreMarker] { ScoreMarker.sections(from: markers) }
}

extension MIDIFile {
  /// Reads a file's score and its markers in one pass over the bytes.
  ///
  /// - Throws: the errors of ``read(path:)``.
  public static func readMarked(path: String) throws -> MarkedScore {
    let data = try bytes(path: path)
    let chunks = try ChunkParser.parse([UInt8](data), path: path)
    var markers: [(order: Int, marker: ScoreMarker)] = []
    for chunk in chunks.tracks {
      for timed in chunk.events {
        guard case .meta(let type, let bytes) = timed.event,
          type == MetaType.marker || type == MetaType.cuePoint
        else { continue }
        let text =
          (String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: .isoLatin1) ?? "")
          .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0")))
        if !text.isEmpty {
          markers.append((markers.count, ScoreMarker(tick: timed.tick, text: text)))
        }
      }
    }
    let sorted = markers.sorted { ($0.marker.tick, $0.order) < ($1.marker.tick, $1.order) }
    return MarkedScore(score: ScoreBuilder.score(from: chunks), markers: sorted.map(\.marker))
  }
}

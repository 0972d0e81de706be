import Foundation
import Theory

/// A melody note placed on the metric grid, with the harmony and key around it: what the melody
/// model learns from.
public struct MelodyNote: Sendable, Hashable, Codable {
  /// Onset in sixteenth notes from the start of the song's first bar.
  public var onset16: Int
  /// Onset in sixteenths from the start of its bar.
  public var position16: Int
  /// Bar length in sixteenths (16 in 4/4).
  public var barLength16: Int
  /// Written length in sixteenths (at least 1).
  public var length16: Int
  public var pitch: Int
  /// The chord under the note's onset, if annotated.
  public var chord: Chord?
  /// Key (major or minor) at the onset.
  public var key: Key
}

extension Pop909Song {
  /// The notes of the score's melody track (named `MELODY`, as in every POP909 file) on a
  /// sixteenth-note grid built from the annotated beats and downbeats.
  ///
  /// - Parameter score: the song's MIDI file, read by the caller (Compose does not read MIDI).
  public func melodyNotes(from score: Score) -> [MelodyNote] {
    guard let track = score.tracks.first(where: { $0.name.uppercased() == "MELODY" }),
      downbeatIndices.count >= 2
    else { return [] }
    let first = downbeatIndices[0]
    var result: [MelodyNote] = []
    var lastOnset = Int.min
    for note in track.notes.sorted(by: { ($0.start, -$0.pitch.midi) < ($1.start, -$1.pitch.midi) })
    {
      let t0 = score.seconds(atTick: note.start)
      let t1 = score.seconds(atTick: note.start + note.duration)
      let b0 = beatPosition(at: t0)
      let b1 = beatPosition(at: t1)
      let onset16 = Int((b0 * 4).rounded()) - first * 4
      // Keep the top note of any chordal onset: the melody line is what is sung.
      guard onset16 >= 0, onset16 > lastOnset, let key = key(at: t0) else { continue }
      lastOnset = onset16
      // The bar containing the onset: the last downbeat at or before it.
      let beatIndex = Double(onset16) / 4 + Double(first)
      var barIndex = 0
      var lo = 0
      var hi = downbeatIndices.count - 1
      while lo <= hi {
        let mid = (lo + hi) / 2
        if Double(downbeatIndices[mid]) <= beatIndex + 1e-9 {
          barIndex = mid
          lo = mid + 1
        } else {
          hi = mid - 1
        }
      }
      let barStartBeat = downbeatIndices[barIndex]
      let barBeats =
        barIndex + 1 < downbeatIndices.count ? downbeatIndices[barIndex + 1] - barStartBeat : 4
      let position16 = onset16 - (barStartBeat - first) * 4
      let length16 = max(1, Int(((b1 - b0) * 4).rounded()))
      result.append(
        MelodyNote(
          onset16: onset16, position16: position16, barLength16: max(4, barBeats * 4),
          length16: length16,
          pitch: note.pitch.midi, chord: chord(at: t0 + 0.01), key: key))
    }
    return result
  }
}

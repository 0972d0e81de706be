import Foundation
import Theory

/// Interprets track chunks as music: the tempo, meter and key maps, and one ``Track`` per
/// (track chunk, channel) with notes paired from note-on/note-off events.
enum ScoreBuilder {
  static func score(from file: SMFFileChunks) -> Score {
    var score = Score(ticksPerQuarter: file.ticksPerQuarter)
    collectConductorEvents(file, into: &score)

    // A format 1 file's first chunk without notes is the conductor track; its name is the song title.
    let names = file.tracks.map(trackName)
    let firstHasNotes = file.tracks.first.map(hasNotes) ?? false
    if file.format == 0 || (file.tracks.count > 1 && !firstHasNotes) {
      score.title = names.first ?? nil
    }

    var parts: [Part] = []
    for (index, chunk) in file.tracks.enumerated() {
      parts += splitByChannel(chunk, chunkIndex: index)
    }
    let playing = parts.filter { !$0.notes.isEmpty }
    var controlsByPart = playing.map(\.controls)
    // Channel state is shared by all tracks: a set-up track that only sends program changes or
    // controllers for a channel affects the notes another track plays on it, so its events join
    // the first track that plays on that channel instead of being dropped.
    for part in parts where part.notes.isEmpty {
      if let target = playing.firstIndex(where: { $0.channel == part.channel }) {
        controlsByPart[target] = stableSortedByTick(part.controls + controlsByPart[target])
      }
    }

    let channelsPerChunk = Dictionary(grouping: playing, by: \.chunkIndex).mapValues(\.count)
    for (index, part) in playing.enumerated() {
      let split = (channelsPerChunk[part.chunkIndex] ?? 1) > 1
      let name: String =
        switch (names[part.chunkIndex], split) {
        case (let name?, false): name
        case (let name?, true): "\(name) (channel \(part.channel + 1))"
        case (nil, true): "Channel \(part.channel + 1)"
        case (nil, false): "Track \(part.chunkIndex + 1)"
        }
      let (program, controls) = initialProgram(
        controlsByPart[index], firstNote: part.notes[0].start)
      score.tracks.append(
        Track(
          name: name, program: program, channel: part.channel, notes: part.notes, controls: controls
        ))
    }
    return score
  }

  /// The notes and other channel events of one channel within one track chunk.
  private struct Part {
    var chunkIndex: Int
    var channel: Int
    var notes: [NoteEvent] = []
    var controls: [ControlEvent] = []
  }

  /// Pairs each note-off (or note-on with velocity 0) with the oldest sounding note of the same
  /// pitch (first in, first out, as most players do); notes never closed end at the track's end.
  private static func splitByChannel(_ chunk: SMFTrackChunk, chunkIndex: Int) -> [Part] {
    // Indexed by channel and mutated in place: copying a part out of a dictionary per event would copy
    // its whole note list each time.
    var parts = (0..<16).map { Part(chunkIndex: chunkIndex, channel: $0) }
    var used = [Bool](repeating: false, count: 16)
    // Sounding notes by channel * 128 + pitch: indices into that channel's notes, oldest first.
    var sounding = [[Int]](repeating: [], count: 16 * 128)
    for timed in chunk.events {
      guard case .channel(let status, let ch, let data1, let data2) = timed.event else { continue }
      let channel = Int(ch)
      used[channel] = true
      let key = channel * 128 + Int(data1)
      switch status {
      case ChannelStatus.noteOn where data2 > 0:
        sounding[key].append(parts[channel].notes.count)
        parts[channel].notes.append(
          NoteEvent(start: timed.tick, duration: 0, pitch: Pitch(Int(data1)), velocity: Int(data2)))
      case ChannelStatus.noteOn, ChannelStatus.noteOff:
        // A note-off with nothing sounding is harmless and common (a "panic" at the end); skip it.
        if !sounding[key].isEmpty {
          let index = sounding[key].removeFirst()
          parts[channel].notes[index].duration = timed.tick - parts[channel].notes[index].start
        }
      case ChannelStatus.polyPressure:
        parts[channel].controls.append(
          ControlEvent(tick: timed.tick, kind: .polyPressure, number: Int(data1), value: Int(data2))
        )
      case ChannelStatus.controller:
        parts[channel].controls.append(
          ControlEvent(tick: timed.tick, kind: .controller, number: Int(data1), value: Int(data2)))
      case ChannelStatus.programChange:
        parts[channel].controls.append(
          ControlEvent(tick: timed.tick, kind: .programChange, number: Int(data1), value: 0))
      case ChannelStatus.channelPressure:
        parts[channel].controls.append(
          ControlEvent(tick: timed.tick, kind: .channelPressure, number: 0, value: Int(data1)))
      default:  // pitch bend: 14 bits, least significant 7 first
        parts[channel].controls.append(
          ControlEvent(
            tick: timed.tick, kind: .pitchBend, number: 0, value: Int(data1) | Int(data2) << 7))
      }
    }
    for key in sounding.indices where !sounding[key].isEmpty {
      for index in sounding[key] {
        parts[key / 128].notes[index].duration = max(
          0, chunk.endTick - parts[key / 128].notes[index].start)
      }
    }
    return (0..<16).filter { used[$0] }.map { parts[$0] }
  }

  /// The program sounding when the first note starts (0 if none was set by then). Program changes up to
  /// that moment are folded into it; later ones stay in the controls so the instrument still changes.
  private static func initialProgram(_ controls: [ControlEvent], firstNote: Int) -> (
    Int, [ControlEvent]
  ) {
    var program = 0
    var rest: [ControlEvent] = []
    for control in controls {
      if control.kind == .programChange, control.tick <= firstNote {
        program = control.number
      } else {
        rest.append(control)
      }
    }
    return (program, rest)
  }

  /// Tempo, time signature and key signature events from every track (most files keep them in the
  /// first, but format 0 and some tools put them elsewhere). At one tick the last event wins, as in playback.
  private static func collectConductorEvents(_ file: SMFFileChunks, into score: inout Score) {
    var tempos: [Int: TempoChange] = [:]
    var meters: [Int: MeterChange] = [:]
    var keys: [Int: KeyChange] = [:]
    for chunk in file.tracks {
      for timed in chunk.events {
        guard case .meta(let type, let bytes) = timed.event else { continue }
        switch type {
        case MetaType.tempo where bytes.count >= 3:
          let microsecondsPerQuarter = Int(bytes[0]) << 16 | Int(bytes[1]) << 8 | Int(bytes[2])
          if microsecondsPerQuarter > 0 {
            tempos[timed.tick] = TempoChange(
              tick: timed.tick, bpm: 60_000_000 / Double(microsecondsPerQuarter))
          }
        case MetaType.timeSignature where bytes.count >= 2 && bytes[0] > 0 && bytes[1] <= 6:
          meters[timed.tick] = MeterChange(
            tick: timed.tick, meter: Meter(Int(bytes[0]), 1 << Int(bytes[1])))
        case MetaType.keySignature:
          if let signature = KeySignature(metaBytes: bytes) {
            keys[timed.tick] = KeyChange(tick: timed.tick, key: signature.key)
          }
        default: break
        }
      }
    }
    score.tempos = tempos.keys.sorted().compactMap { tempos[$0] }
    score.meters = meters.keys.sorted().compactMap { meters[$0] }
    score.keys = keys.keys.sorted().compactMap { keys[$0] }
  }

  private static func hasNotes(_ chunk: SMFTrackChunk) -> Bool {
    chunk.events.contains {
      if case .channel(ChannelStatus.noteOn, _, _, let velocity) = $0.event { return velocity > 0 }
      return false
    }
  }

  /// The first non-empty track name meta event. Old files often use Latin-1 rather than UTF-8.
  private static func trackName(_ chunk: SMFTrackChunk) -> String? {
    for timed in chunk.events {
      guard case .meta(MetaType.trackName, let bytes) = timed.event else { continue }
      let text =
        String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: .isoLatin1) ?? ""
      let trimmed = text.trimmingCharacters(
        in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0")))
      if !trimmed.isEmpty { return trimmed }
    }
    return nil
  }

  private static func stableSortedByTick(_ controls: [ControlEvent]) -> [ControlEvent] {
    controls.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }
      .map(\.element)
  }
}

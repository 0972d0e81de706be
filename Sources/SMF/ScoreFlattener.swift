import Foundation
import Theory

/// Turns a ``Score`` into track chunks: a conductor track (title, time signatures, key signatures,
/// tempos, chord markers) followed by one track per ``Track``.
enum ScoreFlattener {
  static func chunks(for score: Score, format: Int) -> SMFFileChunks {
    let conductor = conductorEvents(score)
    let parts = score.tracks.map(trackEvents)
    let end = score.endTick
    if format == 0 {
      // One track holds everything; per-part names would be ambiguous there, so only the title stays.
      let merged = ordered(conductor + parts.flatMap { $0.filter { $0.priority != Priority.name } })
      return SMFFileChunks(
        format: 0, ticksPerQuarter: score.ticksPerQuarter,
        tracks: [SMFTrackChunk(events: merged, endTick: max(end, merged.last?.tick ?? 0))])
    }
    var tracks = [
      SMFTrackChunk(events: ordered(conductor), endTick: max(end, conductor.map(\.tick).max() ?? 0))
    ]
    for events in parts {
      let sorted = ordered(events)
      tracks.append(SMFTrackChunk(events: sorted, endTick: sorted.last?.tick ?? 0))
    }
    return SMFFileChunks(format: 1, ticksPerQuarter: score.ticksPerQuarter, tracks: tracks)
  }

  /// Order of events that share a tick. Notes that end are released before new ones start so a repeated
  /// note retriggers; controllers (bank select first) precede the program change, which precedes the notes
  /// it colours; a zero-length note's release must follow its own start.
  enum Priority {
    static let name = 0
    static let meter = 1
    static let key = 2
    static let tempo = 3
    static let marker = 4
    static let noteOff = 5
    static let control = 6
    static let program = 7
    static let noteOn = 8
    static let zeroLengthNoteOff = 9
  }

  struct Entry {
    var tick: Int
    var priority: Int
    var event: SMFEvent
  }

  private static func ordered(_ entries: [Entry]) -> [TimedEvent] {
    entries.enumerated()
      .sorted {
        ($0.element.tick, $0.element.priority, $0.offset) < (
          $1.element.tick, $1.element.priority, $1.offset
        )
      }
      .map { TimedEvent(tick: max(0, $0.element.tick), event: $0.element.event) }
  }

  private static func conductorEvents(_ score: Score) -> [Entry] {
    var entries: [Entry] = []
    if let title = score.title, !title.isEmpty {
      entries.append(
        Entry(
          tick: 0, priority: Priority.name,
          event: .meta(type: MetaType.trackName, bytes: Array(title.utf8))))
    }
    for change in score.meters {
      let denominator = change.meter.denominator
      // The denominator is stored as a power of two; anything else cannot be written.
      guard denominator > 0, denominator & (denominator - 1) == 0, denominator <= 64 else {
        continue
      }
      let power = denominator.trailingZeroBitCount
      // MIDI clocks (24 per quarter) per metronome click: one felt beat (a dotted quarter in 6/8).
      let unitClocks = 96 / denominator
      let clocks = change.meter.isCompound ? unitClocks * 3 : unitClocks
      let bytes: [UInt8] = [
        UInt8(clamping: change.meter.numerator), UInt8(power), UInt8(clamping: max(1, clocks)), 8,
      ]
      entries.append(
        Entry(
          tick: change.tick, priority: Priority.meter,
          event: .meta(type: MetaType.timeSignature, bytes: bytes)))
    }
    for change in score.keys {
      let bytes = KeySignature(change.key).metaBytes
      entries.append(
        Entry(
          tick: change.tick, priority: Priority.key,
          event: .meta(type: MetaType.keySignature, bytes: bytes)))
    }
    for change in score.tempos where change.bpm > 0 {
      let micros = min(0xFF_FFFF, max(1, Int((60_000_000 / change.bpm).rounded())))
      let bytes: [UInt8] = [
        UInt8(micros >> 16 & 0xFF), UInt8(micros >> 8 & 0xFF), UInt8(micros & 0xFF),
      ]
      entries.append(
        Entry(
          tick: change.tick, priority: Priority.tempo,
          event: .meta(type: MetaType.tempo, bytes: bytes)))
    }
    // Chord symbols as markers show the progression on a DAW's timeline.
    for span in score.chords {
      entries.append(
        Entry(
          tick: span.start, priority: Priority.marker,
          event: .meta(type: MetaType.marker, bytes: Array(span.chord.symbol.utf8))))
    }
    // Section names as markers too; readers tell them from chords because they are not chord symbols.
    for section in score.sections {
      entries.append(
        Entry(
          tick: section.tick, priority: Priority.marker,
          event: .meta(type: MetaType.marker, bytes: Array(section.text.utf8))))
    }
    return entries
  }

  private static func trackEvents(_ track: Track) -> [Entry] {
    let channel = UInt8(clamping: max(0, min(15, track.channel)))
    func data(_ value: Int) -> UInt8 { UInt8(max(0, min(127, value))) }
    func bend(_ value: Int) -> Int { max(0, min(16383, value)) }
    var entries: [Entry] = []
    if !track.name.isEmpty {
      entries.append(
        Entry(
          tick: 0, priority: Priority.name,
          event: .meta(type: MetaType.trackName, bytes: Array(track.name.utf8))))
    }
    // GM drums ignore the program (it selects a kit on GS/XG synths), so only a chosen kit is written.
    if !track.isDrums || track.program != 0 {
      entries.append(
        Entry(
          tick: 0, priority: Priority.program,
          event: .channel(
            status: ChannelStatus.programChange, channel: channel, data1: data(track.program),
            data2: 0)))
    }
    for control in track.controls {
      let event: SMFEvent =
        switch control.kind {
        case .controller:
          .channel(
            status: ChannelStatus.controller, channel: channel, data1: data(control.number),
            data2: data(control.value))
        case .programChange:
          .channel(
            status: ChannelStatus.programChange, channel: channel, data1: data(control.number),
            data2: 0)
        case .channelPressure:
          .channel(
            status: ChannelStatus.channelPressure, channel: channel, data1: data(control.value),
            data2: 0)
        case .polyPressure:
          .channel(
            status: ChannelStatus.polyPressure, channel: channel, data1: data(control.number),
            data2: data(control.value))
        case .pitchBend:
          .channel(
            status: ChannelStatus.pitchBend, channel: channel,
            data1: UInt8(bend(control.value) & 0x7F),
            data2: UInt8(bend(control.value) >> 7))
        }
      entries.append(
        Entry(
          tick: control.tick,
          priority: control.kind == .programChange ? Priority.program : Priority.control,
          event: event))
    }
    // Same start and pitch: the shorter note first, so first-in-first-out pairing gives back the same notes.
    let notes = track.notes.filter { $0.pitch.isValidMIDI }.sorted {
      ($0.start, $0.pitch.midi, $0.duration, $0.velocity) < (
        $1.start, $1.pitch.midi, $1.duration, $1.velocity
      )
    }
    for note in notes {
      let pitch = UInt8(note.pitch.midi)
      entries.append(
        Entry(
          tick: note.start, priority: Priority.noteOn,
          event: .channel(
            status: ChannelStatus.noteOn, channel: channel, data1: pitch,
            data2: UInt8(max(1, min(127, note.velocity))))))
    }
    let releases = notes.sorted {
      ($0.start + max(0, $0.duration), $0.pitch.midi, $0.start) < (
        $1.start + max(0, $1.duration), $1.pitch.midi, $1.start
      )
    }
    for note in releases {
      let duration = max(0, note.duration)
      entries.append(
        Entry(
          tick: note.start + duration,
          priority: duration == 0 ? Priority.zeroLengthNoteOff : Priority.noteOff,
          event: .channel(
            status: ChannelStatus.noteOff, channel: channel, data1: UInt8(note.pitch.midi),
            data2: 64)))
    }
    return entries
  }
}

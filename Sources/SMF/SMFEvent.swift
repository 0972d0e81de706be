/// One event inside a track chunk, as the file spells it (before it is interpreted as music).
enum SMFEvent: Sendable, Hashable {
  /// A channel voice message: `status` is the high nibble (0x80 note-off … 0xE0 pitch bend),
  /// `channel` 0–15, `data2` is 0 for the one-data-byte messages (program change, channel pressure).
  case channel(status: UInt8, channel: UInt8, data1: UInt8, data2: UInt8)
  /// A system exclusive message. `escape` is true for an `F7` packet (a continuation or a raw escape),
  /// false for an `F0` message; `bytes` are the payload after the length.
  case sysex(escape: Bool, bytes: [UInt8])
  /// A meta event (`FF type length bytes`): tempo, time signature, track name, end of track, …
  case meta(type: UInt8, bytes: [UInt8])
  /// A system common or real-time message found in a track (`F1`–`F6`, `F8`–`FE`); not valid in a
  /// Standard MIDI File but written by some tools, so it is read and otherwise ignored.
  case system(status: UInt8, bytes: [UInt8])

  /// Number of data bytes a channel message with this status nibble carries.
  static func dataLength(ofChannelStatus status: UInt8) -> Int {
    status == 0xC0 || status == 0xD0 ? 1 : 2
  }

  /// Number of data bytes of a system common / real-time status byte.
  static func dataLength(ofSystemStatus status: UInt8) -> Int {
    switch status {
    case 0xF1, 0xF3: 1
    case 0xF2: 2
    default: 0
    }
  }
}

/// Meta event type numbers used by moodsketch (Standard MIDI File 1.0, "Meta-Events").
enum MetaType {
  static let text: UInt8 = 0x01
  static let copyright: UInt8 = 0x02
  static let trackName: UInt8 = 0x03
  static let marker: UInt8 = 0x06
  static let cuePoint: UInt8 = 0x07
  static let endOfTrack: UInt8 = 0x2F
  static let tempo: UInt8 = 0x51
  static let timeSignature: UInt8 = 0x58
  static let keySignature: UInt8 = 0x59
}

/// Channel message status nibbles.
enum ChannelStatus {
  static let noteOff: UInt8 = 0x80
  static let noteOn: UInt8 = 0x90
  static let polyPressure: UInt8 = 0xA0
  static let controller: UInt8 = 0xB0
  static let programChange: UInt8 = 0xC0
  static let channelPressure: UInt8 = 0xD0
  static let pitchBend: UInt8 = 0xE0
}

/// An event at an absolute time in ticks from the start of its track.
struct TimedEvent: Sendable, Hashable {
  var tick: Int
  var event: SMFEvent
}

/// One `MTrk` chunk: its events in file order, and the tick of its End of Track (or last event).
struct SMFTrackChunk: Sendable, Hashable {
  var events: [TimedEvent]
  var endTick: Int
}

/// A whole file at the byte level: header fields and track chunks.
struct SMFFileChunks: Sendable, Hashable {
  /// 0 (one multi-channel track), 1 (simultaneous tracks) or 2 (independent sequences).
  var format: Int
  var ticksPerQuarter: Int
  var tracks: [SMFTrackChunk]
}

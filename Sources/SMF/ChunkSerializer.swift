/// Turns header fields and track events back into bytes: delta times as variable-length
/// quantities, running status for consecutive channel messages of the same status, and an
/// End of Track on every track.
enum ChunkSerializer {
  static func serialize(_ file: SMFFileChunks) -> [UInt8] {
    var out: [UInt8] = Array("MThd".utf8) + ByteWriter.u32(6)
    out += ByteWriter.u16(file.format)
    out += ByteWriter.u16(file.tracks.count)
    out += ByteWriter.u16(max(1, min(file.ticksPerQuarter, 0x7FFF)))
    for track in file.tracks {
      out += Array("MTrk".utf8)
      let lengthOffset = out.count
      out += [0, 0, 0, 0]
      append(track, to: &out)
      let length = out.count - lengthOffset - 4
      out.replaceSubrange(lengthOffset..<lengthOffset + 4, with: ByteWriter.u32(length))
    }
    return out
  }

  /// A track body alone (events must already be in time order; `endTick` is clamped to the last event).
  static func serialize(_ track: SMFTrackChunk) -> [UInt8] {
    var out: [UInt8] = []
    append(track, to: &out)
    return out
  }

  private static func append(_ track: SMFTrackChunk, to out: inout [UInt8]) {
    out.reserveCapacity(out.count + track.events.count * 4 + 4)
    var lastTick = 0
    var runningStatus: UInt8?
    for timed in track.events {
      let tick = max(timed.tick, lastTick)
      ByteWriter.appendVariableLength(tick - lastTick, to: &out)
      lastTick = tick
      switch timed.event {
      case .channel(let status, let channel, let data1, let data2):
        let statusByte = status & 0xF0 | channel & 0x0F
        if statusByte != runningStatus { out.append(statusByte) }
        runningStatus = statusByte
        out.append(data1 & 0x7F)
        if SMFEvent.dataLength(ofChannelStatus: status & 0xF0) == 2 { out.append(data2 & 0x7F) }
      case .meta(let type, let bytes):
        // The specification says meta and sysex events cancel running status; readers that follow it
        // would misread a data byte after them, so the next channel message repeats its status.
        runningStatus = nil
        out.append(0xFF)
        out.append(type)
        ByteWriter.appendVariableLength(bytes.count, to: &out)
        out.append(contentsOf: bytes)
      case .sysex(let escape, let bytes):
        runningStatus = nil
        out.append(escape ? 0xF7 : 0xF0)
        ByteWriter.appendVariableLength(bytes.count, to: &out)
        out.append(contentsOf: bytes)
      case .system(let status, let bytes):
        runningStatus = nil
        out.append(status)
        out.append(contentsOf: bytes)
      }
    }
    ByteWriter.appendVariableLength(max(track.endTick, lastTick) - lastTick, to: &out)
    out.append(contentsOf: [0xFF, MetaType.endOfTrack, 0x00])
  }
}

/// Splits a file's bytes into the header and its track events (the byte level of the format).
///
/// Follows the Standard MIDI File 1.0 specification, and is lenient where real files commonly
/// break it without losing music: unknown chunks are skipped, a track without End of Track ends at
/// its last event, running status survives meta and sysex events (as in mido and most players),
/// and bytes after End of Track are ignored.
enum ChunkParser {
  static func parse(_ bytes: [UInt8], path: String) throws -> SMFFileChunks {
    guard !bytes.isEmpty else { throw SMFError.empty(path: path) }
    var reader = ByteReader(bytes: bytes, path: path)
    reader.offset = try headerStart(in: bytes, path: path)

    // MThd: length, format, track count, division.
    try reader.skip(4)
    let headerLength = try reader.u32()
    guard headerLength >= 6 else {
      throw SMFError.malformed(
        path: path, reason: "the MThd header is \(headerLength) bytes long, expected 6")
    }
    let headerEnd = reader.offset + headerLength
    let format = try reader.u16()
    let declaredTracks = try reader.u16()
    let division = try reader.u16()
    guard format <= 2 else {
      throw SMFError.malformed(path: path, reason: "unknown format \(format) (expected 0, 1 or 2)")
    }
    guard division & 0x8000 == 0 else { throw SMFError.smpteTiming(path: path) }
    guard division > 0 else {
      throw SMFError.malformed(path: path, reason: "the header gives 0 ticks per quarter note")
    }
    try reader.skip(headerEnd - reader.offset)

    var tracks: [SMFTrackChunk] = []
    while tracks.count < declaredTracks {
      guard !reader.isAtEnd else {
        // The header promised more tracks than the file holds: it was cut at a chunk boundary.
        throw SMFError.truncated(path: path, at: bytes.count)
      }
      let id = try reader.take(4)
      let length = try reader.u32()
      let start = reader.offset
      guard start + length <= bytes.count else {
        throw SMFError.truncated(path: path, at: bytes.count)
      }
      if id == Array("MTrk".utf8) {
        tracks.append(try parseTrack(bytes, path: path, from: start, to: start + length))
      } else if !id.allSatisfy({ (0x20...0x7E).contains($0) }) {
        throw SMFError.malformed(path: path, reason: "expected a track chunk at byte \(start - 8)")
      }
      reader.offset = start + length
    }
    return SMFFileChunks(format: format, ticksPerQuarter: division, tracks: tracks)
  }

  /// Where `MThd` starts: 0, or inside the `data` chunk of a RIFF `RMID` file (the Windows wrapper).
  private static func headerStart(in bytes: [UInt8], path: String) throws -> Int {
    let mthd = Array("MThd".utf8)
    if bytes.starts(with: mthd) { return 0 }
    if bytes.count >= 20, bytes.starts(with: Array("RIFF".utf8)),
      Array(bytes[8..<12]) == Array("RMID".utf8)
    {
      var reader = ByteReader(bytes: bytes, path: path, offset: 12)
      while reader.offset + 8 <= bytes.count {
        let id = try reader.take(4)
        let length = try reader.u32()
        if id == Array("data".utf8) {
          guard reader.offset + 4 <= bytes.count,
            Array(bytes[reader.offset..<reader.offset + 4]) == mthd
          else { break }
          return reader.offset
        }
        reader.offset += length + (length & 1)
      }
    }
    throw SMFError.notMIDI(path: path)
  }

  private static func parseTrack(_ bytes: [UInt8], path: String, from start: Int, to end: Int)
    throws -> SMFTrackChunk
  {
    var reader = ByteReader(bytes: bytes, path: path, offset: start, limit: end)
    var events: [TimedEvent] = []
    var tick = 0
    var runningStatus: UInt8?
    while !reader.isAtEnd {
      tick += try reader.variableLength()
      let eventOffset = reader.offset
      var status = try reader.peek()
      if status < 0x80 {
        guard let running = runningStatus else {
          throw SMFError.malformed(
            path: path,
            reason: "data byte at \(eventOffset) without a status byte (running status unset)")
        }
        status = running
      } else {
        reader.offset += 1
      }
      switch status {
      case 0xFF:
        let type = try reader.u8()
        let data = try reader.take(try reader.variableLength())
        if type == MetaType.endOfTrack { return SMFTrackChunk(events: events, endTick: tick) }
        events.append(TimedEvent(tick: tick, event: .meta(type: type, bytes: data)))
      case 0xF0, 0xF7:
        let data = try reader.take(try reader.variableLength())
        events.append(TimedEvent(tick: tick, event: .sysex(escape: status == 0xF7, bytes: data)))
      case 0xF1...0xFE:
        let data = try reader.take(SMFEvent.dataLength(ofSystemStatus: status))
        events.append(TimedEvent(tick: tick, event: .system(status: status, bytes: data)))
      default:
        runningStatus = status
        let kind = status & 0xF0
        let data1 = try dataByte(&reader, path: path)
        let data2 =
          SMFEvent.dataLength(ofChannelStatus: kind) == 2 ? try dataByte(&reader, path: path) : 0
        events.append(
          TimedEvent(
            tick: tick,
            event: .channel(status: kind, channel: status & 0x0F, data1: data1, data2: data2)))
      }
    }
    return SMFTrackChunk(events: events, endTick: tick)
  }

  private static func dataByte(_ reader: inout ByteReader, path: String) throws -> UInt8 {
    let offset = reader.offset
    let byte = try reader.u8()
    guard byte < 0x80 else {
      throw SMFError.malformed(
        path: path,
        reason: "status byte 0x\(String(byte, radix: 16)) at \(offset) where a data byte belongs")
    }
    return byte
  }
}

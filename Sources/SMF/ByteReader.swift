import Foundation

/// Reads big-endian integers and variable-length quantities from a byte buffer, throwing
/// ``SMFError/truncated(path:at:)`` when the file ends early instead of trapping.
struct ByteReader {
  let bytes: [UInt8]
  let path: String
  var offset: Int
  /// Reading stops here (the end of the current chunk, or of the file).
  var limit: Int

  init(bytes: [UInt8], path: String, offset: Int = 0, limit: Int? = nil) {
    self.bytes = bytes
    self.path = path
    self.offset = offset
    self.limit = limit ?? bytes.count
  }

  var isAtEnd: Bool { offset >= limit }

  /// Fails for reading past `limit`: past the file's end it is truncation; inside the file it
  /// means an event runs over its chunk's declared length.
  private func ensure(_ count: Int) throws {
    guard offset + count <= limit else {
      if limit >= bytes.count { throw SMFError.truncated(path: path, at: bytes.count) }
      throw SMFError.malformed(
        path: path, reason: "an event at byte \(offset) runs past the end of its track chunk")
    }
  }

  mutating func u8() throws -> UInt8 {
    try ensure(1)
    defer { offset += 1 }
    return bytes[offset]
  }

  func peek() throws -> UInt8 {
    try ensure(1)
    return bytes[offset]
  }

  mutating func u16() throws -> Int {
    try ensure(2)
    defer { offset += 2 }
    return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
  }

  mutating func u32() throws -> Int {
    try ensure(4)
    defer { offset += 4 }
    return (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
  }

  mutating func take(_ count: Int) throws -> [UInt8] {
    try ensure(count)
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func skip(_ count: Int) throws {
    try ensure(count)
    offset += count
  }

  /// A variable-length quantity: 7 bits per byte, high bit set on all but the last; at most 4 bytes
  /// (values up to 0x0FFFFFFF), as the SMF specification allows.
  mutating func variableLength() throws -> Int {
    let start = offset
    var value = 0
    for _ in 0..<4 {
      let byte = try u8()
      value = value << 7 | Int(byte & 0x7F)
      if byte & 0x80 == 0 { return value }
    }
    throw SMFError.malformed(
      path: path, reason: "variable-length number at byte \(start) is longer than 4 bytes")
  }
}

/// Writes the encodings that ``ByteReader`` reads, appending to a buffer (no temporary arrays).
enum ByteWriter {
  static func appendVariableLength(_ value: Int, to out: inout [UInt8]) {
    let v = max(0, min(value, 0x0FFF_FFFF))
    var shift = 21
    while shift > 0 && v >> shift == 0 { shift -= 7 }
    while shift > 0 {
      out.append(UInt8(v >> shift & 0x7F) | 0x80)
      shift -= 7
    }
    out.append(UInt8(v & 0x7F))
  }

  static func variableLength(_ value: Int) -> [UInt8] {
    var out: [UInt8] = []
    appendVariableLength(value, to: &out)
    return out
  }

  static func u16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

  static func u32(_ value: Int) -> [UInt8] {
    [
      UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF),
      UInt8(value & 0xFF),
    ]
  }
}

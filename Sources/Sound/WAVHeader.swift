import Foundation

/// A look at a WAV file's `fmt ` chunk when libsndfile refuses the file, to say what is wrong in
/// words: libsndfile reports a rate of 0xFFFFFFFF Hz as "SF_INFO struct incomplete".
enum WAVHeader {
  /// The reason a RIFF/WAVE file's declared format is impossible (no channels, a sample rate of 0 or
  /// above 2^31 Hz), or nil when it is not a WAV or its format looks possible.
  static func impossibleFormat(at path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let bytes = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
    guard bytes.count >= 36, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46],  // "RIFF"
      bytes[8..<12] == [0x57, 0x41, 0x56, 0x45]  // "WAVE"
    else { return nil }
    func u32(_ at: Int) -> UInt32 {
      bytes[at..<(at + 4)].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    // Walk the chunks to `fmt `: id (4 bytes), size (4, little-endian), body padded to even length.
    var offset = 12
    while offset + 8 <= bytes.count {
      let id = bytes[offset..<(offset + 4)]
      let size = Int(u32(offset + 4))
      if id.elementsEqual([0x66, 0x6D, 0x74, 0x20]) {  // "fmt "
        guard offset + 16 <= bytes.count else { return nil }
        let channels = Int(bytes[offset + 10]) | Int(bytes[offset + 11]) << 8
        let rate = u32(offset + 12)
        if channels == 0 { return "its header declares 0 channels; the file is damaged" }
        if rate == 0 || rate > UInt32(Int32.max) {
          return
            "its header declares a sample rate of \(rate) Hz, which no audio has; the file is damaged"
        }
        return nil
      }
      offset += 8 + size + size % 2
    }
    return nil
  }
}

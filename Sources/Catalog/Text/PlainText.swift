import Foundation

/// How text files from users are decoded: one decoder for every table and event file moodsketch reads.
///
/// A UTF-16 byte-order mark (or, without one, the NUL bytes of UTF-16 text) selects UTF-16; otherwise the bytes
/// are UTF-8 (a UTF-8 BOM is dropped), and any field or file that is not valid UTF-8 is read as Latin-1
/// (ISO-8859-1), which every byte sequence is — the encoding of Last.fm's `tags.dat` and of many spreadsheet
/// exports, so `é` and `ö` survive instead of turning into U+FFFD.
public enum PlainText {
  /// The byte layout found at the start of a file.
  public enum Encoding: String, Sendable, Codable {
    /// UTF-8, or Latin-1 where the bytes are not valid UTF-8.
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
  }

  /// The encoding of a file starting with `head`, and how many BOM bytes to skip.
  public static func detect(_ head: some Collection<UInt8>) -> (Encoding, bomLength: Int) {
    let bytes = Array(head.prefix(512))
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
    // ASCII text saved as UTF-16 without a BOM has a NUL in every other byte; a binary file does not
    // show that pattern so regularly.
    guard bytes.count >= 4 else { return (.utf8, 0) }
    let pairs = bytes.count / 2
    let evenNUL = stride(from: 0, to: pairs * 2, by: 2).filter { bytes[$0] == 0 }.count
    let oddNUL = stride(from: 1, to: pairs * 2, by: 2).filter { bytes[$0] == 0 }.count
    if oddNUL * 10 >= pairs * 9, evenNUL == 0 { return (.utf16LE, 0) }
    if evenNUL * 10 >= pairs * 9, oddNUL == 0 { return (.utf16BE, 0) }
    return (.utf8, 0)
  }

  /// Bytes of UTF-8 (or Latin-1) text as a string: UTF-8 when valid, else Latin-1.
  public static func string(_ bytes: some Collection<UInt8>) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var scalars = String.UnicodeScalarView()
    for b in bytes { scalars.append(Unicode.Scalar(b)) }
    return String(scalars)
  }

  /// A whole file's text, decoded as described above (for files small enough to hold in memory).
  public static func decode(_ data: Data) -> String {
    let (encoding, bom) = detect(data.prefix(512))
    let body = data.dropFirst(bom)
    switch encoding {
    case .utf8: return string(body)
    case .utf16LE, .utf16BE:
      var transcoder = UTF16Transcoder(bigEndian: encoding == .utf16BE)
      return string(transcoder.utf8(from: body, final: true))
    }
  }
}

/// Turns UTF-16 bytes into UTF-8 bytes chunk by chunk, carrying an odd byte or a lone high surrogate
/// across chunk boundaries; unpaired surrogates become U+FFFD.
struct UTF16Transcoder {
  let bigEndian: Bool
  private var carryByte: UInt8?
  private var highSurrogate: UInt16?

  init(bigEndian: Bool) { self.bigEndian = bigEndian }

  mutating func utf8(from bytes: some Collection<UInt8>, final: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var iterator = bytes.makeIterator()
    func unit() -> UInt16? {
      let first: UInt8
      if let c = carryByte {
        first = c
        carryByte = nil
      } else {
        guard let b = iterator.next() else { return nil }
        first = b
      }
      guard let second = iterator.next() else {
        carryByte = first
        return nil
      }
      return bigEndian
        ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }
    func emit(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { out.append($0) } }
    while let u = unit() {
      if let high = highSurrogate {
        highSurrogate = nil
        if (0xDC00...0xDFFF).contains(u) {
          let value = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(u) - 0xDC00)
          emit(Unicode.Scalar(value)!)
          continue
        }
        emit("\u{FFFD}")
      }
      if (0xD800...0xDBFF).contains(u) {
        highSurrogate = u
      } else if let scalar = Unicode.Scalar(u) {
        emit(scalar)
      } else {
        emit("\u{FFFD}")
      }
    }
    if final, highSurrogate != nil || carryByte != nil {
      emit("\u{FFFD}")
      highSurrogate = nil
      carryByte = nil
    }
    return out
  }
}

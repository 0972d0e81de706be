import Foundation

/// A text file read in fixed-size chunks as UTF-8 (or Latin-1) bytes, whatever its encoding, so a table of a
/// million rows is parsed in constant memory.
public final class TextChunks {
  /// The encoding found at the start.
  public let encoding: PlainText.Encoding
  /// Size of the file in bytes (0 for in-memory text).
  public let totalBytes: Int64
  /// Bytes of the file consumed so far, for progress.
  public private(set) var bytesRead: Int64 = 0
  private let readChunk: () throws -> Data?
  private var pending: [UInt8]?
  private var transcoder: UTF16Transcoder?
  private var finished = false

  static let chunkSize = 1 << 20

  /// Reads `handle` to its end.
  public convenience init(handle: FileHandle, totalBytes: Int64) throws {
    try self.init(totalBytes: totalBytes) {
      try handle.read(upToCount: TextChunks.chunkSize)
    }
  }

  /// Text already in memory (tests, fuzzing).
  public convenience init(data: Data) {
    var remaining: Data? = data
    // Cannot throw: the closure hands out the data once.
    try! self.init(totalBytes: Int64(data.count)) {
      defer { remaining = nil }
      return remaining
    }
  }

  private init(totalBytes: Int64, readChunk: @escaping () throws -> Data?) throws {
    self.totalBytes = totalBytes
    self.readChunk = readChunk
    let first = try readChunk() ?? Data()
    bytesRead = Int64(first.count)
    let (encoding, bom) = PlainText.detect(first.prefix(512))
    self.encoding = encoding
    if encoding != .utf8 { transcoder = UTF16Transcoder(bigEndian: encoding == .utf16BE) }
    pending = convert(first.dropFirst(bom), final: first.isEmpty)
    if first.isEmpty { finished = true }
  }

  /// The next chunk of UTF-8/Latin-1 bytes, or nil at the end.
  public func next() throws -> [UInt8]? {
    if let chunk = pending {
      pending = nil
      return chunk
    }
    guard !finished else { return nil }
    guard let data = try readChunk(), !data.isEmpty else {
      finished = true
      let tail = convert(Data(), final: true)
      return tail.isEmpty ? nil : tail
    }
    bytesRead += Int64(data.count)
    return convert(data, final: false)
  }

  private func convert(_ data: some Collection<UInt8>, final: Bool) -> [UInt8] {
    guard transcoder != nil else { return Array(data) }
    return transcoder!.utf8(from: data, final: final)
  }
}

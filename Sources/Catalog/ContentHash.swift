import Foundation

/// A streaming 64-bit FNV-1a hash of a file's bytes.
///
/// It is a change detector for `catalog add` (has this file's content changed since it was analysed?),
/// not a security hash: collisions can be constructed on purpose, which does not matter for that job.
/// Chosen because it is a few lines, needs no package, and streams in constant memory.
public struct ContentHash: Sendable {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0000_0100_0000_01b3

  public init() {}

  /// Folds `bytes` into the hash.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    var h = state
    for byte in bytes {
      h ^= UInt64(byte)
      h = h &* Self.prime
    }
    state = h
  }

  /// The hash so far as 16 lowercase hex digits.
  public var hexDigest: String {
    let hex = String(state, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Hashes the file at `path`, reading 1 MiB at a time.
  ///
  /// - Throws: ``CatalogError/missingInput(_:)`` when the file cannot be opened.
  public static func ofFile(atPath path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CatalogError.missingInput(path)
    }
    defer { try? handle.close() }
    var hash = ContentHash()
    while true {
      let chunk = handle.readData(ofLength: 1 << 20)
      if chunk.isEmpty { break }
      chunk.withUnsafeBytes { hash.update($0) }
    }
    return hash.hexDigest
  }
}

import Foundation
import Theory

/// Reads a text file as UTF-8, falling back to Latin-1 (ISO-8859-1), which every byte sequence is,
/// because Last.fm's `tags.dat` and many exported CSV files are Latin-1.
enum TextDecoding {
  static func read(_ path: String, hint: String) throws -> String {
    switch InputFile.problem(at: path, allowEmpty: true) {
    case .missing?: throw RecommendError.missingFile(path: path, hint: hint)
    case let problem?: throw RecommendError.unreadable(path: path, reason: problem.reason)
    case nil: break
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw RecommendError.unreadable(
        path: path, reason: (error as NSError).localizedDescription + "; check its permissions")
    }
    return String(data: data, encoding: .utf8) ?? String(decoding: data.map { $0 }, asLatin1: ())
  }

  /// Splits text into lines, dropping a trailing `\r` so Windows files read the same.
  static func lines(_ text: String) -> [Substring] {
    // "\r\n" is one Character in Swift, so it is matched as a separator of its own.
    text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map
    { line in
      line.last == "\r" ? line.dropLast() : line
    }
  }
}

extension String {
  /// Decodes bytes as Latin-1: each byte is the Unicode scalar of the same number.
  init(decoding bytes: [UInt8], asLatin1: ()) {
    var s = String.UnicodeScalarView()
    s.reserveCapacity(bytes.count)
    for b in bytes { s.append(Unicode.Scalar(b)) }
    self = String(s)
  }
}

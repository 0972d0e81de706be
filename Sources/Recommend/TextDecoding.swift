import Catalog
import Foundation
import Theory

/// Reads a whole text file with the catalog's decoder (``PlainText``: UTF-16 by its BOM, else UTF-8, else
/// Latin-1), so `listen import` and `catalog import` read the same bytes the same way.
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
    return PlainText.decode(data)
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

import Foundation

/// Cleans text read from files and tables (tags, genre columns) before it is stored or matched.
///
/// Tags come from whoever wrote the file: a genre field can be megabytes long, hold NUL and control bytes,
/// or be Latin-1 bytes that libsndfile hands over as if they were UTF-8. Nothing here throws: a hostile
/// tag becomes a short, printable string (or nothing), never a crash or a multi-megabyte row.
public enum TagText {
  /// Longest tag kept, in characters; a genre or comment longer than this is cut (with "…").
  public static let maximumLength = 200

  /// The tag as printable text: invalid UTF-8 repaired (U+FFFD), control and format characters dropped,
  /// runs of white space collapsed, cut to ``maximumLength`` characters; nil when nothing printable is left.
  public static func clean(_ raw: String) -> String? {
    // Look at a bounded prefix only: a 100 MB tag costs no more than a short one.
    let prefix = raw.unicodeScalars.prefix(maximumLength * 4)
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    var kept = 0
    for scalar in prefix {
      if kept >= maximumLength { break }
      let props = scalar.properties
      if props.isWhitespace {
        pendingSpace = !out.isEmpty
        continue
      }
      switch props.generalCategory {
      case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
        .paragraphSeparator:
        pendingSpace = pendingSpace || !out.isEmpty
        continue
      default: break
      }
      if pendingSpace {
        out.append(" ")
        kept += 1
        pendingSpace = false
      }
      out.append(scalar)
      kept += 1
    }
    var text = String(out)
    if text.isEmpty { return nil }
    if raw.unicodeScalars.count > kept, text.unicodeScalars.count >= maximumLength {
      text = String(text.prefix(maximumLength - 1)) + "…"
    }
    // Nothing but replacement characters is no tag at all.
    if text.unicodeScalars.allSatisfy({ $0 == "\u{FFFD}" || $0 == " " || $0 == "…" }) { return nil }
    return text
  }

  /// Text from raw bytes that may not be UTF-8: UTF-8 when valid, else Latin-1 (every byte is a character),
  /// then ``clean(_:)``.
  public static func clean(bytes: some Collection<UInt8>) -> String? {
    let bounded = Array(bytes.prefix(maximumLength * 4))
    if let utf8 = String(validating: bounded, as: UTF8.self) { return clean(utf8) }
    return clean(String(bounded.map { Character(Unicode.Scalar($0)) }))
  }
}

import Foundation

/// A streaming RFC 4180 reader: fields separated by a comma, semicolon or tab (whichever the first line uses
/// most, outside quotes; a comma on a tie), fields in double quotes may hold separators, line breaks and
/// doubled quotes (`""`); CRLF or LF line ends; blank lines skipped. Text comes from ``TextChunks``, so any
/// encoding ``PlainText`` knows is read, one chunk at a time.
///
/// Each record comes with the line number it starts on, so bad rows can be reported the way editors number them.
///
/// ```swift
/// var reader = try CSVReader(TextChunks(data: Data("title;valence\nRain;0.2\n".utf8)))
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
public struct CSVReader {
  public struct Record: Sendable, Hashable {
    /// 1-based line number of the record's first character.
    public var line: Int
    public var fields: [String]
    /// Set when the record is broken (a quote that never closes, text after a closing quote, a NUL byte).
    public var problem: String?
  }

  /// Longest field kept, in bytes: a quote that never closes must not read a whole file into one field.
  public static let maximumFieldBytes = 1 << 20
  /// Most fields kept per record.
  public static let maximumFields = 10_000

  /// The separator byte in use.
  public let delimiter: UInt8
  private let source: TextChunks
  private var buffer: [UInt8]
  private var position = 0
  private var line = 1

  /// What the delimiter is called in messages.
  public var delimiterName: String {
    switch delimiter {
    case UInt8(ascii: ";"): "semicolon"
    case UInt8(ascii: "\t"): "tab"
    default: "comma"
    }
  }

  public init(_ source: TextChunks) throws {
    self.source = source
    buffer = try source.next() ?? []
    delimiter = Self.detectDelimiter(buffer)
  }

  static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
    var counts: [UInt8: Int] = [:]
    var inQuotes = false
    for b in bytes {
      if b == UInt8(ascii: "\"") { inQuotes.toggle() }
      if inQuotes { continue }
      if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
      if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: "\t") {
        counts[b, default: 0] += 1
      }
    }
    let comma = counts[UInt8(ascii: ","), default: 0]
    let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
    guard let best, best.value > comma else { return UInt8(ascii: ",") }
    return best.key
  }

  private mutating func byte() throws -> UInt8? {
    if position == buffer.count {
      guard let next = try source.next() else { return nil }
      buffer = next
      position = 0
      if buffer.isEmpty { return nil }
    }
    defer { position += 1 }
    return buffer[position]
  }

  private mutating func peek() throws -> UInt8? {
    if position == buffer.count {
      guard let next = try source.next(), !next.isEmpty else { return nil }
      buffer = next
      position = 0
    }
    return buffer[position]
  }

  /// The next record, or nil at the end of the text.
  public mutating func next() throws -> Record? {
    let quote = UInt8(ascii: "\"")
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var afterQuote = false
    var problem: String?
    var recordLine = line
    var started = false

    func note(_ text: String) { if problem == nil { problem = text } }
    func append(_ b: UInt8) {
      if b == 0 {
        note(
          "field \(fields.count + 1) holds a NUL byte; the file may be binary, or UTF-16 without a byte-order mark"
        )
      }
      if field.count < Self.maximumFieldBytes {
        field.append(b)
      } else {
        note("field \(fields.count + 1) is longer than 1 MiB (a quote that never closes?)")
      }
    }
    func endField() {
      if fields.count < Self.maximumFields {
        fields.append(PlainText.string(field))
      } else {
        note("more than \(Self.maximumFields) fields")
      }
      field.removeAll(keepingCapacity: true)
      afterQuote = false
    }

    while true {
      guard let c = try byte() else {
        if !started { return nil }
        if inQuotes { note("a quoted field is never closed") }
        endField()
        return Record(line: recordLine, fields: fields, problem: problem)
      }
      started = true
      if inQuotes {
        if c == quote {
          if try peek() == quote {
            position += 1
            append(quote)
          } else {
            inQuotes = false
            afterQuote = true
          }
        } else {
          if c == lf { line += 1 }
          append(c)
        }
        continue
      }
      switch c {
      case delimiter:
        endField()
      case cr, lf:
        if c == cr, try peek() == lf { position += 1 }
        line += 1
        if fields.isEmpty && field.isEmpty && problem == nil && !afterQuote {
          // A blank line: not a record.
          recordLine = line
          started = false
          continue
        }
        endField()
        return Record(line: recordLine, fields: fields, problem: problem)
      case quote where field.isEmpty && !afterQuote:
        inQuotes = true
      default:
        if afterQuote { note("text after a closing quote") }
        append(c)
      }
    }
  }
}

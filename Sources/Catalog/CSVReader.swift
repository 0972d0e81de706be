import Foundation

/// A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes (`""`); CRLF or LF line ends; a UTF-8 byte-order mark is dropped.
///
/// Each record comes with the line number it starts on, so bad rows can be reported the way editors number them.
struct CSVReader {
  struct Record {
    /// 1-based line number of the record's first character.
    var line: Int
    var fields: [String]
    /// Set when the record is syntactically broken (a quote that never closes, text after a closing quote).
    var problem: String?
  }

  static func records(_ text: String) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var afterQuote = false
    var problem: String?
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var iterator = scalars.makeIterator()
    var pending: Unicode.Scalar? = nil

    func endRecord() {
      fields.append(field)
      field = ""
      if !(fields.count == 1 && fields[0].isEmpty && problem == nil) {
        records.append(Record(line: recordLine, fields: fields, problem: problem))
      }
      fields = []
      problem = nil
      afterQuote = false
    }

    while let c = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if c == "\"" {
          let next = iterator.next()
          if next == "\"" {
            field.unicodeScalars.append("\"")
          } else {
            inQuotes = false
            afterQuote = true
            pending = next
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case ",":
        fields.append(field)
        field = ""
        afterQuote = false
      case "\r":
        let next = iterator.next()
        if next != "\n" { pending = next }
        endRecord()
        line += 1
        recordLine = line
      case "\n":
        endRecord()
        line += 1
        recordLine = line
      case "\"" where field.isEmpty && !afterQuote:
        inQuotes = true
      default:
        if afterQuote && problem == nil { problem = "text after a closing quote" }
        field.unicodeScalars.append(c)
      }
    }
    if inQuotes { problem = "a quoted field is never closed" }
    if !field.isEmpty || !fields.isEmpty || problem != nil { endRecord() }
    return records
  }
}

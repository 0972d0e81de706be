/// A small XML element tree with a deterministic serialisation, shared by the MusicXML and SVG writers.
///
/// Attributes keep the order they are given in (so the same value always prints the same bytes), text and
/// attribute values are escaped, and elements without children print as `<name/>`. It writes, it does not
/// parse: readers use Foundation's `XMLDocument` or the program that opens the file.
///
/// ```swift
/// let note = Markup("note", children: [Markup("step", text: "C"), Markup("octave", text: "4")])
/// print(note.rendered())  // <note>\n  <step>C</step>\n  <octave>4</octave>\n</note>\n
/// ```
public struct Markup: Sendable, Hashable {
  public var name: String
  public var attributes: [(String, String)]
  public var children: [Markup]
  /// Character content, written before the children (elements here hold either text or children).
  public var text: String?

  public init(
    _ name: String, _ attributes: [(String, String)] = [], text: String? = nil,
    children: [Markup] = []
  ) {
    self.name = name
    self.attributes = attributes
    self.text = text
    self.children = children
  }

  public static func == (a: Markup, b: Markup) -> Bool {
    a.name == b.name && a.text == b.text && a.children == b.children
      && a.attributes.map(\.0) == b.attributes.map(\.0)
      && a.attributes.map(\.1) == b.attributes.map(\.1)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(text)
    hasher.combine(children)
    for (key, value) in attributes {
      hasher.combine(key)
      hasher.combine(value)
    }
  }

  /// The element and its descendants, two spaces per level, one element per line.
  public func rendered(indent: Int = 0) -> String {
    var out = ""
    render(into: &out, depth: indent)
    return out
  }

  private func render(into out: inout String, depth: Int) {
    let pad = String(repeating: "  ", count: depth)
    out += pad + "<" + name
    for (key, value) in attributes { out += " \(key)=\"\(Markup.escaped(value, quotes: true))\"" }
    switch (text, children.isEmpty) {
    case (nil, true): out += "/>\n"
    case (let text?, true): out += ">" + Markup.escaped(text, quotes: false) + "</\(name)>\n"
    default:
      out += ">" + (text.map { Markup.escaped($0, quotes: false) } ?? "") + "\n"
      for child in children { child.render(into: &out, depth: depth + 1) }
      out += pad + "</\(name)>\n"
    }
  }

  /// Escapes `&`, `<`, `>` (and quotes inside attribute values); drops control characters that XML 1.0
  /// forbids, which MIDI track names sometimes carry.
  public static func escaped(_ text: String, quotes: Bool) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where quotes: out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses an SVG text with Foundation's XML parser (so a malformed picture fails the test) and finds elements.
struct SVGReader {
  let document: XMLDocument

  init(_ text: String) throws {
    document = try XMLDocument(data: Data(text.utf8), options: [])
  }

  func elements(_ xpath: String) throws -> [XMLElement] {
    try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
  }

  /// An attribute's value. Looked up by scanning: swift-corelibs-foundation's `attribute(forName:)` finds
  /// nothing inside a default namespace (`xmlns="http://www.w3.org/2000/svg"`).
  static func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attributes?.first { $0.name == name }?.stringValue
  }
}

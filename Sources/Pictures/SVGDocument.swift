import Foundation
import Theory

/// A standalone SVG picture built from plain shapes, printed with a deterministic serialisation.
///
/// Coordinates are user units (pixels at 100 %), y grows downward as in SVG. Numbers print with at most
/// two decimals and no trailing zeros (`12`, `12.5`, `0.33`), so the same picture is always the same bytes
/// and files stay small. Text is escaped by ``Theory/Markup``.
///
/// ```swift
/// var svg = SVGDocument(width: 200, height: 100)
/// svg.add(.rect(x: 10, y: 10, width: 50, height: 20, fill: "#336699"))
/// try svg.write(to: "box.svg")
/// ```
public struct SVGDocument: Sendable {
  public var width: Double
  public var height: Double
  public var title: String?
  public private(set) var elements: [Markup] = []

  public init(width: Double, height: Double, title: String? = nil) {
    self.width = width
    self.height = height
    self.title = title
  }

  public mutating func add(_ element: Markup) { elements.append(element) }
  public mutating func add(_ elements: [Markup]) { self.elements += elements }

  /// The file's text: an XML declaration and one `<svg>` element.
  public var text: String {
    var children: [Markup] = []
    if let title { children.append(Markup("title", text: title)) }
    children += elements
    let root = Markup(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("width", SVG.number(width)),
        ("height", SVG.number(height)),
        ("viewBox", "0 0 \(SVG.number(width)) \(SVG.number(height))"),
        ("font-family", "sans-serif"),
      ], children: children)
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.rendered()
  }

  /// Writes the picture atomically (temporary file in the same folder, then a rename).
  ///
  /// - Throws: `AtomicFile.Failure` when the folder is missing or not writable.
  public func write(to path: String) throws {
    try AtomicFile.write(Data(text.utf8), to: path)
  }
}

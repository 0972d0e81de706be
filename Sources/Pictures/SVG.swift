import Theory

/// Shape constructors and number formatting for ``SVGDocument``.
public enum SVG {
  /// At most `decimals` decimals (default two), no trailing zeros, no `-0`: `12`, `12.5`, `0.33`, `-4`.
  public static func number(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1
    for _ in 0..<max(0, min(9, decimals)) { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    if scaled == 0 { return "0" }
    let sign = scaled < 0 ? "-" : ""
    let magnitude = abs(scaled)
    var fraction = String(magnitude % scale)
    fraction = String(repeating: "0", count: String(scale).count - 1 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(sign)\(magnitude / scale)" + (fraction.isEmpty ? "" : ".\(fraction)")
  }

  /// A rectangle; `data` adds `data-NAME` attributes (tests and scripts read them back).
  public static func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double? = nil,
    stroke: String? = nil, data: [(String, String)] = [], title: String? = nil
  ) -> Markup {
    var attributes: [(String, String)] = [
      ("x", number(x)), ("y", number(y)), ("width", number(max(0, width))),
      ("height", number(max(0, height))), ("fill", fill),
    ]
    if let opacity { attributes.append(("fill-opacity", number(opacity))) }
    if let stroke { attributes.append(("stroke", stroke)) }
    attributes += data.map { ("data-\($0.0)", $0.1) }
    return Markup("rect", attributes, children: title.map { [Markup("title", text: $0)] } ?? [])
  }

  public static func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    dash: String? = nil
  ) -> Markup {
    var attributes: [(String, String)] = [
      ("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)),
      ("stroke", stroke), ("stroke-width", number(width)),
    ]
    if let dash { attributes.append(("stroke-dasharray", dash)) }
    return Markup("line", attributes)
  }

  public enum Anchor: String, Sendable { case start, middle, end }

  public static func text(
    _ content: String, x: Double, y: Double, size: Double = 11, anchor: Anchor = .start,
    fill: String = "#222222", weight: String? = nil, rotate: Double? = nil,
    data: [(String, String)] = []
  ) -> Markup {
    var attributes: [(String, String)] = [
      ("x", number(x)), ("y", number(y)), ("font-size", number(size)),
      ("text-anchor", anchor.rawValue), ("fill", fill),
    ]
    if let weight { attributes.append(("font-weight", weight)) }
    if let rotate {
      attributes.append(("transform", "rotate(\(number(rotate)) \(number(x)) \(number(y)))"))
    }
    attributes += data.map { ("data-\($0.0)", $0.1) }
    return Markup("text", attributes, text: content)
  }

  public static func circle(
    cx: Double, cy: Double, r: Double, fill: String, opacity: Double? = nil,
    data: [(String, String)] = [], title: String? = nil
  ) -> Markup {
    var attributes: [(String, String)] = [
      ("cx", number(cx)), ("cy", number(cy)), ("r", number(r)), ("fill", fill),
    ]
    if let opacity { attributes.append(("fill-opacity", number(opacity))) }
    attributes += data.map { ("data-\($0.0)", $0.1) }
    return Markup("circle", attributes, children: title.map { [Markup("title", text: $0)] } ?? [])
  }

  /// A group with a class (and optional `data-` attributes), so a picture's layers can be found.
  public static func group(_ className: String, _ children: [Markup], data: [(String, String)] = [])
    -> Markup
  {
    Markup("g", [("class", className)] + data.map { ("data-\($0.0)", $0.1) }, children: children)
  }
}

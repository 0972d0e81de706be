import Theory

/// A scatter plot: labelled points on two value axes, coloured by series, with a legend, and optional
/// zero lines (the valence–arousal quadrants of a mood map).
///
/// ```swift
/// let map = ScatterChart(title: "Mood map", xTitle: "valence", yTitle: "arousal",
///                        points: [.init(x: 0.14, y: -0.26, label: "drive", series: "sketch")],
///                        xDomain: -1...1, yDomain: -1...1, zeroLines: true)
/// try map.svg().write(to: "moods.svg")
/// ```
public struct ScatterChart: Sendable {
  public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var label: String?
    public var series: String

    public init(x: Double, y: Double, label: String? = nil, series: String = "") {
      self.x = x
      self.y = y
      self.label = label
      self.series = series
    }
  }

  public var title: String
  public var xTitle: String
  public var yTitle: String
  public var points: [Point]
  /// Fixed axis ranges; default: round ranges around the data.
  public var xDomain: ClosedRange<Double>?
  public var yDomain: ClosedRange<Double>?
  /// Lines through x = 0 and y = 0.
  public var zeroLines: Bool
  /// Colours for named series instead of the palette's next one (a neutral grey for "unknown").
  public var seriesColors: [String: String]

  public init(
    title: String, xTitle: String, yTitle: String, points: [Point],
    xDomain: ClosedRange<Double>? = nil, yDomain: ClosedRange<Double>? = nil,
    zeroLines: Bool = false, seriesColors: [String: String] = [:]
  ) {
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.points = points
    self.xDomain = xDomain
    self.yDomain = yDomain
    self.zeroLines = zeroLines
    self.seriesColors = seriesColors
  }

  /// The picture; each point is a `<circle class="point">` with `data-series`, `data-x` and `data-y`.
  ///
  /// - Throws: ``PicturesError/noData(what:)`` when there are no points.
  public func svg() throws -> SVGDocument {
    guard !points.isEmpty else {
      throw PicturesError.noData(what: "the scatter plot has no points")
    }
    var frame = ChartFrame(width: 560, height: 460)
    frame.bottom = 64
    let series = points.map(\.series).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    if series.count <= 1 { frame.right = 24 }
    let x = LinearScale(
      domain: xDomain ?? LinearScale.niceDomain(points.map(\.x), includeZero: false),
      range: frame.plotLeft...frame.plotRight)
    let y = LinearScale(
      domain: yDomain ?? LinearScale.niceDomain(points.map(\.y), includeZero: false),
      range: frame.plotTop...frame.plotBottom, flipped: true)
    var document = SVGDocument(width: frame.width, height: frame.height, title: title)
    document.add(frame.title(title))
    document.add(frame.xAxis(x, title: xTitle))
    document.add(frame.yAxis(y, title: yTitle))
    if zeroLines {
      var guides: [Markup] = []
      if x.domain.contains(0) {
        guides.append(
          SVG.line(
            x1: x(0), y1: frame.plotTop, x2: x(0), y2: frame.plotBottom, stroke: Palette.gridStrong)
        )
      }
      if y.domain.contains(0) {
        guides.append(
          SVG.line(
            x1: frame.plotLeft, y1: y(0), x2: frame.plotRight, y2: y(0), stroke: Palette.gridStrong)
        )
      }
      document.add(SVG.group("zero-lines", guides))
    }
    // Palette colours go to the series without a colour of their own, in order.
    let paletted = series.filter { seriesColors[$0] == nil }
    func color(of name: String) -> String {
      seriesColors[name] ?? Palette.color(paletted.firstIndex(of: name) ?? 0)
    }
    var marks: [Markup] = []
    var labels = LabelPlacement(
      bounds: .init(
        left: frame.plotLeft, top: frame.plotTop, right: frame.plotRight, bottom: frame.plotBottom),
      fontSize: 10)
    for point in points {
      let color = color(of: point.series)
      let cx = x(min(x.domain.upperBound, max(x.domain.lowerBound, point.x)))
      let cy = y(min(y.domain.upperBound, max(y.domain.lowerBound, point.y)))
      marks.append(
        SVG.circle(
          cx: cx, cy: cy, r: 4, fill: color, opacity: 0.85,
          data: [
            ("series", point.series), ("x", SVG.number(point.x, decimals: 4)),
            ("y", SVG.number(point.y, decimals: 4)),
          ], title: point.label
        ).withClass("point"))
      if let label = point.label {
        let spot = labels.place(label, cx: cx, cy: cy)
        marks.append(
          SVG.text(
            label, x: spot.x, y: spot.y, size: 10, anchor: spot.anchorsAtEnd ? .end : .start,
            fill: Palette.ink))
      }
    }
    document.add(SVG.group("points", marks))
    if series.count > 1 {
      document.add(frame.legend(series.map { ($0, color(of: $0)) }))
    }
    return document
  }
}

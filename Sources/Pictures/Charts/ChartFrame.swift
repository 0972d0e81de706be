import Theory

/// The plotting area of a chart and its axes: a value axis with grid lines and labels, titles, and a
/// legend. Bar charts and scatter plots (and the mood map) draw inside it.
public struct ChartFrame: Sendable {
  public var width: Double
  public var height: Double
  /// Space around the plot for the title, axis labels and legend.
  public var left: Double = 64
  public var right: Double = 170
  public var top: Double = 40
  public var bottom: Double = 56

  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  public var plotLeft: Double { left }
  public var plotRight: Double { width - right }
  public var plotTop: Double { top }
  public var plotBottom: Double { height - bottom }

  /// A y axis: horizontal grid lines at the scale's ticks, labelled on the left, and the axis title.
  public func yAxis(
    _ scale: LinearScale, title: String, format: (Double) -> String = { SVG.number($0) }
  )
    -> Markup
  {
    var children: [Markup] = []
    for tick in scale.ticks() {
      let y = scale(tick)
      children.append(SVG.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: Palette.grid))
      children.append(
        SVG.text(
          format(tick), x: plotLeft - 6, y: y + 4, size: 10, anchor: .end, fill: Palette.muted))
    }
    children.append(
      SVG.line(
        x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: Palette.gridStrong))
    let middle = (plotTop + plotBottom) / 2
    children.append(
      SVG.text(title, x: 16, y: middle, size: 11, anchor: .middle, fill: Palette.ink, rotate: -90))
    return SVG.group("y-axis", children)
  }

  /// An x axis with a value scale (for scatter plots): vertical grid lines and labels below.
  public func xAxis(
    _ scale: LinearScale, title: String, format: (Double) -> String = { SVG.number($0) }
  )
    -> Markup
  {
    var children: [Markup] = []
    for tick in scale.ticks() {
      let x = scale(tick)
      children.append(SVG.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: Palette.grid))
      children.append(
        SVG.text(
          format(tick), x: x, y: plotBottom + 16, size: 10, anchor: .middle, fill: Palette.muted))
    }
    children.append(
      SVG.line(
        x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: Palette.gridStrong))
    children.append(
      SVG.text(
        title, x: (plotLeft + plotRight) / 2, y: plotBottom + 36, size: 11, anchor: .middle))
    return SVG.group("x-axis", children)
  }

  /// Category labels centred under each group along the x axis.
  public func categoryLabels(_ labels: [(text: String, x: Double)]) -> Markup {
    var children = [
      SVG.line(
        x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: Palette.gridStrong)
    ]
    for label in labels {
      children.append(
        SVG.text(label.text, x: label.x, y: plotBottom + 16, size: 11, anchor: .middle))
    }
    return SVG.group("x-axis", children)
  }

  public func title(_ text: String) -> Markup {
    SVG.text(text, x: plotLeft, y: 22, size: 14, weight: "bold")
  }

  /// Coloured swatches with names, in the right margin.
  public func legend(_ entries: [(name: String, color: String)]) -> Markup {
    var children: [Markup] = []
    for (index, entry) in entries.enumerated() {
      let y = plotTop + Double(index) * 18
      children.append(SVG.rect(x: plotRight + 16, y: y, width: 12, height: 12, fill: entry.color))
      children.append(SVG.text(entry.name, x: plotRight + 34, y: y + 10, size: 11))
    }
    return SVG.group("legend", children)
  }
}

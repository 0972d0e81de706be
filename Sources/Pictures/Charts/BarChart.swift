import Theory

/// A grouped bar chart: for each group (a model) one bar per series (a metric), with a legend.
///
/// ```swift
/// let chart = BarChart(title: "Models at k = 10", groups: ["pop", "als"],
///                      series: ["NDCG", "recall"], values: [[0.10, 0.07], [0.24, 0.18]])
/// try chart.svg().write(to: "models.svg")
/// ```
public struct BarChart: Sendable {
  public var title: String
  public var groups: [String]
  public var series: [String]
  /// `values[group][series]`.
  public var values: [[Double]]
  public var valueTitle: String

  public init(
    title: String, groups: [String], series: [String], values: [[Double]],
    valueTitle: String = "score"
  ) {
    self.title = title
    self.groups = groups
    self.series = series
    self.values = values
    self.valueTitle = valueTitle
  }

  /// The picture; each bar is a `<rect class="bar">` with `data-group`, `data-series` and `data-value`.
  ///
  /// - Throws: ``PicturesError/noData(what:)`` when there are no groups or no series.
  public func svg() throws -> SVGDocument {
    guard !groups.isEmpty, !series.isEmpty else {
      throw PicturesError.noData(what: "the chart has no \(groups.isEmpty ? "groups" : "series")")
    }
    let barWidth = 14.0
    let groupWidth = Double(series.count) * barWidth + 24
    var frame = ChartFrame(width: 0, height: 340)
    frame.width = frame.left + frame.right + max(240, groupWidth * Double(groups.count))
    let flat = values.flatMap { $0 }.filter(\.isFinite)
    let scale = LinearScale(
      domain: LinearScale.niceDomain(flat), range: frame.plotTop...frame.plotBottom, flipped: true)
    var document = SVGDocument(width: frame.width, height: frame.height, title: title)
    document.add(frame.title(title))
    document.add(frame.yAxis(scale, title: valueTitle))
    var bars: [Markup] = []
    var labels: [(String, Double)] = []
    let span = (frame.plotRight - frame.plotLeft) / Double(groups.count)
    for (g, group) in groups.enumerated() {
      let groupLeft =
        frame.plotLeft + Double(g) * span + (span - Double(series.count) * barWidth) / 2
      labels.append((group, frame.plotLeft + (Double(g) + 0.5) * span))
      for (s, name) in series.enumerated() {
        let value = g < values.count && s < values[g].count ? values[g][s] : 0
        let shown = value.isFinite ? value : 0
        let y0 = scale(0)
        let y1 = scale(shown)
        bars.append(
          SVG.rect(
            x: groupLeft + Double(s) * barWidth, y: min(y0, y1), width: barWidth - 2,
            height: abs(y0 - y1), fill: Palette.color(s),
            data: [("group", group), ("series", name), ("value", SVG.number(shown, decimals: 4))],
            title: "\(group) \(name): \(SVG.number(shown))"
          ).withClass("bar"))
      }
    }
    document.add(SVG.group("bars", bars))
    document.add(frame.categoryLabels(labels))
    document.add(frame.legend(series.enumerated().map { ($0.element, Palette.color($0.offset)) }))
    return document
  }
}

extension Markup {
  /// The element with a `class` attribute first, so pictures' parts can be found by class.
  func withClass(_ name: String) -> Markup {
    var copy = self
    copy.attributes.insert(("class", name), at: 0)
    return copy
  }
}

import Theory

/// The catalog on the valence–arousal plane, coloured by style, with a draft and its references
/// marked and named: where a sketch sits among the music it is compared with.
///
/// The commonest four styles get their own colour, the rest share "other styles"; tracks without a
/// style are "no style", in a light grey so the known styles stand out. References and the draft come
/// last, so they are drawn on top.
public struct MoodMap: Sendable {
  public struct Entry: Sendable, Hashable {
    public var label: String
    public var valence: Double
    public var arousal: Double
    public var style: String?

    public init(label: String, valence: Double, arousal: Double, style: String? = nil) {
      self.label = label
      self.valence = valence
      self.arousal = arousal
      self.style = style
    }
  }

  public var title: String
  public var catalog: [Entry]
  public var draft: Entry?
  public var references: [Entry]

  /// Styles with a colour of their own; more would repeat the palette's eight colours.
  static let namedStyles = 4

  public init(title: String, catalog: [Entry], draft: Entry? = nil, references: [Entry] = []) {
    self.title = title
    self.catalog = catalog
    self.draft = draft
    self.references = references
  }

  /// The series each catalog track is drawn in.
  var seriesOfStyle: (String?) -> String {
    let counts = Dictionary(catalog.compactMap(\.style).map { ($0, 1) }, uniquingKeysWith: +)
    let named = Set(
      counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(Self.namedStyles).map(\.key))
    return { style in
      guard let style else { return "no style" }
      return named.contains(style) ? style : "other styles"
    }
  }

  /// The picture (a ``ScatterChart`` with quadrant lines on −1…1 axes).
  ///
  /// - Throws: ``PicturesError/noData(what:)`` when there is nothing to draw.
  public func svg() throws -> SVGDocument {
    let series = seriesOfStyle
    // Catalog tracks unlabelled (a map of hundreds of names is unreadable); references and the draft
    // named. Sorted by series so the legend lists styles by how common they are.
    var points = catalog.map {
      ScatterChart.Point(x: $0.valence, y: $0.arousal, series: series($0.style))
    }
    let order = Dictionary(
      points.map { ($0.series, 1) }, uniquingKeysWith: +
    ).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    points.sort { order.firstIndex(of: $0.series)! < order.firstIndex(of: $1.series)! }
    points += references.map {
      ScatterChart.Point(x: $0.valence, y: $0.arousal, label: $0.label, series: "references")
    }
    if let draft {
      points.append(
        ScatterChart.Point(x: draft.valence, y: draft.arousal, label: draft.label, series: "draft"))
    }
    guard !points.isEmpty else { throw PicturesError.noData(what: "the catalog has no tracks") }
    return try ScatterChart(
      title: title, xTitle: "valence (unpleasant → pleasant)",
      yTitle: "arousal (calm → energetic)", points: points, xDomain: -1...1, yDomain: -1...1,
      zeroLines: true, seriesColors: ["no style": Palette.unknown]
    ).svg()
  }
}

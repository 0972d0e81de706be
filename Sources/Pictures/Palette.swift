/// Colours for pictures: distinct, colour-blind-friendly hues (Okabe & Ito's palette) and the greys of
/// grids and labels.
public enum Palette {
  /// Series colours in order; they repeat after eight.
  public static let series = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
  ]
  public static func color(_ index: Int) -> String {
    series[((index % series.count) + series.count) % series.count]
  }

  public static let ink = "#222222"
  public static let muted = "#666666"
  /// Points whose category is unknown (a track without a style): present, but not a colour of its own.
  public static let unknown = "#BBBBBB"
  public static let grid = "#DDDDDD"
  public static let gridStrong = "#999999"
  public static let laneEven = "#F7F7F7"
  public static let laneOdd = "#FFFFFF"
}

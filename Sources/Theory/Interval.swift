/// A distance in semitones, with the usual interval names for the simple ones.
public struct Interval: Sendable, Hashable, Comparable, Codable {
  public var semitones: Int
  public init(_ semitones: Int) { self.semitones = semitones }
  public static func < (a: Interval, b: Interval) -> Bool { a.semitones < b.semitones }

  public static let P1 = Interval(0), m2 = Interval(1), M2 = Interval(2), m3 = Interval(3)
  public static let M3 = Interval(4), P4 = Interval(5), TT = Interval(6), P5 = Interval(7)
  public static let m6 = Interval(8), M6 = Interval(9), m7 = Interval(10), M7 = Interval(11)
  public static let P8 = Interval(12)

  /// Between two pitch classes, upward, 0–11.
  public static func ascending(from a: Int, to b: Int) -> Interval {
    Interval(((b - a) % 12 + 12) % 12)
  }
}

import Foundation

/// Maps a value range onto a pixel range, with "nice" tick values (1, 2, 2.5 or 5 times a power of ten).
public struct LinearScale: Sendable, Hashable {
  public var domain: ClosedRange<Double>
  public var range: ClosedRange<Double>
  /// Whether larger values map to smaller pixels (a y axis, since SVG's y grows downward).
  public var flipped: Bool

  public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, flipped: Bool = false) {
    self.domain =
      domain.lowerBound == domain.upperBound
      ? domain.lowerBound...(domain.lowerBound + 1) : domain
    self.range = range
    self.flipped = flipped
  }

  public func callAsFunction(_ value: Double) -> Double {
    let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
    let u = flipped ? 1 - t : t
    return range.lowerBound + u * (range.upperBound - range.lowerBound)
  }

  /// About `count` evenly spaced round values inside the domain.
  public func ticks(count: Int = 5) -> [Double] {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0, count > 0 else { return [domain.lowerBound] }
    let raw = span / Double(count)
    let power = pow(10, (log10(raw)).rounded(.down))
    let step = [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? raw
    var ticks: [Double] = []
    var value = (domain.lowerBound / step).rounded(.up) * step
    while value <= domain.upperBound + step * 1e-9 {
      ticks.append(abs(value) < step * 1e-9 ? 0 : Self.tidy(value))
      value += step
    }
    return ticks
  }

  /// The value with binary rounding noise removed (0.30000000000000004 → 0.3): twelve significant digits.
  static func tidy(_ value: Double) -> Double {
    guard value != 0, value.isFinite else { return value }
    let magnitude = pow(10, 11 - (log10(abs(value))).rounded(.down))
    return (value * magnitude).rounded() / magnitude
  }

  /// A domain from 0 (or the data's minimum when negative) to the next round value above the maximum.
  public static func niceDomain(_ values: [Double], includeZero: Bool = true) -> ClosedRange<Double>
  {
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if includeZero {
      low = min(0, low)
      high = max(0, high)
    }
    if low == high { high = low + 1 }
    let probe = LinearScale(domain: low...high, range: 0...1).ticks(count: 5)
    let step = probe.count > 1 ? probe[1] - probe[0] : (high - low)
    return tidy((low / step).rounded(.down) * step)...tidy((high / step).rounded(.up) * step)
  }
}

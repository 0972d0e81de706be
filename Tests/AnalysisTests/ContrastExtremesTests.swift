import Testing
import Theory

@testable import Analysis

/// Spectral contrast keeps only the few smallest and largest magnitudes of each band; a wrong pick
/// would shift every contrast value a user sees, so the one-pass selection is checked against sorting.
@Suite struct ContrastExtremesTests {
  @Test(arguments: [
    (1, 1), (1, 19), (3, 5), (4, 6), (9, 430), (32, 40), (1, 8), (1, 149), (3, 149), (6, 297),
    (8, 8), (8, 9), (9, 16), (9, 17), (16, 16), (16, 300), (17, 300),
  ])
  func picksTheSameValuesAsSorting(q: Int, count: Int) {
    var generator = SeededGenerator(seed: UInt64(q * 1000 + count))
    let values = (0..<count).map { _ in Float.random(in: 0..<1, using: &generator) }
    Self.expectSameAsSorting(values, q: q)
  }

  /// A falling spectrum puts the smallest values at the band's top and the largest at its bottom,
  /// the case the one-pass selection is seeded for; a rising one is its worst case.
  @Test(arguments: [true, false])
  func followsFallingAndRisingSpectra(falling: Bool) {
    let count = 300
    let values = (0..<count).map { i in Float(falling ? count - i : i) + Float(i % 7) * 0.25 }
    Self.expectSameAsSorting(values, q: 6)
  }

  /// Equal values (digital silence, a clipped band, a plateau) sit exactly on the vector pass's bounds;
  /// the result must still be the sorted ends.
  @Test(arguments: [0, 3, 200])
  func handlesTies(distinct: Int) {
    var generator = SeededGenerator(seed: UInt64(distinct + 7))
    let values = (0..<300).map { i -> Float in
      i < distinct ? Float.random(in: 0..<1, using: &generator) : 0.5
    }
    for q in [1, 3, 8, 9] { Self.expectSameAsSorting(values, q: q) }
  }

  /// `FrameProcessor.extremes` on `values` gives the `q` smallest and `q` largest, in sorted order.
  static func expectSameAsSorting(_ values: [Float], q: Int) {
    let low = UnsafeMutablePointer<Float>.allocate(capacity: q)
    let high = UnsafeMutablePointer<Float>.allocate(capacity: q)
    defer {
      low.deallocate()
      high.deallocate()
    }
    values.withUnsafeBufferPointer {
      FrameProcessor.extremes($0.baseAddress!, values.count, q, low: low, high: high)
    }
    let sorted = values.sorted()
    #expect(Array(UnsafeBufferPointer(start: low, count: q)) == Array(sorted.prefix(q)))
    #expect(Array(UnsafeBufferPointer(start: high, count: q)) == Array(sorted.suffix(q)))
  }
}

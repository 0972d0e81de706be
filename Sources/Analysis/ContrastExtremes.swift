/// The few smallest and largest magnitudes of a band, for spectral contrast (``FrameProcessor``).
extension FrameProcessor {
  /// Writes the `q` smallest of `values[0..<count]` to `low` and the `q` largest to `high`, both in
  /// ascending order (they overlap when count < 2q, as the ends of a sorted array do). 1 ≤ q ≤ count.
  ///
  /// Two vector passes. The first keeps, lane by lane, the minimum and maximum of every 8th (or 16th)
  /// value; those are values of the band, so the q-th smallest lane minimum is at least the band's q-th
  /// smallest value, and every one of the q smallest lies at or below it (likewise for the largest).
  /// The second pass visits only the values past those bounds: about a dozen of a 300-bin band, where
  /// the insertion scan this replaced visited a band's flat top bin by bin (7.5 % of `analyze`).
  static func extremes(
    _ values: UnsafePointer<Float>, _ count: Int, _ q: Int, low: UnsafeMutablePointer<Float>,
    high: UnsafeMutablePointer<Float>
  ) {
    let raw = UnsafeRawPointer(values)
    let vectors = q <= 8 ? 1 : (q <= 16 ? 2 : 0)
    guard vectors > 0, count >= 8 * vectors else {
      extremesByInsertion(values, count, q, low: low, high: high)
      return
    }
    let width = 8 * vectors
    var min0 = raw.loadUnaligned(as: SIMD8<Float>.self)
    var min1 = vectors == 2 ? raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self) : min0
    var (max0, max1) = (min0, min1)
    var i = width
    while i + width <= count {
      let run0 = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      min0.replace(with: run0, where: run0 .< min0)
      max0.replace(with: run0, where: run0 .> max0)
      if vectors == 2 {
        let run1 = raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
        min1.replace(with: run1, where: run1 .< min1)
        max1.replace(with: run1, where: run1 .> max1)
      }
      i += width
    }
    if q == 1 {
      // The narrow bands: the minimum and maximum themselves.
      var (smallest, largest) = (min0.min(), max0.max())
      for k in i..<count {
        smallest = min(smallest, values[k])
        largest = max(largest, values[k])
      }
      low[0] = smallest
      high[0] = largest
      return
    }
    let (lowBound, highBound) = withUnsafeTemporaryAllocation(of: Float.self, capacity: 32) {
      lanes in
      let minima = lanes.baseAddress!
      let maxima = minima + 16
      for lane in 0..<8 {
        minima[lane] = min0[lane]
        minima[8 + lane] = min1[lane]
        maxima[lane] = max0[lane]
        maxima[8 + lane] = max1[lane]
      }
      sortAscending(minima, width)
      sortAscending(maxima, width)
      return (minima[q - 1], maxima[width - q])
    }
    for j in 0..<q {
      low[j] = .infinity
      high[j] = -.infinity
    }
    func consider(_ v: Float) {
      if v <= lowBound, v < low[q - 1] {
        var j = q - 1
        while j > 0, low[j - 1] > v {
          low[j] = low[j - 1]
          j -= 1
        }
        low[j] = v
      }
      if v >= highBound, v > high[0] {
        var j = 0
        while j < q - 1, high[j + 1] < v {
          high[j] = high[j + 1]
          j += 1
        }
        high[j] = v
      }
    }
    let lows = SIMD8<Float>(repeating: lowBound)
    let highs = SIMD8<Float>(repeating: highBound)
    var k = 0
    while k + 8 <= count {
      let run = raw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
      let hits = (run .<= lows) .| (run .>= highs)
      if any(hits) {
        // Only the lanes that hit, lowest first, read back from memory.
        var mask = VectorMath.bits(hits)
        while mask != 0 {
          consider(values[k + mask.trailingZeroBitCount])
          mask &= mask - 1
        }
      }
      k += 8
    }
    while k < count {
      consider(values[k])
      k += 1
    }
  }

  /// Sorts `list[0..<n]` ascending in place (insertion sort: n is 16 at most).
  @inline(__always)
  private static func sortAscending(_ list: UnsafeMutablePointer<Float>, _ n: Int) {
    for i in 1..<n {
      let v = list[i]
      var j = i
      while j > 0, list[j - 1] > v {
        list[j] = list[j - 1]
        j -= 1
      }
      list[j] = v
    }
  }

  /// Largest quantile count that ``extremes(_:_:_:low:high:)`` handles; beyond it insertion costs more
  /// than quickselect.
  static let maxTrackedQuantile = 32

  /// ``extremes(_:_:_:low:high:)`` by one pass of insertions into two short sorted lists, for quantiles
  /// above 16 and bands shorter than the lanes.
  ///
  /// Spectra fall with frequency, so within a band the smallest values tend to sit at the top and the
  /// largest at the bottom: each list is seeded from the end where its values probably are, and then
  /// nearly every run of 8 bins is rejected by one vector comparison against the list's edge.
  static func extremesByInsertion(
    _ values: UnsafePointer<Float>, _ count: Int, _ q: Int, low: UnsafeMutablePointer<Float>,
    high: UnsafeMutablePointer<Float>
  ) {
    // Smallest: seed with the last q values (sorted ascending), scan the rest.
    for i in 0..<q { insertAscending(values[count - q + i], into: low, filled: i) }
    var lowEdge = low[q - 1]
    scan(
      values, from: 0, to: count - q, skip: { !any($0 .< lowEdge) },
      visit: { v in
        guard v < lowEdge else { return }
        var j = q - 1
        while j > 0, low[j - 1] > v {
          low[j] = low[j - 1]
          j -= 1
        }
        low[j] = v
        lowEdge = low[q - 1]
      })
    // Largest: seed with the first q values, scan the rest.
    for i in 0..<q { insertAscending(values[i], into: high, filled: i) }
    var highEdge = high[0]
    scan(
      values, from: q, to: count, skip: { !any($0 .> highEdge) },
      visit: { v in
        guard v > highEdge else { return }
        var j = 0
        while j < q - 1, high[j + 1] < v {
          high[j] = high[j + 1]
          j += 1
        }
        high[j] = v
        highEdge = high[0]
      })
  }

  /// Inserts `v` into the sorted `list[0..<filled]`, keeping it sorted.
  @inline(__always)
  fileprivate static func insertAscending(
    _ v: Float, into list: UnsafeMutablePointer<Float>, filled: Int
  ) {
    var j = filled
    while j > 0, list[j - 1] > v {
      list[j] = list[j - 1]
      j -= 1
    }
    list[j] = v
  }

  /// Calls `visit` for each of `values[start..<end]`, except runs of 8 for which `skip` is true.
  @inline(__always)
  fileprivate static func scan(
    _ values: UnsafePointer<Float>, from start: Int, to end: Int,
    skip: (SIMD8<Float>) -> Bool, visit: (Float) -> Void
  ) {
    let raw = UnsafeRawPointer(values)
    var i = start
    while i + 8 <= end {
      let run = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      if !skip(run) {
        for k in 0..<8 { visit(run[k]) }
      }
      i += 8
    }
    while i < end {
      visit(values[i])
      i += 1
    }
  }

  /// Reorders `a[low...high]` so that `a[k]` holds the value it would have if sorted, with nothing
  /// larger before it and nothing smaller after it (Hoare's selection, median-of-three pivot).
  static func select(_ a: UnsafeMutablePointer<Float>, _ low: Int, _ high: Int, _ k: Int) {
    var lo = low
    var hi = high
    while hi > lo {
      let mid = lo + (hi - lo) / 2
      if a[mid] < a[lo] { a.swapAt(mid, lo) }
      if a[hi] < a[lo] { a.swapAt(hi, lo) }
      if a[hi] < a[mid] { a.swapAt(hi, mid) }
      let pivot = a[mid]
      var i = lo
      var j = hi
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        hi = j
      } else if k >= i {
        lo = i
      } else {
        return
      }
    }
  }

}

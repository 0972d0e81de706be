/// Small vector kernels for the per-frame loops. Swift does not reorder floating-point sums, so a plain
/// `sum += a[i] * b[i]` loop runs one multiply-add at a time; explicit SIMD lanes give the compiler
/// permission to use the vector unit.
enum VectorMath {
  /// Σ a[i]·b[i] for i in 0..<count.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
    var lanes = SIMD8<Float>()
    var i = 0
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    while i + 8 <= count {
      let x = rawA.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      let y = rawB.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      lanes += x * y  // not addProduct: without an FMA target that calls libm's fmaf per lane
      i += 8
    }
    var sum = lanes.sum()
    while i < count {
      sum += a[i] * b[i]
      i += 1
    }
    return sum
  }

  /// The largest of a[0..<count] (0 for an empty range; the spectra it reads are never negative).
  @inline(__always)
  static func maximum(_ a: UnsafePointer<Float>, _ count: Int) -> Float {
    var lanes = SIMD8<Float>()
    var i = 0
    let raw = UnsafeRawPointer(a)
    while i + 8 <= count {
      let x = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      lanes = lanes.replacing(with: x, where: x .> lanes)
      i += 8
    }
    var top = lanes.max()
    while i < count {
      if a[i] > top { top = a[i] }
      i += 1
    }
    return max(top, 0)
  }

  /// Σ w[i]·p[i]² and Σ w[i]·p[i] with p[i] = x[i]², for the power-weighted band means of
  /// ``SpectralWhitening``.
  @inline(__always)
  static func weightedPowerSums(
    magnitude x: UnsafePointer<Float>, weights w: UnsafePointer<Float>, _ count: Int
  ) -> (weighted: Float, total: Float) {
    var weighted = SIMD8<Float>()
    var total = SIMD8<Float>()
    var i = 0
    let rawX = UnsafeRawPointer(x)
    let rawW = UnsafeRawPointer(w)
    while i + 8 <= count {
      let m = rawX.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      let power = m * m
      let t = rawW.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * power
      weighted += t * power
      total += t
      i += 8
    }
    var weightedSum = weighted.sum()
    var totalSum = total.sum()
    while i < count {
      let power = x[i] * x[i]
      let t = w[i] * power
      weightedSum += t * power
      totalSum += t
      i += 1
    }
    return (weightedSum, totalSum)
  }

  /// The lanes of `mask` as bits, lane 0 lowest, so a loop can visit only the set lanes
  /// (`trailingZeroBitCount`, then `bits &= bits - 1`).
  @inline(__always)
  static func bits(_ mask: SIMDMask<SIMD8<Int32>>) -> Int32 {
    SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128).replacing(with: 0, where: .!mask).wrappedSum()
  }

  /// ``bits(_:)`` for a mask of eight Double lanes.
  @inline(__always)
  static func bits(_ mask: SIMDMask<SIMD8<Int64>>) -> Int32 {
    Int32(
      truncatingIfNeeded: SIMD8<Int64>(1, 2, 4, 8, 16, 32, 64, 128).replacing(
        with: 0, where: .!mask
      ).wrappedSum())
  }
}

extension UnsafeMutablePointer where Pointee == Float {
  @inline(__always)
  func swapAt(_ i: Int, _ j: Int) {
    let t = self[i]
    self[i] = self[j]
    self[j] = t
  }
}

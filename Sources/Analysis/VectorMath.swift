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
}

extension UnsafeMutablePointer where Pointee == Float {
  @inline(__always)
  func swapAt(_ i: Int, _ j: Int) {
    let t = self[i]
    self[i] = self[j]
    self[j] = t
  }
}

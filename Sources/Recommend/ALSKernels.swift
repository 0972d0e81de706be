/// The dense Float32 kernels ALS spends its time in: dot products, axpys, vector × matrix and the Gram matrix.
///
/// All take raw pointers (no bounds checks in the inner loops) and any length `n`: 8-wide SIMD for the bulk and a
/// scalar tail. `SIMD8<Float>` compiles to two SSE registers on the x86-64 baseline and one AVX register where
/// available; several independent accumulators keep the adders busy, because Swift will not reorder a scalar
/// float sum into a vector one by itself.
extension ALSModel {
  typealias V8 = SIMD8<Float>

  @inline(__always)
  static func load(_ p: UnsafeRawPointer, _ i: Int) -> V8 {
    p.loadUnaligned(fromByteOffset: i &* 4, as: V8.self)
  }

  @inline(__always)
  static func store(_ v: V8, _ p: UnsafeMutableRawPointer, _ i: Int) {
    p.storeBytes(of: v, toByteOffset: i &* 4, as: V8.self)
  }

  /// Dot product of `n` floats.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    var s0 = V8()
    var s1 = V8()
    var i = 0
    while i &+ 16 <= n {
      s0 += load(ra, i) * load(rb, i)
      s1 += load(ra, i &+ 8) * load(rb, i &+ 8)
      i &+= 16
    }
    if i &+ 8 <= n {
      s0 += load(ra, i) * load(rb, i)
      i &+= 8
    }
    var s = (s0 + s1).sum()
    while i < n {
      s += a[i] * b[i]
      i &+= 1
    }
    return s
  }

  /// y += t·x over `n` floats.
  @inline(__always)
  static func axpy(
    _ t: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int
  ) {
    let rx = UnsafeRawPointer(x)
    let ry = UnsafeMutableRawPointer(y)
    let vt = V8(repeating: t)
    var i = 0
    while i &+ 8 <= n {
      store(load(ry, i) + vt * load(rx, i), ry, i)
      i &+= 8
    }
    while i < n {
      y[i] += t * x[i]
      i &+= 1
    }
  }

  /// v *= t over `n` floats.
  @inline(__always)
  static func scale(_ v: UnsafeMutablePointer<Float>, by t: Float, _ n: Int) {
    for i in 0..<n { v[i] *= t }
  }

  /// p = r + β·p over `n` floats (the conjugate-gradient direction update).
  @inline(__always)
  static func scaleAdd(
    _ r: UnsafePointer<Float>, _ beta: Float, _ p: UnsafeMutablePointer<Float>, _ n: Int
  ) {
    let rr = UnsafeRawPointer(r)
    let rp = UnsafeMutableRawPointer(p)
    let vb = V8(repeating: beta)
    var i = 0
    while i &+ 8 <= n {
      store(load(rr, i) + vb * load(rp, i), rp, i)
      i &+= 8
    }
    while i < n {
      p[i] = r[i] + beta * p[i]
      i &+= 1
    }
  }

  /// out = d ∘ v (elementwise) over `n` floats.
  @inline(__always)
  static func multiplyElementwise(
    _ d: UnsafePointer<Float>, _ v: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
    _ n: Int
  ) {
    for i in 0..<n { out[i] = d[i] * v[i] }
  }

  /// out = vᵀM for an n × n row-major matrix M (so out = M·v when M is symmetric).
  ///
  /// Walks M row by row, adding v[k]·M[k, j…] into 32 outputs held in registers: every element of M is loaded
  /// once and no horizontal sums are needed, unlike one dot product per output.
  @inline(__always)
  static func vectorTimesMatrix(
    _ v: UnsafePointer<Float>, _ m: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
    _ n: Int
  ) {
    let rm = UnsafeRawPointer(m)
    let ro = UnsafeMutableRawPointer(out)
    let stride = n &* 4
    var j = 0
    while j &+ 32 <= n {
      var a0 = V8()
      var a1 = V8()
      var a2 = V8()
      var a3 = V8()
      var row = rm + j &* 4
      for k in 0..<n {
        let s = V8(repeating: v[k])
        a0 += s * load(row, 0)
        a1 += s * load(row, 8)
        a2 += s * load(row, 16)
        a3 += s * load(row, 24)
        row += stride
      }
      store(a0, ro, j)
      store(a1, ro, j &+ 8)
      store(a2, ro, j &+ 16)
      store(a3, ro, j &+ 24)
      j &+= 32
    }
    while j &+ 8 <= n {
      var a0 = V8()
      var row = rm + j &* 4
      for k in 0..<n {
        a0 += V8(repeating: v[k]) * load(row, 0)
        row += stride
      }
      store(a0, ro, j)
      j &+= 8
    }
    while j < n {
      var s: Float = 0
      for k in 0..<n { s += v[k] * m[k &* n &+ j] }
      out[j] = s
      j &+= 1
    }
  }

  /// G += Σ rᵀr over rows `range` of the row-major `rows`, upper triangle only (by 8-wide column blocks, so a
  /// few entries just below the diagonal are touched too); `mirrorUpperTriangle` finishes the matrix.
  ///
  /// Four rows at a time, so each loaded and stored block of G takes four updates.
  static func addGram(
    of rows: UnsafePointer<Float>, _ range: Range<Int>, factors n: Int,
    into g: UnsafeMutablePointer<Float>
  ) {
    let rg = UnsafeMutableRawPointer(g)
    var r = range.lowerBound
    while r &+ 4 <= range.upperBound {
      let v0 = rows + r &* n
      let v1 = v0 + n
      let v2 = v1 + n
      let v3 = v2 + n
      let r0 = UnsafeRawPointer(v0)
      let r1 = UnsafeRawPointer(v1)
      let r2 = UnsafeRawPointer(v2)
      let r3 = UnsafeRawPointer(v3)
      for a in 0..<n {
        let s0 = V8(repeating: v0[a])
        let s1 = V8(repeating: v1[a])
        let s2 = V8(repeating: v2[a])
        let s3 = V8(repeating: v3[a])
        let rowStart = a &* n
        var j = a & ~7
        while j &+ 8 <= n {
          let sum =
            load(rg, rowStart &+ j) + s0 * load(r0, j) + s1 * load(r1, j) + s2 * load(r2, j) + s3
            * load(r3, j)
          store(sum, rg, rowStart &+ j)
          j &+= 8
        }
        while j < n {
          g[rowStart &+ j] += v0[a] * v0[j] + v1[a] * v1[j] + v2[a] * v2[j] + v3[a] * v3[j]
          j &+= 1
        }
      }
      r &+= 4
    }
    while r < range.upperBound {
      let v = rows + r &* n
      for a in 0..<n { axpy(v[a], v + a, g + (a &* n &+ a), n &- a) }
      r &+= 1
    }
  }

  /// Copies the upper triangle of an n × n matrix onto its lower triangle.
  static func mirrorUpperTriangle(_ g: UnsafeMutablePointer<Float>, _ n: Int) {
    for a in 0..<n {
      for b in 0..<a { g[a &* n &+ b] = g[b &* n &+ a] }
    }
  }

  /// YᵀY (factors × factors, row-major) of `rows` rows of `y`.
  ///
  /// A fixed number of partial sums over fixed row ranges, added in a fixed order, so the result does not depend
  /// on the thread count.
  static func gram(
    _ y: UnsafePointer<Float>, rows: Int, factors f: Int, threads: Int
  ) -> [Float] {
    let parts = max(1, min(8, rows))
    let partial = SharedBuffer<[Float]>(repeating: [], count: parts)
    Parallel.forEachChunk(parts, threads: threads) { chunk in
      for part in chunk {
        var g = [Float](repeating: 0, count: f * f)
        g.withUnsafeMutableBufferPointer { gp in
          addGram(
            of: y, (rows * part / parts)..<(rows * (part + 1) / parts), factors: f,
            into: gp.baseAddress!)
        }
        partial.pointer[part] = g
      }
    }
    var g = partial.pointer[0]
    for part in 1..<parts {
      for i in 0..<(f * f) { g[i] += partial.pointer[part][i] }
    }
    g.withUnsafeMutableBufferPointer { mirrorUpperTriangle($0.baseAddress!, f) }
    return g
  }
}

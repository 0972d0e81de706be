import Foundation

/// Eigendecomposition of a small symmetric matrix, A = V·diag(values)·Vᵀ, in Double: Householder reduction to
/// tridiagonal form and the implicit QL method (the EISPACK tred2/tql2 routines, as in JAMA).
///
/// ALS uses it on the f × f Gram matrix (f = factors, 64 by default) once per half-sweep, a few million flops.
struct SymmetricEigen {
  /// Eigenvalues, unordered.
  let values: [Double]
  /// Eigenvectors as the columns of an n × n row-major matrix.
  let vectors: [Double]

  /// Decomposes the symmetric n × n row-major `matrix` (only its values are read, both triangles).
  init(_ matrix: [Double], n: Int) {
    precondition(matrix.count == n * n && n > 0)
    var v = matrix
    var d = [Double](repeating: 0, count: n)
    var e = [Double](repeating: 0, count: n)
    v.withUnsafeMutableBufferPointer { vb in
      d.withUnsafeMutableBufferPointer { db in
        e.withUnsafeMutableBufferPointer { eb in
          SymmetricEigen.tridiagonalize(vb.baseAddress!, db.baseAddress!, eb.baseAddress!, n)
          SymmetricEigen.diagonalize(vb.baseAddress!, db.baseAddress!, eb.baseAddress!, n)
        }
      }
    }
    values = d
    vectors = v
  }

  /// Householder reduction: on return d is the diagonal, e[1…] the subdiagonal, V the accumulated transform.
  private static func tridiagonalize(
    _ V: UnsafeMutablePointer<Double>, _ d: UnsafeMutablePointer<Double>,
    _ e: UnsafeMutablePointer<Double>, _ n: Int
  ) {
    @inline(__always) func at(_ r: Int, _ c: Int) -> UnsafeMutablePointer<Double> { V + r * n + c }
    for j in 0..<n { d[j] = at(n - 1, j).pointee }
    var i = n - 1
    while i > 0 {
      var scale = 0.0
      var h = 0.0
      for k in 0..<i { scale += abs(d[k]) }
      if scale == 0 {
        e[i] = d[i - 1]
        for j in 0..<i {
          d[j] = at(i - 1, j).pointee
          at(i, j).pointee = 0
          at(j, i).pointee = 0
        }
      } else {
        for k in 0..<i {
          d[k] /= scale
          h += d[k] * d[k]
        }
        var f = d[i - 1]
        var g = h.squareRoot()
        if f > 0 { g = -g }
        e[i] = scale * g
        h -= f * g
        d[i - 1] = f - g
        for j in 0..<i { e[j] = 0 }
        for j in 0..<i {
          f = d[j]
          at(j, i).pointee = f
          g = e[j] + at(j, j).pointee * f
          var k = j + 1
          while k <= i - 1 {
            g += at(k, j).pointee * d[k]
            e[k] += at(k, j).pointee * f
            k += 1
          }
          e[j] = g
        }
        f = 0
        for j in 0..<i {
          e[j] /= h
          f += e[j] * d[j]
        }
        let hh = f / (h + h)
        for j in 0..<i { e[j] -= hh * d[j] }
        for j in 0..<i {
          f = d[j]
          g = e[j]
          for k in j..<i { at(k, j).pointee -= f * e[k] + g * d[k] }
          d[j] = at(i - 1, j).pointee
          at(i, j).pointee = 0
        }
      }
      d[i] = h
      i -= 1
    }
    // Accumulate the transformations.
    for i in 0..<(n - 1) {
      at(n - 1, i).pointee = at(i, i).pointee
      at(i, i).pointee = 1
      let h = d[i + 1]
      if h != 0 {
        for k in 0...i { d[k] = at(k, i + 1).pointee / h }
        for j in 0...i {
          var g = 0.0
          for k in 0...i { g += at(k, i + 1).pointee * at(k, j).pointee }
          for k in 0...i { at(k, j).pointee -= g * d[k] }
        }
      }
      for k in 0...i { at(k, i + 1).pointee = 0 }
    }
    for j in 0..<n {
      d[j] = at(n - 1, j).pointee
      at(n - 1, j).pointee = 0
    }
    at(n - 1, n - 1).pointee = 1
    e[0] = 0
  }

  /// Implicit QL iterations on the tridiagonal (d, e), rotating V's columns along.
  private static func diagonalize(
    _ V: UnsafeMutablePointer<Double>, _ d: UnsafeMutablePointer<Double>,
    _ e: UnsafeMutablePointer<Double>, _ n: Int
  ) {
    @inline(__always) func at(_ r: Int, _ c: Int) -> UnsafeMutablePointer<Double> { V + r * n + c }
    for i in 1..<max(1, n) { e[i - 1] = e[i] }
    e[n - 1] = 0
    var f = 0.0
    var tst1 = 0.0
    let eps = Double.ulpOfOne
    for l in 0..<n {
      tst1 = max(tst1, abs(d[l]) + abs(e[l]))
      var m = l
      while m < n - 1, abs(e[m]) > eps * tst1 { m += 1 }
      if m > l {
        // Converges in a couple of iterations per eigenvalue; the bound only guards against NaN input.
        var sweeps = 0
        repeat {
          sweeps += 1
          var g = d[l]
          var p = (d[l + 1] - g) / (2 * e[l])
          var r = hypot(p, 1)
          if p < 0 { r = -r }
          d[l] = e[l] / (p + r)
          d[l + 1] = e[l] * (p + r)
          let dl1 = d[l + 1]
          var h = g - d[l]
          var i = l + 2
          while i < n {
            d[i] -= h
            i += 1
          }
          f += h
          p = d[m]
          var c = 1.0
          var c2 = c
          var c3 = c
          let el1 = e[l + 1]
          var s = 0.0
          var s2 = 0.0
          i = m - 1
          while i >= l {
            c3 = c2
            c2 = c
            s2 = s
            g = c * e[i]
            h = c * p
            r = hypot(p, e[i])
            e[i + 1] = s * r
            s = e[i] / r
            c = p / r
            p = c * d[i] - s * g
            d[i + 1] = h + s * (c * g + s * d[i])
            for k in 0..<n {
              let vk = at(k, i)
              let vk1 = at(k, i + 1)
              h = vk1.pointee
              vk1.pointee = s * vk.pointee + c * h
              vk.pointee = c * vk.pointee - s * h
            }
            i -= 1
          }
          p = -s * s2 * c3 * el1 * e[l] / dl1
          e[l] = s * p
          d[l] = c * p
        } while abs(e[l]) > eps * tst1 && sweeps < 100
      }
      d[l] += f
      e[l] = 0
    }
  }
}

import Foundation
import Theory

/// Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren & Volinsky 2008), each
/// least-squares solve done by a few steps of conjugate gradient warm-started from the last factors
/// (Takács, Pilászy & Tikk 2011; the same scheme as the `implicit` library's CG solver).
///
/// Every (user, item) cell has preference p = 1 if the user played the item, else 0, and confidence
/// c = 1 + α·log(1 + plays) (c = 1 for unplayed cells). The model minimises
/// Σ c·(p − xᵤ·yᵢ)² + λ(Σ‖xᵤ‖² + Σ‖yᵢ‖²); a user's score for item i is xᵤ·yᵢ.
public struct ALSModel: Recommender {
  public struct Parameters: Sendable, Hashable, Codable {
    /// Latent factors per user and item; default 64.
    public var factors = 64
    /// λ, the L2 penalty on the factors; default 0.05.
    public var regularization: Float = 0.05
    /// α in the confidence 1 + α·log(1 + plays); default 2.
    public var alpha: Float = 2
    /// Alternating sweeps (users, then items); default 15.
    public var iterations = 15
    /// Conjugate-gradient steps per row and sweep; default 3.
    public var cgSteps = 3
    /// Seed of the random initial factors.
    public var seed: UInt64 = 42
    /// Threads; default all active cores. Results do not depend on it.
    public var threads = Parallel.cores
    public init() {}
  }

  public let name = "als"
  public let parameters: Parameters
  /// Users × factors, row-major.
  public private(set) var userFactors: [Float]
  /// Items × factors, row-major.
  public private(set) var itemFactors: [Float]
  let userCount: Int
  let itemCount: Int

  /// The confidence matrix c = 1 + α·log(1 + plays) for a play-count matrix.
  public static func confidence(_ plays: SparseMatrix, alpha: Float) -> SparseMatrix {
    plays.mapValues { 1 + alpha * log1p($0) }
  }

  /// Trains on a users × items play-count matrix.
  ///
  /// - Parameter onIteration: called after each sweep with its number (1-based).
  public init(
    training plays: SparseMatrix, parameters: Parameters = Parameters(),
    onIteration: (Int) -> Void = { _ in }
  ) {
    self.parameters = parameters
    userCount = plays.rows
    itemCount = plays.columns
    let f = parameters.factors
    var rng = SeededGenerator(seed: parameters.seed)
    // Small random factors (as `implicit` does) so the first CG steps have a direction to move in.
    userFactors = (0..<(userCount * f)).map { _ in Float(rng.nextUnit()) * 0.01 }
    itemFactors = (0..<(itemCount * f)).map { _ in Float(rng.nextUnit()) * 0.01 }
    let cui = ALSModel.confidence(plays, alpha: parameters.alpha)
    let ciu = cui.transposed()
    for iteration in 1...max(1, parameters.iterations) {
      ALSModel.sweep(
        solving: &userFactors, fixed: itemFactors, confidence: cui, parameters: parameters)
      ALSModel.sweep(
        solving: &itemFactors, fixed: userFactors, confidence: ciu, parameters: parameters)
      onIteration(iteration)
    }
  }

  /// Builds a model from known factors (for tests and saved models).
  public init(userFactors: [Float], itemFactors: [Float], parameters: Parameters) {
    self.parameters = parameters
    self.userFactors = userFactors
    self.itemFactors = itemFactors
    userCount = userFactors.count / parameters.factors
    itemCount = itemFactors.count / parameters.factors
  }

  public func scores(forUser user: Int) -> [Float] {
    let f = parameters.factors
    var out = [Float](repeating: 0, count: itemCount)
    guard user < userCount else { return out }
    userFactors.withUnsafeBufferPointer { xs in
      itemFactors.withUnsafeBufferPointer { ys in
        let x = xs.baseAddress! + user * f
        for i in 0..<itemCount {
          out[i] = ALSModel.dot(x, ys.baseAddress! + i * f, f)
        }
      }
    }
    return out
  }

  /// The training objective Σ c·(p − x·y)² + λ(‖X‖² + ‖Y‖²) over all cells, for a play-count matrix.
  public func loss(on plays: SparseMatrix) -> Double {
    let f = parameters.factors
    let cui = ALSModel.confidence(plays, alpha: parameters.alpha)
    let gram = ALSModel.gram(itemFactors, rows: itemCount, factors: f, threads: 1)
    var total = 0.0
    userFactors.withUnsafeBufferPointer { xs in
      itemFactors.withUnsafeBufferPointer { ys in
        for u in 0..<userCount {
          let x = xs.baseAddress! + u * f
          // Σ over all items of (x·y)² = xᵀ(YᵀY)x; then correct the played cells.
          var quad = 0.0
          for a in 0..<f {
            var s: Float = 0
            for b in 0..<f { s += gram[a * f + b] * x[b] }
            quad += Double(s * x[a])
          }
          total += quad
          for p in cui.range(ofRow: u) {
            let score = Double(ALSModel.dot(x, ys.baseAddress! + Int(cui.columnIndex[p]) * f, f))
            let c = Double(cui.values[p])
            total += c * (1 - score) * (1 - score) - score * score
          }
        }
      }
    }
    let norms =
      userFactors.reduce(0.0) { $0 + Double($1 * $1) }
      + itemFactors.reduce(0.0) { $0 + Double($1 * $1) }
    return total + Double(parameters.regularization) * norms
  }

  // MARK: - Solver

  /// Dot product of `n` floats; 8-wide SIMD with two accumulators, because Swift will not reorder a scalar
  /// float sum and this loop is where ALS spends its time.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
    var i = 0
    var s0 = SIMD8<Float>()
    var s1 = SIMD8<Float>()
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    while i + 16 <= n {
      s0 +=
        ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      s1 +=
        ra.loadUnaligned(fromByteOffset: i * 4 + 32, as: SIMD8<Float>.self)
        * rb.loadUnaligned(fromByteOffset: i * 4 + 32, as: SIMD8<Float>.self)
      i += 16
    }
    if i + 8 <= n {
      s0 +=
        ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      i += 8
    }
    var s = (s0 + s1).sum()
    while i < n {
      s += a[i] * b[i]
      i += 1
    }
    return s
  }

  /// YᵀY (factors × factors), accumulated per thread then summed.
  static func gram(_ y: [Float], rows: Int, factors f: Int, threads: Int) -> [Float] {
    // A fixed number of partial sums, added in a fixed order, so the factors do not depend on the thread count.
    let parts = max(1, min(8, rows))
    let partial = SharedBuffer<[Float]>(repeating: [], count: parts)
    y.withUnsafeBufferPointer { ys in
      let base = ys.baseAddress!
      Parallel.forEachChunk(parts, threads: threads) { chunk in
        for part in chunk {
          var g = [Float](repeating: 0, count: f * f)
          g.withUnsafeMutableBufferPointer { gp in
            let gb = gp.baseAddress!
            for r in (rows * part / parts)..<(rows * (part + 1) / parts) {
              let v = base + r * f
              // Upper triangle only (the Gram matrix is symmetric); mirrored below.
              for a in 0..<f {
                let va = v[a]
                let row = gb + a * f
                for b in a..<f { row[b] += va * v[b] }
              }
            }
          }
          partial.pointer[part] = g
        }
      }
    }
    var g = partial.pointer[0]
    for part in 1..<parts {
      for i in 0..<(f * f) { g[i] += partial.pointer[part][i] }
    }
    for a in 0..<f {
      for b in 0..<a { g[a * f + b] = g[b * f + a] }
    }
    return g
  }

  /// Updates every row of `x` by `cgSteps` conjugate-gradient steps on
  /// (YᵀY + Yᵀ(Cᵤ − I)Y + λI) xᵤ = YᵀCᵤpᵤ.
  static func sweep(
    solving x: inout [Float], fixed y: [Float], confidence: SparseMatrix, parameters: Parameters
  ) {
    let f = parameters.factors
    var a = gram(y, rows: confidence.columns, factors: f, threads: parameters.threads)
    for d in 0..<f { a[d * f + d] += parameters.regularization }
    let shared = SharedBuffer(x)
    let steps = parameters.cgSteps
    y.withUnsafeBufferPointer { ys in
      a.withUnsafeBufferPointer { ap in
        confidence.columnIndex.withUnsafeBufferPointer { cols in
          confidence.values.withUnsafeBufferPointer { conf in
            let yb = ys.baseAddress!
            let gram = ap.baseAddress!
            Parallel.forEachChunk(confidence.rows, threads: parameters.threads) { range in
              let r = UnsafeMutablePointer<Float>.allocate(capacity: f)
              let p = UnsafeMutablePointer<Float>.allocate(capacity: f)
              let q = UnsafeMutablePointer<Float>.allocate(capacity: f)
              defer {
                r.deallocate()
                p.deallocate()
                q.deallocate()
              }
              for u in range {
                let xu = shared.pointer.baseAddress! + u * f
                let nz = confidence.rowStart[u]..<confidence.rowStart[u + 1]
                // r = b − A·x = Σ c·yᵢ − (YᵀY + λI)x − Σ (c − 1)(yᵢ·x) yᵢ
                multiply(gram, xu, into: r, f, negate: true)
                for k in nz {
                  let yi = yb + Int(cols[k]) * f
                  let c = conf[k]
                  let t = c - (c - 1) * dot(yi, xu, f)
                  for d in 0..<f { r[d] += t * yi[d] }
                }
                for d in 0..<f { p[d] = r[d] }
                var rsOld = dot(r, r, f)
                if rsOld < 1e-20 { continue }
                for _ in 0..<steps {
                  multiply(gram, p, into: q, f, negate: false)
                  for k in nz {
                    let yi = yb + Int(cols[k]) * f
                    let t = (conf[k] - 1) * dot(yi, p, f)
                    for d in 0..<f { q[d] += t * yi[d] }
                  }
                  let step = rsOld / dot(p, q, f)
                  for d in 0..<f {
                    xu[d] += step * p[d]
                    r[d] -= step * q[d]
                  }
                  let rsNew = dot(r, r, f)
                  if rsNew < 1e-20 { break }
                  let beta = rsNew / rsOld
                  for d in 0..<f { p[d] = r[d] + beta * p[d] }
                  rsOld = rsNew
                }
              }
            }
          }
        }
      }
    }
    x = shared.array
  }

  /// out = ±(M·v) for a symmetric f × f matrix M.
  @inline(__always)
  static func multiply(
    _ m: UnsafePointer<Float>, _ v: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
    _ f: Int, negate: Bool
  ) {
    for a in 0..<f {
      let s = dot(m + a * f, v, f)
      out[a] = negate ? -s : s
    }
  }
}

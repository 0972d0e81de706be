/// How a half-sweep applies the shared part YᵀY + λI of every row's system inside conjugate gradient.
///
/// Both give the same iterates in exact arithmetic: conjugate gradient commutes with an orthogonal change of basis,
/// and x·y, ‖x‖ and the objective are unchanged when users and items are rotated together.
enum ALSBasis: Sendable {
  /// Per half-sweep, whichever of the two below costs fewer multiply-adds.
  case automatic
  /// (YᵀY + λI)·p as an f × f matrix–vector product per CG step: (steps + 1)·f² per solved row.
  case gramProduct
  /// Rotate users and items onto the eigenvectors of YᵀY, where it is diagonal: f per CG step, plus one
  /// f × f rotation of every user and item row and an f × f eigendecomposition per half-sweep.
  case eigenbasis
}

/// The alternating least-squares loop over two factor buffers that it owns for the duration of training.
final class ALSSolver {
  let f: Int
  let parameters: ALSModel.Parameters
  let basisChoice: ALSBasis
  let users: UnsafeMutablePointer<Float>
  let items: UnsafeMutablePointer<Float>
  let userCount: Int
  let itemCount: Int
  /// The rotation R with stored factors = original factors · R (f × f row-major), nil while it is the identity.
  private var rotation: [Double]?

  /// Takes `userCount` × factors and `itemCount` × factors row-major initial factors.
  init(
    users: [Float], userCount: Int, items: [Float], itemCount: Int,
    parameters: ALSModel.Parameters, basis: ALSBasis
  ) {
    f = parameters.factors
    self.parameters = parameters
    basisChoice = basis
    self.userCount = userCount
    self.itemCount = itemCount
    self.users = .allocate(capacity: max(1, users.count))
    self.items = .allocate(capacity: max(1, items.count))
    self.users.initialize(from: users, count: users.count)
    self.items.initialize(from: items, count: items.count)
  }

  deinit {
    users.deallocate()
    items.deallocate()
  }

  /// The factors in the original coordinates (users, items).
  func factors() -> (users: [Float], items: [Float]) {
    if let rotation {
      // Back from stored = original · R: original = stored · Rᵀ.
      var back = [Float](repeating: 0, count: f * f)
      for a in 0..<f {
        for b in 0..<f { back[a * f + b] = Float(rotation[b * f + a]) }
      }
      rotate(users, rows: userCount, by: back)
      rotate(items, rows: itemCount, by: back)
      self.rotation = nil
    }
    return (
      Array(UnsafeBufferPointer(start: users, count: userCount * f)),
      Array(UnsafeBufferPointer(start: items, count: itemCount * f))
    )
  }

  /// One alternating sweep: users against the items, then items against the new users.
  func sweep(userItems: SparseMatrix, itemUsers: SparseMatrix) {
    halfSweep(solving: users, fixed: items, fixedRows: itemCount, confidence: userItems)
    halfSweep(solving: items, fixed: users, fixedRows: userCount, confidence: itemUsers)
  }

  /// Updates every row of `x` by `cgSteps` conjugate-gradient steps on
  /// (YᵀY + λI + Yᵀ(Cᵤ − I)Y) xᵤ = YᵀCᵤpᵤ, warm-started from the current xᵤ; rows with no events become 0,
  /// their exact solution (as in `implicit`).
  private func halfSweep(
    solving x: UnsafeMutablePointer<Float>, fixed y: UnsafeMutablePointer<Float>, fixedRows: Int,
    confidence: SparseMatrix
  ) {
    let f = self.f
    let threads = parameters.threads
    let lambda = parameters.regularization
    var gram = ALSModel.gram(y, rows: fixedRows, factors: f, threads: threads)
    let activeRows = (0..<confidence.rows).reduce(0) {
      $0 + (confidence.count(ofRow: $1) > 0 ? 1 : 0)
    }
    let useEigenbasis: Bool
    switch basisChoice {
    case .gramProduct: useEigenbasis = false
    case .eigenbasis: useEigenbasis = true
    case .automatic:
      // Multiply-adds per half-sweep; the eigendecomposition (≈ 10 f³ in Double) is weighted up as scalar code.
      let product = activeRows * (parameters.cgSteps + 1) * f * f
      let rotate = (confidence.rows + fixedRows) * f * f + 40 * f * f * f
      useEigenbasis = rotate < product
    }
    var diagonal: [Float] = []
    if useEigenbasis {
      let eigen = SymmetricEigen(gram.map(Double.init), n: f)
      let q = eigen.vectors.map(Float.init)
      rotate(x, rows: confidence.rows, by: q)
      rotate(y, rows: fixedRows, by: q)
      rotation = rotation.map { ALSSolver.multiply($0, eigen.vectors, f) } ?? eigen.vectors
      diagonal = eigen.values.map { Float($0) + lambda }
    } else {
      for d in 0..<f { gram[d * f + d] += lambda }
    }
    let steps = parameters.cgSteps
    gram.withUnsafeBufferPointer { gp in
      diagonal.withUnsafeBufferPointer { dp in
        confidence.columnIndex.withUnsafeBufferPointer { cols in
          confidence.values.withUnsafeBufferPointer { conf in
            confidence.rowStart.withUnsafeBufferPointer { starts in
              let base = ALSBaseOperator(
                gram: gp.baseAddress!, diagonal: useEigenbasis ? dp.baseAddress! : nil, factors: f)
              Parallel.forEachChunk(confidence.rows, threads: threads) { range in
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 3 * f)
                defer { scratch.deallocate() }
                for u in range {
                  let xu = x + u * f
                  let nz = starts[u]..<starts[u + 1]
                  if nz.isEmpty {
                    xu.update(repeating: 0, count: f)
                    continue
                  }
                  ALSSolver.conjugateGradient(
                    xu, nz: nz, columns: cols.baseAddress!, confidence: conf.baseAddress!,
                    fixed: y, base: base, steps: steps, scratch: scratch)
                }
              }
            }
          }
        }
      }
    }
  }

  /// `cgSteps` steps of conjugate gradient for one row, in place; `scratch` holds 3·f floats.
  @inline(__always)
  private static func conjugateGradient(
    _ xu: UnsafeMutablePointer<Float>, nz: Range<Int>, columns: UnsafePointer<Int32>,
    confidence: UnsafePointer<Float>, fixed y: UnsafePointer<Float>, base: ALSBaseOperator,
    steps: Int, scratch: UnsafeMutablePointer<Float>
  ) {
    let f = base.factors
    let r = scratch
    let p = scratch + f
    let q = scratch + 2 * f
    // r = b − A·x = Σ c·yᵢ − (YᵀY + λI)x − Σ (c − 1)(yᵢ·x) yᵢ
    base.apply(xu, into: r)
    ALSModel.scale(r, by: -1, f)
    for k in nz {
      let yi = y + Int(columns[k]) * f
      let c = confidence[k]
      ALSModel.axpy(c - (c - 1) * ALSModel.dot(yi, xu, f), yi, r, f)
    }
    p.update(from: r, count: f)
    var rsOld = ALSModel.dot(r, r, f)
    if rsOld < 1e-20 { return }
    for _ in 0..<steps {
      // q = A·p without forming A: the shared part, then the row's own items.
      base.apply(p, into: q)
      for k in nz {
        let yi = y + Int(columns[k]) * f
        ALSModel.axpy((confidence[k] - 1) * ALSModel.dot(yi, p, f), yi, q, f)
      }
      let step = rsOld / ALSModel.dot(p, q, f)
      ALSModel.axpy(step, p, xu, f)
      ALSModel.axpy(-step, q, r, f)
      let rsNew = ALSModel.dot(r, r, f)
      if rsNew < 1e-20 { break }
      ALSModel.scaleAdd(r, rsNew / rsOld, p, f)
      rsOld = rsNew
    }
  }

  /// rows ← rows · m for `rows` rows of f floats and an f × f row-major m, over the configured threads.
  private func rotate(_ rows: UnsafeMutablePointer<Float>, rows count: Int, by m: [Float]) {
    let f = self.f
    m.withUnsafeBufferPointer { mp in
      Parallel.forEachChunk(count, threads: parameters.threads) { range in
        let out = UnsafeMutablePointer<Float>.allocate(capacity: f)
        defer { out.deallocate() }
        for r in range {
          ALSModel.vectorTimesMatrix(rows + r * f, mp.baseAddress!, into: out, f)
          (rows + r * f).update(from: out, count: f)
        }
      }
    }
  }

  /// a·b for n × n row-major matrices.
  private static func multiply(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
    var c = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for k in 0..<n {
        let aik = a[i * n + k]
        for j in 0..<n { c[i * n + j] += aik * b[k * n + j] }
      }
    }
    return c
  }
}

/// The shared part of every row's system, YᵀY + λI: a full f × f matrix or, in the eigenbasis, its diagonal.
struct ALSBaseOperator {
  let gram: UnsafePointer<Float>
  let diagonal: UnsafePointer<Float>?
  let factors: Int

  /// out = (YᵀY + λI)·v.
  @inline(__always)
  func apply(_ v: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
    if let diagonal {
      ALSModel.multiplyElementwise(diagonal, v, into: out, factors)
    } else {
      ALSModel.vectorTimesMatrix(v, gram, into: out, factors)
    }
  }
}

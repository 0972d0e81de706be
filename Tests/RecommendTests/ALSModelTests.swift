import Testing
import Theory

@testable import Recommend

@Suite struct ALSModelTests {
  /// Two taste groups: users 0..<20 play items 0..<15, users 20..<40 play items 15..<30, each user a seeded
  /// random 60% of their group's items: a rank-2 structure with noise.
  static let planted: SparseMatrix = {
    var rng = SeededGenerator(seed: 3)
    var entries: [(row: Int, column: Int, value: Float)] = []
    for u in 0..<40 {
      let base = u < 20 ? 0 : 15
      for i in base..<(base + 15) where rng.nextUnit() < 0.6 {
        entries.append((u, i, Float(1 + rng.int(in: 0...20))))
      }
    }
    return SparseMatrix(rows: 40, columns: 30, entries: entries)
  }()

  static var parameters: ALSModel.Parameters {
    var p = ALSModel.Parameters()
    p.factors = 4
    p.iterations = 1
    p.threads = 2
    return p
  }

  @Test func lossDecreasesWithEverySweep() {
    var losses: [Double] = []
    for iterations in [1, 2, 4, 8] {
      var p = Self.parameters
      p.iterations = iterations
      losses.append(ALSModel(training: Self.planted, parameters: p).loss(on: Self.planted))
    }
    #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 > $1 }, "losses \(losses)")
  }

  @Test func recoversThePlantedGroups() {
    var p = Self.parameters
    // As many factors as the planted rank: the model must find exactly the two groups.
    p.factors = 2
    p.iterations = 15
    p.regularization = 0.1
    let model = ALSModel(training: Self.planted, parameters: p)
    for u in 0..<40 {
      let own = u < 20 ? 0..<15 : 15..<30
      // Ask for no more than the user's unplayed items of their own group.
      let unplayed = own.filter { !Self.planted.contains(row: u, column: $0) }.count
      let top = TopK.select(
        model.scores(forUser: u), k: min(3, unplayed), excludingRow: u, of: Self.planted)
      #expect(top.allSatisfy { own.contains($0) }, "user \(u) got \(top)")
    }
  }

  @Test func sameSeedSameFactorsWhateverTheThreads() {
    var one = Self.parameters
    one.iterations = 3
    one.threads = 1
    var two = one
    two.threads = 2
    for basis in [ALSBasis.gramProduct, .eigenbasis] {
      let a = ALSModel(training: Self.planted, parameters: one, basis: basis)
      let b = ALSModel(training: Self.planted, parameters: two, basis: basis)
      #expect(a.userFactors == b.userFactors && a.itemFactors == b.itemFactors, "\(basis)")
    }
  }

  /// Rotating onto the eigenvectors of YᵀY is a speed-up only: the trained model must score like the plain
  /// matrix–vector conjugate gradient. Three float32 CG steps on an ill-conditioned system amplify rounding
  /// (both solvers stray from a Double-precision run by ~0.3% of the largest factor after one sweep), hence the
  /// tolerances; a wrong rotation or diagonal is off by far more.
  @Test func eigenbasisSolverMatchesThePlainSolver() {
    var p = Self.parameters
    p.factors = 12
    for iterations in [1, 6] {
      p.iterations = iterations
      let plain = ALSModel(training: Self.planted, parameters: p, basis: .gramProduct)
      let rotated = ALSModel(training: Self.planted, parameters: p, basis: .eigenbasis)
      var worst: Float = 0
      var largest: Float = 0
      for u in 0..<40 {
        for (a, b) in zip(plain.scores(forUser: u), rotated.scores(forUser: u)) {
          worst = max(worst, abs(a - b))
          largest = max(largest, abs(a))
        }
      }
      let limit: Float = iterations == 1 ? 0.01 : 0.05
      #expect(
        largest > 0.1 && worst < limit * largest,
        "\(iterations) sweeps: largest score \(largest), worst difference \(worst)")
      let lossGap = abs(rotated.loss(on: Self.planted) / plain.loss(on: Self.planted) - 1)
      #expect(lossGap < 0.005, "\(iterations) sweeps: losses differ by \(lossGap * 100)%")
    }
    // Factors come back in the original coordinates: after one sweep the user factors agree closely.
    p.iterations = 1
    let gap =
      zip(
        ALSModel(training: Self.planted, parameters: p, basis: .gramProduct).userFactors,
        ALSModel(training: Self.planted, parameters: p, basis: .eigenbasis).userFactors
      ).map { abs($0 - $1) }.max() ?? 1
    #expect(gap < 1e-4, "largest user-factor difference \(gap)")
  }

  @Test func itemsNobodyPlayedScoreZero() {
    let withSpare = SparseMatrix(
      rows: 40, columns: 31,
      entries: (0..<40).flatMap { u in
        (0..<30).filter { Self.planted.contains(row: u, column: $0) }.map { (u, $0, Float(2)) }
      })
    let model = ALSModel(training: withSpare, parameters: Self.parameters)
    #expect((0..<40).allSatisfy { model.scores(forUser: $0)[30] == 0 })
  }

  @Test func eigendecompositionReconstructsTheMatrix() {
    var rng = SeededGenerator(seed: 9)
    for n in [1, 2, 5, 17] {
      var a = [Double](repeating: 0, count: n * n)
      for i in 0..<n {
        for j in i..<n {
          a[i * n + j] = rng.nextUnit() * 2 - 1
          a[j * n + i] = a[i * n + j]
        }
      }
      let e = SymmetricEigen(a, n: n)
      var worst = 0.0
      for i in 0..<n {
        for j in 0..<n {
          // V·diag·Vᵀ against A, and VᵀV against I.
          var rebuilt = 0.0
          var gram = 0.0
          for k in 0..<n {
            rebuilt += e.vectors[i * n + k] * e.values[k] * e.vectors[j * n + k]
            gram += e.vectors[k * n + i] * e.vectors[k * n + j]
          }
          worst = max(worst, abs(rebuilt - a[i * n + j]), abs(gram - (i == j ? 1 : 0)))
        }
      }
      #expect(worst < 1e-12, "n = \(n): worst error \(worst)")
    }
  }

  /// The SIMD kernels against plain loops, at a size with 32-wide, 8-wide and scalar remainders.
  @Test func kernelsMatchPlainLoops() {
    var rng = SeededGenerator(seed: 5)
    let n = 45
    let rows = 7
    let m = (0..<(n * n)).map { _ in Float(rng.nextUnit()) - 0.5 }
    let y = (0..<(rows * n)).map { _ in Float(rng.nextUnit()) - 0.5 }
    var out = [Float](repeating: 0, count: n)
    m.withUnsafeBufferPointer { mp in
      y.withUnsafeBufferPointer { yp in
        out.withUnsafeMutableBufferPointer { op in
          ALSModel.vectorTimesMatrix(yp.baseAddress!, mp.baseAddress!, into: op.baseAddress!, n)
        }
      }
    }
    let g = y.withUnsafeBufferPointer {
      ALSModel.gram($0.baseAddress!, rows: rows, factors: n, threads: 2)
    }
    var worst: Float = 0
    for j in 0..<n {
      worst = max(worst, abs(out[j] - (0..<n).reduce(0) { $0 + y[$1] * m[$1 * n + j] }))
      for k in 0..<n {
        worst = max(
          worst, abs(g[j * n + k] - (0..<rows).reduce(0) { $0 + y[$1 * n + j] * y[$1 * n + k] }))
      }
    }
    #expect(worst < 1e-5, "worst difference \(worst)")
  }

  @Test func bprAlsoSeparatesThePlantedGroups() {
    var p = BPRModel.Parameters()
    p.factors = 4
    p.iterations = 200
    let model = BPRModel(training: Self.planted, parameters: p)
    var own = 0
    for u in 0..<40 {
      let top = TopK.select(model.scores(forUser: u), k: 3, excludingRow: u, of: Self.planted)
      own += top.filter { (u < 20 ? 0..<15 : 15..<30).contains($0) }.count
    }
    #expect(own >= 108, "\(own) of 120 recommendations from the user's own group")
  }
}

import Foundation
import Theory

/// Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren & Volinsky 2008), each
/// least-squares solve done by a few steps of conjugate gradient warm-started from the last factors
/// (Takács, Pilászy & Tikk 2011; the same scheme as the `implicit` library's CG solver). `ALSSolver` runs the
/// sweeps, `ALSKernels` holds the SIMD loops.
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
    self.init(training: plays, parameters: parameters, basis: .automatic, onIteration: onIteration)
  }

  /// Trains with a chosen way of applying YᵀY (tests compare the two).
  init(
    training plays: SparseMatrix, parameters: Parameters, basis: ALSBasis,
    onIteration: (Int) -> Void = { _ in }
  ) {
    self.parameters = parameters
    userCount = plays.rows
    itemCount = plays.columns
    let f = parameters.factors
    var rng = SeededGenerator(seed: parameters.seed)
    // Small random factors (as `implicit` does) so the first CG steps have a direction to move in.
    let users = (0..<(userCount * f)).map { _ in Float(rng.nextUnit()) * 0.01 }
    let items = (0..<(itemCount * f)).map { _ in Float(rng.nextUnit()) * 0.01 }
    let cui = ALSModel.confidence(plays, alpha: parameters.alpha)
    let ciu = cui.transposed()
    let solver = ALSSolver(
      users: users, userCount: userCount, items: items, itemCount: itemCount,
      parameters: parameters,
      basis: basis)
    for iteration in 1...max(1, parameters.iterations) {
      solver.sweep(userItems: cui, itemUsers: ciu)
      onIteration(iteration)
    }
    (userFactors, itemFactors) = solver.factors()
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
    let gram = itemFactors.withUnsafeBufferPointer { ys in
      ALSModel.gram(ys.baseAddress!, rows: itemCount, factors: f, threads: 1)
    }
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
}

import Foundation
import Theory

/// Bayesian personalised ranking (Rendle et al. 2009) trained by stochastic gradient descent: for a sampled
/// played item i and unplayed item j, push xᵤ·yᵢ + bᵢ above xᵤ·yⱼ + bⱼ.
///
/// One epoch draws as many (u, i, j) triples as there are played cells; sampling is seeded and single-threaded,
/// so the same seed gives the same model.
public struct BPRModel: Recommender {
  public struct Parameters: Sendable, Hashable, Codable {
    /// Latent factors; default 64.
    public var factors = 64
    /// SGD step size; default 0.05.
    public var learningRate: Float = 0.05
    /// L2 penalty; default 0.01.
    public var regularization: Float = 0.01
    /// Epochs; default 60.
    public var iterations = 60
    public var seed: UInt64 = 42
    public init() {}
  }

  public let name = "bpr"
  public let parameters: Parameters
  var userFactors: [Float]
  var itemFactors: [Float]
  var itemBias: [Float]
  let itemCount: Int
  let userCount: Int

  public init(
    training: SparseMatrix, parameters: Parameters = Parameters(),
    onIteration: (Int) -> Void = { _ in }
  ) {
    self.parameters = parameters
    let f = parameters.factors
    userCount = training.rows
    itemCount = training.columns
    var rng = SeededGenerator(seed: parameters.seed)
    let scale = 1 / Float(f).squareRoot()
    userFactors = (0..<(userCount * f)).map { _ in (Float(rng.nextUnit()) - 0.5) * scale }
    itemFactors = (0..<(itemCount * f)).map { _ in (Float(rng.nextUnit()) - 0.5) * scale }
    itemBias = [Float](repeating: 0, count: itemCount)
    // Row of each stored cell, so a uniform cell draw gives (u, i).
    var rowOf = [Int32](repeating: 0, count: training.nonZeroCount)
    for u in 0..<training.rows { for p in training.range(ofRow: u) { rowOf[p] = Int32(u) } }
    let lr = parameters.learningRate
    let reg = parameters.regularization
    let cells = training.nonZeroCount
    guard cells > 0, itemCount > 1 else { return }
    userFactors.withUnsafeMutableBufferPointer { xs in
      itemFactors.withUnsafeMutableBufferPointer { ys in
        itemBias.withUnsafeMutableBufferPointer { bs in
          for epoch in 1...max(1, parameters.iterations) {
            for _ in 0..<cells {
              let cell = Int(rng.next() % UInt64(cells))
              let u = Int(rowOf[cell])
              let i = Int(training.columnIndex[cell])
              var j = Int(rng.next() % UInt64(itemCount))
              // A few redraws avoid most played items without looping forever for heavy users.
              var tries = 0
              while tries < 8, training.contains(row: u, column: j) {
                j = Int(rng.next() % UInt64(itemCount))
                tries += 1
              }
              if training.contains(row: u, column: j) { continue }
              let x = xs.baseAddress! + u * f
              let yi = ys.baseAddress! + i * f
              let yj = ys.baseAddress! + j * f
              var diff = bs[i] - bs[j]
              for d in 0..<f { diff += x[d] * (yi[d] - yj[d]) }
              let z = 1 / (1 + exp(diff))
              bs[i] += lr * (z - reg * bs[i])
              bs[j] += lr * (-z - reg * bs[j])
              for d in 0..<f {
                let xu = x[d]
                let a = yi[d]
                let b = yj[d]
                x[d] += lr * (z * (a - b) - reg * xu)
                yi[d] += lr * (z * xu - reg * a)
                yj[d] += lr * (-z * xu - reg * b)
              }
            }
            onIteration(epoch)
          }
        }
      }
    }
  }

  public func scores(forUser user: Int) -> [Float] {
    let f = parameters.factors
    var out = itemBias
    guard user < userCount else { return out }
    userFactors.withUnsafeBufferPointer { xs in
      itemFactors.withUnsafeBufferPointer { ys in
        for i in 0..<itemCount {
          out[i] += ALSModel.dot(xs.baseAddress! + user * f, ys.baseAddress! + i * f, f)
        }
      }
    }
    return out
  }
}

import Testing
import Theory
@testable import Recommend
@Suite struct ALSScratchTests {
  static func half(_ x: inout [Double], _ y: [Double], _ c: SparseMatrix, f: Int, lambda: Double, steps: Int) {
    let n = y.count / f
    var g = [Double](repeating: 0, count: f*f)
    for r in 0..<n { for a in 0..<f { for b in 0..<f { g[a*f+b] += y[r*f+a]*y[r*f+b] } } }
    for d in 0..<f { g[d*f+d] += lambda }
    func A(_ v: [Double], _ u: Int) -> [Double] {
      var o = (0..<f).map { a in (0..<f).reduce(0.0) { $0 + g[a*f+$1]*v[$1] } }
      for k in c.range(ofRow: u) { let i = Int(c.columnIndex[k]); let cc = Double(c.values[k])
        let t = (cc-1) * (0..<f).reduce(0.0) { $0 + y[i*f+$1]*v[$1] }
        for d in 0..<f { o[d] += t*y[i*f+d] } }
      return o
    }
    for u in 0..<c.rows {
      var xu = Array(x[(u*f)..<(u*f+f)])
      let ax = A(xu, u)
      var r = ax.map { -$0 }
      for k in c.range(ofRow: u) { let i = Int(c.columnIndex[k]); let cc = Double(c.values[k])
        for d in 0..<f { r[d] += cc*y[i*f+d] } }
      var p = r
      var rs = r.reduce(0) { $0 + $1*$1 }
      for _ in 0..<steps {
        let q = A(p, u)
        let st = rs / zip(p,q).reduce(0) { $0 + $1.0*$1.1 }
        for d in 0..<f { xu[d] += st*p[d]; r[d] -= st*q[d] }
        let rn = r.reduce(0) { $0 + $1*$1 }
        for d in 0..<f { p[d] = r[d] + rn/rs*p[d] }
        rs = rn
      }
      for d in 0..<f { x[u*f+d] = xu[d] }
    }
  }
  @Test func scratch() {
    for it in 1...3 {
      var p = ALSModelTests.parameters
      p.factors = 12
      p.iterations = it
      let a = ALSModel(training: ALSModelTests.planted, parameters: p, basis: .gramProduct)
      let b = ALSModel(training: ALSModelTests.planted, parameters: p, basis: .eigenbasis)
      var rng = SeededGenerator(seed: p.seed)
      var xu = (0..<(40*12)).map { _ in Double(Float(rng.nextUnit()) * 0.01) }
      var yi = (0..<(30*12)).map { _ in Double(Float(rng.nextUnit()) * 0.01) }
      let cui = ALSModel.confidence(ALSModelTests.planted, alpha: p.alpha)
      let ciu = cui.transposed()
      for _ in 0..<it {
        Self.half(&xu, yi, cui, f: 12, lambda: Double(p.regularization), steps: 3)
        Self.half(&yi, xu, ciu, f: 12, lambda: Double(p.regularization), steps: 3)
      }
      let ga = zip(a.itemFactors, yi).map { abs(Double($0) - $1) }.max()!
      let gb = zip(b.itemFactors, yi).map { abs(Double($0) - $1) }.max()!
      print("it", it, "plain-vs-double", ga, "eigen-vs-double", gb, "maxabs", yi.map(abs).max()!)
    }
  }
}

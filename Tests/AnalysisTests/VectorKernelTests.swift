import Testing

@testable import Analysis

/// The vector kernels give what the plain loops they replace give, at every length (the tails that
/// are not a multiple of eight included).
@Suite struct VectorKernelTests {
  /// Deterministic test values in [0, 1) (a linear congruential generator, so no seed handling).
  func values(_ count: Int, seed: UInt64) -> [Float] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Float(state >> 40) / Float(1 << 24)
    }
  }

  @Test func maximumMatchesALoop() {
    for count in [0, 1, 7, 8, 9, 31, 460, 1025] {
      let x = values(count, seed: UInt64(count) + 1)
      let expected = x.max() ?? 0
      #expect(x.withUnsafeBufferPointer { VectorMath.maximum($0.baseAddress!, count) } == expected)
    }
  }

  @Test func weightedPowerSumsMatchALoop() {
    for count in [1, 5, 8, 13, 64, 437] {
      let x = values(count, seed: 7)
      let w = values(count, seed: 11)
      var weighted = 0.0
      var total = 0.0
      for i in 0..<count {
        let power = Double(x[i]) * Double(x[i])
        weighted += Double(w[i]) * power * power
        total += Double(w[i]) * power
      }
      let sums = x.withUnsafeBufferPointer { xs in
        w.withUnsafeBufferPointer {
          VectorMath.weightedPowerSums(magnitude: xs.baseAddress!, weights: $0.baseAddress!, count)
        }
      }
      #expect(abs(Double(sums.weighted) - weighted) <= 1e-5 * max(1, weighted))
      #expect(abs(Double(sums.total) - total) <= 1e-5 * max(1, total))
    }
  }

  @Test func stereoDownmixIsTheMeanOfEachFrame() {
    for frames in [0, 3, 8, 17, 1000] {
      let interleaved = values(2 * frames, seed: 3)
      let mono = Analyzer.downmix(interleaved, channels: 2)
      #expect(mono.count == frames)
      for f in 0..<frames {
        #expect(abs(mono[f] - (interleaved[2 * f] + interleaved[2 * f + 1]) / 2) < 1e-7)
      }
    }
  }

  /// Lane masks as bits, lane 0 lowest, for Float and Double lanes alike.
  @Test func laneMasksBecomeBits() {
    let x = SIMD8<Float>(0, 5, 0, 5, 5, 0, 0, 5)
    #expect(VectorMath.bits(x .> 1) == 0b1001_1010)
    #expect(VectorMath.bits(SIMD8<Double>(x) .> 1) == 0b1001_1010)
    #expect(VectorMath.bits(x .> 9) == 0)
    #expect(VectorMath.bits(x .>= 0) == 0xFF)
  }
}

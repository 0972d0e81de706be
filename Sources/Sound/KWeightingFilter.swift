import Foundation

/// The ITU-R BS.1770-4 K-weighting filter (a high-shelf pre-filter, then the RLB high-pass), with its
/// coefficients derived for any sample rate exactly as libebur128 1.2.6's `ebur128_init_filter` does
/// (bilinear transform with prewarping of the analogue prototypes below), so that our meter reads the
/// same numbers as the library the renderer and `analyze` used to call.
///
/// libebur128 multiplies the two sections into one 4th-order direct form and keeps its state in memory;
/// here they stay two biquads run in direct form I in `Double`, two channels at a time, with the state
/// in local variables for the whole inner loop. The shelf is scaled by `1 / b0` (one multiply
/// fewer per sample); `energyGain` (`b0²`) puts that scale back on the summed energy.
struct KWeightingFilter: Sendable {
  let shelfB1: Double
  let shelfB2: Double
  let shelfA1: Double
  let shelfA2: Double
  let highPassA1: Double
  let highPassA2: Double
  /// The square of the shelf's first numerator coefficient: multiplies a sum of squared outputs.
  let energyGain: Double
  /// Coefficients for `sampleRate` Hz (an integer, as libebur128 takes it).
  init(sampleRate: Int) {
    let rate = Double(sampleRate)
    // Pre-filter: high shelf, +4 dB above about 1.5 kHz (libebur128's constants, to the last digit).
    var f0 = 1681.974450955533
    let gain = 3.999843853973347
    var q = 0.7071752369554196
    var k = tan(Double.pi * f0 / rate)
    let vh = pow(10.0, gain / 20.0)
    let vb = pow(vh, 0.4996667741545416)
    let a0 = 1.0 + k / q + k * k
    let b0 = (vh + vb * k / q + k * k) / a0
    let b1 = 2.0 * (k * k - vh) / a0
    let b2 = (vh - vb * k / q + k * k) / a0
    shelfA1 = 2.0 * (k * k - 1.0) / a0
    shelfA2 = (1.0 - k / q + k * k) / a0
    shelfB1 = b1 / b0
    shelfB2 = b2 / b0
    energyGain = b0 * b0
    // RLB weighting: second-order high-pass near 38 Hz; its numerator is 1, -2, 1.
    f0 = 38.13547087602444
    q = 0.5003270373238773
    k = tan(Double.pi * f0 / rate)
    highPassA1 = 2.0 * (k * k - 1.0) / (1.0 + k / q + k * k)
    highPassA2 = (1.0 - k / q + k * k) / (1.0 + k / q + k * k)
  }

  /// The filter memory of two channels (one per lane): two past inputs, shelf outputs and outputs.
  struct PairState: Sendable {
    var x1 = SIMD2<Double>.zero
    var x2 = SIMD2<Double>.zero
    var u1 = SIMD2<Double>.zero
    var u2 = SIMD2<Double>.zero
    var y1 = SIMD2<Double>.zero
    var y2 = SIMD2<Double>.zero

    /// Sets feedback memory that has decayed below anything audible to exactly zero, so digital
    /// silence after sound never drives the recursion into (very slow) subnormal arithmetic.
    /// libebur128 gets the same effect from the CPU's flush-to-zero mode.
    mutating func flushTinyValues() {
      let squares = pointwiseMax(pointwiseMax(u1 * u1, u2 * u2), pointwiseMax(y1 * y1, y2 * y2))
      if squares.max() < 1e-200 {
        u1 = .zero
        u2 = .zero
        y1 = .zero
        y2 = .zero
      }
    }
  }

  /// Filters `frames` interleaved frames (`stride` values apart) of the channels `first` and `second`
  /// and returns each one's sum of squared outputs (to be scaled by `energyGain`).
  ///
  /// The two channels are written as two scalar chains, which the optimiser packs into one SSE2
  /// register per quantity. Written with `SIMD2` arithmetic instead, it split the lanes and paired
  /// them up differently, putting shuffles on the feedback path (about half the speed). Only the last
  /// operation of each output waits on the previous sample, so a frame costs one multiply and one
  /// subtraction of latency per section, and the two sections overlap.
  func filter(
    _ samples: UnsafePointer<Float>, frames: Int, stride: Int, first: Int, second: Int,
    state: inout PairState
  ) -> SIMD2<Double> {
    let (b1, b2, a1, a2) = (shelfB1, shelfB2, shelfA1, shelfA2)
    let (h1, h2) = (highPassA1, highPassA2)
    var (xl1, xr1, xl2, xr2) = (state.x1[0], state.x1[1], state.x2[0], state.x2[1])
    var (ul1, ur1, ul2, ur2) = (state.u1[0], state.u1[1], state.u2[0], state.u2[1])
    var (yl1, yr1, yl2, yr2) = (state.y1[0], state.y1[1], state.y2[0], state.y2[1])
    var (energyL, energyR) = (0.0, 0.0)
    var row = samples
    for _ in 0..<frames {
      let (xl, xr) = (Double(row[first]), Double(row[second]))
      row += stride
      let ul = (xl + b1 * xl1 + b2 * xl2 - a2 * ul2) - a1 * ul1
      let ur = (xr + b1 * xr1 + b2 * xr2 - a2 * ur2) - a1 * ur1
      // The high-pass numerator is 1, -2, 1.
      let yl = ((ul + ul2) - 2 * ul1 - h2 * yl2) - h1 * yl1
      let yr = ((ur + ur2) - 2 * ur1 - h2 * yr2) - h1 * yr1
      energyL += yl * yl
      energyR += yr * yr
      (xl2, xl1, ul2, ul1, yl2, yl1) = (xl1, xl, ul1, ul, yl1, yl)
      (xr2, xr1, ur2, ur1, yr2, yr1) = (xr1, xr, ur1, ur, yr1, yr)
    }
    state = PairState(
      x1: SIMD2(xl1, xr1), x2: SIMD2(xl2, xr2), u1: SIMD2(ul1, ur1), u2: SIMD2(ul2, ur2),
      y1: SIMD2(yl1, yr1), y2: SIMD2(yl2, yr2))
    return SIMD2(energyL, energyR)
  }
}

import CFFTW
import Foundation

/// A single-precision real-to-complex FFTW plan for one transform size, shared by every thread.
///
/// FFTW's planner is not thread-safe, so plans are made (and destroyed) only under ``plannerLock``, once
/// per size, and cached for the life of the process (``forSize(_:)``). Executing a plan is thread-safe
/// with the new-array interface, so each thread transforms its own ``FFTWorkspace`` buffers.
final class FFTPlan: @unchecked Sendable {
  /// Transform length in samples.
  let size: Int
  private let plan: fftwf_plan
  // The planner needs real buffers to plan against; they also fix the alignment workspaces must match
  // (fftwf_malloc aligns for SIMD, so every workspace made with fftwf_malloc qualifies).
  private let planInput: UnsafeMutablePointer<Float>
  private let planOutput: UnsafeMutablePointer<fftwf_complex>

  private static let plannerLock = NSLock()
  private nonisolated(unsafe) static var cache: [Int: FFTPlan] = [:]

  private init(size: Int) {
    self.size = size
    planInput = fftwf_alloc_real(size)
    planOutput = fftwf_alloc_complex(size / 2 + 1)
    // FFTW_ESTIMATE plans in microseconds and leaves the buffers alone; MEASURE would cost
    // seconds per size for a few percent at these lengths.
    plan = fftwf_plan_dft_r2c_1d(Int32(size), planInput, planOutput, UInt32(FFTW_ESTIMATE))!
  }

  deinit {
    FFTPlan.plannerLock.lock()
    fftwf_destroy_plan(plan)
    FFTPlan.plannerLock.unlock()
    fftwf_free(planInput)
    fftwf_free(planOutput)
  }

  /// The cached plan for transforms of `size` samples (made on first use, under the planner lock).
  static func forSize(_ size: Int) -> FFTPlan {
    plannerLock.lock()
    defer { plannerLock.unlock() }
    if let plan = cache[size] { return plan }
    let plan = FFTPlan(size: size)
    cache[size] = plan
    return plan
  }

  /// Transforms `workspace.input` (``size`` real samples) into `workspace.output` (``size``/2 + 1 bins).
  func forward(_ workspace: FFTWorkspace) {
    precondition(
      workspace.size == size, "workspace of size \(workspace.size) used with a plan of size \(size)"
    )
    fftwf_execute_dft_r2c(plan, workspace.input, workspace.output)
  }
}

/// Per-thread input and output buffers for an ``FFTPlan``, allocated with `fftwf_malloc` so their
/// alignment matches what the plan was made for.
final class FFTWorkspace {
  let size: Int
  let input: UnsafeMutablePointer<Float>
  let output: UnsafeMutablePointer<fftwf_complex>

  init(size: Int) {
    self.size = size
    input = fftwf_alloc_real(size)
    input.initialize(repeating: 0, count: size)
    output = fftwf_alloc_complex(size / 2 + 1)
  }

  deinit {
    fftwf_free(input)
    fftwf_free(output)
  }

  /// Power |X[k]|² of bin `k` of the last transform.
  @inline(__always) func power(_ k: Int) -> Float {
    let re = output[k].0
    let im = output[k].1
    return re * re + im * im
  }
}

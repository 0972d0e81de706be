import Dispatch
import Foundation

/// Runs work over index ranges on several threads (`DispatchQueue.concurrentPerform`), in contiguous chunks so
/// each thread keeps its own scratch buffers.
public enum Parallel {
  /// The number of active processor cores.
  public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// Calls `body(chunkRange)` for consecutive chunks of `0..<count` on up to `threads` threads.
  static func forEachChunk(_ count: Int, threads: Int, _ body: (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let workers = max(1, min(threads, count))
    if workers == 1 {
      body(0..<count)
      return
    }
    // More chunks than threads balances uneven rows (heavy users) without much overhead.
    let chunks = min(count, workers * 8)
    // Callers share read-only inputs and write disjoint rows of a SharedBuffer, which the compiler cannot see.
    withoutActuallyEscaping(body) { escapable in
      let work = UncheckedSendable(value: escapable)
      DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let lo = count * c / chunks
        let hi = count * (c + 1) / chunks
        if lo < hi { work.value(lo..<hi) }
      }
    }
  }
}

/// A fixed-size buffer that threads write at disjoint positions.
final class SharedBuffer<T>: @unchecked Sendable {
  let pointer: UnsafeMutableBufferPointer<T>
  init(repeating value: T, count: Int) {
    pointer = .allocate(capacity: count)
    pointer.initialize(repeating: value)
  }
  init(_ array: [T]) {
    pointer = .allocate(capacity: array.count)
    _ = pointer.initialize(from: array)
  }
  var array: [T] { Array(pointer) }
  deinit {
    // Elements such as arrays own memory of their own: release them before the buffer (LeakSanitizer found
    // every ALS Gram matrix leaked without this).
    _ = pointer.deinitialize()
    pointer.deallocate()
  }
}

/// Wraps a value the caller promises is used safely across threads.
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
}

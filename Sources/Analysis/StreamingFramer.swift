/// Cuts a stream of samples, arriving in blocks of any size, into overlapping frames exactly as
/// librosa's `stft(center=True, pad_mode='constant')` does: `nFFT/2` zeros before the first sample and
/// after the last, one frame every `hopLength` samples, `1 + samples / hopLength` frames in all.
///
/// Only the last `nFFT` samples are kept, so memory does not grow with the length of the file.
struct StreamingFramer {
  let nFFT: Int
  let hopLength: Int
  private var buffer: [Float]
  /// Index in `buffer` where the next frame starts.
  private var nextStart = 0
  /// Samples received, not counting padding.
  private(set) var sampleCount = 0
  private(set) var frameCount = 0
  private var finished = false

  init(nFFT: Int, hopLength: Int) {
    self.nFFT = nFFT
    self.hopLength = hopLength
    buffer = [Float](repeating: 0, count: nFFT / 2)
    buffer.reserveCapacity(4 * nFFT + 65536)
  }

  /// Appends samples and calls `frame` for every frame that is now complete.
  mutating func append(
    _ samples: UnsafeBufferPointer<Float>, frame: (UnsafeBufferPointer<Float>) -> Void
  ) {
    precondition(!finished, "append after finish")
    sampleCount += samples.count
    var offset = 0
    while offset < samples.count {
      // Feed in chunks so the buffer stays small even for one enormous block.
      let chunk = min(samples.count - offset, 65536)
      buffer.append(contentsOf: UnsafeBufferPointer(rebasing: samples[offset..<(offset + chunk)]))
      offset += chunk
      emitFrames(frame)
    }
  }

  /// Pads the end with zeros and emits the remaining frames.
  mutating func finish(frame: (UnsafeBufferPointer<Float>) -> Void) {
    guard !finished else { return }
    finished = true
    buffer.append(contentsOf: [Float](repeating: 0, count: nFFT / 2))
    let total = 1 + sampleCount / hopLength
    emitFrames(frame, limit: total)
  }

  private mutating func emitFrames(_ frame: (UnsafeBufferPointer<Float>) -> Void, limit: Int = .max)
  {
    buffer.withUnsafeBufferPointer { all in
      while nextStart + nFFT <= all.count, frameCount < limit {
        frame(UnsafeBufferPointer(rebasing: all[nextStart..<(nextStart + nFFT)]))
        nextStart += hopLength
        frameCount += 1
      }
    }
    // Drop consumed samples now and then, not every frame, to keep the copying cheap.
    if nextStart >= 32768 {
      buffer.removeFirst(nextStart)
      nextStart = 0
    }
  }
}

/// Mean and standard deviation of a stream of values (Welford's method, in Double).
struct RunningStats: Sendable {
  private(set) var count = 0
  private(set) var mean = 0.0
  private var m2 = 0.0

  mutating func add(_ x: Double) {
    count += 1
    let delta = x - mean
    mean += delta / Double(count)
    m2 += delta * (x - mean)
  }

  /// Population standard deviation (numpy's default, ddof 0).
  var std: Double { count > 0 ? (m2 / Double(count)).squareRoot() : 0 }
}

/// Onsets from an onset-strength envelope: peaks that are the maximum within ±30 ms
/// (librosa.util.peak_pick's pre_max/post_max), exceed the local mean over ±100 ms by `delta` of the
/// envelope's range, and are at least 30 ms apart (librosa.onset.onset_detect's defaults, approximately).
enum OnsetCounter {
  /// The frames at which onsets are picked, in order.
  static func frames(_ envelope: [Float], frameRate: Double) -> [Int] {
    let n = envelope.count
    guard n > 2, let top = envelope.max(), top > 0 else { return [] }
    let low = envelope.min() ?? 0
    let delta = 0.07 * (top - low)
    let maxSpan = max(1, Int(0.03 * frameRate))
    let meanSpan = max(1, Int(0.1 * frameRate))
    var picked: [Int] = []
    var last = -Int.max / 2
    // Running sum for the local mean.
    var prefix = [Double](repeating: 0, count: n + 1)
    for i in 0..<n { prefix[i + 1] = prefix[i] + Double(envelope[i]) }
    for i in 0..<n {
      let lo = max(0, i - maxSpan)
      let hi = min(n - 1, i + maxSpan)
      var isMax = true
      for j in lo...hi where envelope[j] > envelope[i] {
        isMax = false
        break
      }
      guard isMax else { continue }
      let mLo = max(0, i - meanSpan)
      let mHi = min(n - 1, i + meanSpan)
      let mean = (prefix[mHi + 1] - prefix[mLo]) / Double(mHi - mLo + 1)
      guard Double(envelope[i]) >= mean + Double(delta), i - last > maxSpan else { continue }
      picked.append(i)
      last = i
    }
    return picked
  }
}

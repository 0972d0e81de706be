import Foundation

/// Beat positions by dynamic programming (Ellis 2007, "Beat tracking by dynamic programming"), following
/// librosa.beat.beat_track: a smoothed onset score, a transition cost that prefers beat spacings close
/// to the tempo's period (tightness 100), backtracking from the last strong beat, and trimming of weak
/// beats at both ends.
struct BeatTracker {
  var frameRate: Double
  var tightness = 100.0

  /// Beat times in seconds (each refined to the onset peak within ±2 frames).
  func track(onset: [Double], bpm: Double) -> [Double] {
    let n = onset.count
    let period = 60 * frameRate / bpm
    guard n > Int(2 * period) + 2, period >= 2 else { return [] }
    let mean = onset.reduce(0, +) / Double(n)
    let variance = onset.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, n - 1))
    guard variance > 0 else { return [] }
    let normalized = onset.map { $0 / variance.squareRoot() }
    // Local score: the onset envelope smoothed by a Gaussian a fraction of a period wide.
    let half = Int(period.rounded())
    let kernel = (-half...half).map { exp(-0.5 * pow(Double($0) * 32 / period, 2)) }
    var local = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var s = 0.0
      for (j, w) in kernel.enumerated() {
        let k = i + j - half
        if k >= 0, k < n { s += w * normalized[k] }
      }
      local[i] = s
    }
    let localMax = local.max() ?? 0
    guard localMax > 0 else { return [] }
    let windowStart = -Int((2 * period).rounded())
    let windowEnd = -Int((period / 2).rounded())
    let offsets = Array(windowStart...windowEnd)
    let transition = offsets.map { -tightness * pow(log(-Double($0) / period), 2) }
    var cumulative = [Double](repeating: 0, count: n)
    var backlink = [Int](repeating: -1, count: n)
    var firstBeat = true
    for i in 0..<n {
      var best = -Double.infinity
      var bestIndex = -1
      for (j, offset) in offsets.enumerated() {
        let k = i + offset
        guard k >= 0 else { continue }
        let candidate = transition[j] + cumulative[k]
        if candidate > best {
          best = candidate
          bestIndex = k
        }
      }
      if bestIndex < 0 { best = 0 }
      cumulative[i] = local[i] + best
      if firstBeat, local[i] < 0.01 * localMax {
        backlink[i] = -1
      } else {
        backlink[i] = bestIndex
        firstBeat = false
      }
    }
    // The last beat: the latest local maximum of the cumulative score above half their median.
    var maxima: [Int] = []
    for i in 1..<(n - 1)
    where cumulative[i] > cumulative[i - 1] && cumulative[i] >= cumulative[i + 1] {
      maxima.append(i)
    }
    guard !maxima.isEmpty else { return [] }
    let sortedScores = maxima.map { cumulative[$0] }.sorted()
    let median = sortedScores[sortedScores.count / 2]
    guard let last = maxima.last(where: { cumulative[$0] * 2 > median }) else { return [] }
    var beats = [last]
    while let previous = beats.last.map({ backlink[$0] }), previous >= 0 { beats.append(previous) }
    beats.reverse()
    beats = trimmed(beats, local: local)
    return beats.map { refine($0, onset: onset) / frameRate }
  }

  /// Drops weak beats at the start and end (librosa `trim=True`): beats whose Hann-smoothed local score
  /// is below half the RMS of those scores.
  private func trimmed(_ beats: [Int], local: [Double]) -> [Int] {
    guard beats.count > 2 else { return beats }
    let scores = beats.map { local[$0] }
    let hann = [0.0, 0.5, 1.0, 0.5, 0.0].map { $0 }
    let smooth = scores.indices.map { i in
      (-2...2).reduce(0.0) { sum, o in
        let k = i + o
        return k >= 0 && k < scores.count ? sum + hann[o + 2] * scores[k] : sum
      }
    }
    let threshold = 0.5 * (smooth.map { $0 * $0 }.reduce(0, +) / Double(smooth.count)).squareRoot()
    guard let first = smooth.firstIndex(where: { $0 > threshold }),
      let last = smooth.lastIndex(where: { $0 > threshold }), first <= last
    else { return beats }
    return Array(beats[first...last])
  }

  /// The onset peak nearest a beat frame, to a fraction of a frame.
  private func refine(_ frame: Int, onset: [Double]) -> Double {
    let range = max(1, frame - 2)...min(onset.count - 2, frame + 2)
    guard !range.isEmpty, let peak = range.max(by: { onset[$0] < onset[$1] }) else {
      return Double(frame)
    }
    let (a, b, c) = (onset[peak - 1], onset[peak], onset[peak + 1])
    let denominator = a - 2 * b + c
    guard denominator < 0 else { return Double(peak) }
    return Double(peak) + max(-0.5, min(0.5, 0.5 * (a - c) / denominator))
  }

  /// Seconds per beat from a least-squares line through the beat times.
  static func fittedPeriod(_ beats: [Double]) -> Double {
    let n = Double(beats.count)
    let meanIndex = (n - 1) / 2
    let meanTime = beats.reduce(0, +) / n
    var num = 0.0
    var den = 0.0
    for (i, t) in beats.enumerated() {
      num += (Double(i) - meanIndex) * (t - meanTime)
      den += (Double(i) - meanIndex) * (Double(i) - meanIndex)
    }
    return num / den
  }
}

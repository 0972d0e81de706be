/// The spectral-peak pitch-class profile of the last few seconds of a stream, kept in half-second
/// blocks so that memory stays fixed however long the file: what ``KeyEstimator`` reads as the final
/// sonority (see CadenceKey.swift).
struct RecentProfiles {
  private let blockSeconds: Double
  private let framesPerBlock: Int
  private let blocksKept: Int
  /// Finished blocks, oldest first: each block's profile sum and its frames' summed RMS.
  private var blocks: [(profile: [Double], energy: Double)] = []
  private var current: [Double]
  private var currentEnergy = 0.0
  private var currentFrames = 0
  private var totalEnergy = 0.0
  private var totalBlocks = 0
  /// Every frame's RMS over the kept seconds, as a ring: where the audible music ends.
  private var recentRMS: [Double]
  private(set) var framesSeen = 0

  init(bins: Int, frameRate: Double, blockSeconds: Double = 0.5, secondsKept: Double = 6) {
    self.blockSeconds = blockSeconds
    framesPerBlock = max(1, Int((frameRate * blockSeconds).rounded()))
    blocksKept = max(1, Int((secondsKept / blockSeconds).rounded()))
    current = [Double](repeating: 0, count: bins)
    recentRMS = [Double](repeating: 0, count: framesPerBlock * blocksKept)
  }

  /// Adds one frame's contribution (already weighted) and its RMS.
  mutating func add(_ frame: UnsafeBufferPointer<Double>, rms: Double) {
    for i in 0..<min(frame.count, current.count) { current[i] += frame[i] }
    addWithoutPeaks(rms: rms)
  }

  /// Adds a frame without tonal peaks: it counts for the level and the audible end only.
  mutating func addWithoutPeaks(rms: Double) {
    currentEnergy += rms
    currentFrames += 1
    recentRMS[framesSeen % recentRMS.count] = rms
    framesSeen += 1
    if currentFrames == framesPerBlock { closeBlock() }
  }

  private mutating func closeBlock() {
    blocks.append((current, currentEnergy))
    if blocks.count > blocksKept { blocks.removeFirst() }
    totalEnergy += currentEnergy
    totalBlocks += 1
    current = [Double](repeating: 0, count: current.count)
    currentEnergy = 0
    currentFrames = 0
  }

  /// The frame after the last one at least a tenth of the file's mean frame RMS (within the kept
  /// seconds): where the music stops sounding, past silence and the end of a reverb tail or a fade.
  func audibleEnd() -> Int {
    guard framesSeen > 0 else { return 0 }
    let meanRMS = (totalEnergy + currentEnergy) / Double(framesSeen)
    let oldest = max(0, framesSeen - recentRMS.count)
    var frame = framesSeen
    while frame > oldest, recentRMS[(frame - 1) % recentRMS.count] < 0.1 * meanRMS { frame -= 1 }
    return frame
  }

  /// The profile of the last `seconds` of music: trailing blocks quieter than a tenth of the file's
  /// mean block (silence, a reverb tail, the end of a fade) are passed over first.
  func ending(seconds: Double = 2) -> [Double] {
    var all = blocks
    if currentFrames > 0 { all.append((current, currentEnergy)) }
    let blocksTotal = totalBlocks + (currentFrames > 0 ? 1 : 0)
    let meanEnergy = blocksTotal > 0 ? (totalEnergy + currentEnergy) / Double(blocksTotal) : 0
    while let last = all.last, last.energy < 0.1 * meanEnergy { all.removeLast() }
    var out = [Double](repeating: 0, count: current.count)
    for block in all.suffix(max(1, Int((seconds / blockSeconds).rounded()))) {
      for i in out.indices { out[i] += block.profile[i] }
    }
    return out
  }
}

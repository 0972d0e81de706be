import Foundation

/// EBU R128 / ITU-R BS.1770-4 loudness: K-weighting, 400 ms blocks every 100 ms, absolute gate at
/// −70 LUFS, relative gate at −10 LU, and loudness range (EBU Tech 3342) from 3 s blocks every second.
/// The one loudness meter in moodsketch: the renderer normalises with it and `analyze` measures with it,
/// so a normalised render reads back at its target.
///
/// It reads what libebur128 1.2.6 reads (its non-histogram mode and default channel map): the tests
/// compare the two on synthetic signals and 19 real tracks, and the largest difference is about 1e-9 LU.
/// We stopped calling libebur128 at run time because it was 16% of `analyze`'s CPU time: its 4th-order
/// filter keeps the state in memory, so each sample waits on the stores of the one before. Measured on
/// 60 s of stereo 44.1 kHz noise (release build, this project's 2-core AMD EPYC VM): libebur128
/// 25.4 ns per frame, this meter 2.2 ns, which keeps the filter state in registers, runs two channels
/// per SSE2 register, and is then bound by the latency of one multiply and one subtraction per sample.
///
/// Example:
/// ```swift
/// let meter = LoudnessMeter(channels: 2, sampleRate: 44100, measuresRange: true)!
/// meter.add(interleavedStereo)
/// print(meter.integratedLUFS ?? -.infinity, meter.rangeLU ?? 0)
/// ```
///
/// Channel weights follow libebur128's default map: 1 channel is mono (weight 1, not dual mono), 2 are
/// L R, 4 are L R Ls Rs, 5 are L R C Ls Rs, otherwise L R C LFE Ls Rs with the LFE and every channel past
/// the sixth ignored; surround channels weigh 1.41. Memory grows by ten `Double`s per second of audio
/// (one per 400 ms block, as blocks start every 100 ms), plus one per second with `measuresRange`.
public final class LoudnessMeter {
  public let channels: Int

  private let filter: KWeightingFilter
  /// Channels filtered together, two per pair; an odd one out fills both lanes of its pair.
  private let pairs: [(first: Int, second: Int)]
  /// Per pair and lane: the channel's weight, or 0 for the lane that repeats a lone channel.
  private let laneWeights: [SIMD2<Double>]
  private var states: [KWeightingFilter.PairState]
  private var laneEnergy: [SIMD2<Double>]

  /// libebur128's `samples_in_100ms`: every block boundary is a multiple of it.
  private let segmentFrames: Int
  private var framesInSegment = 0
  /// Weighted energy sums (not yet divided by frames) of the latest 100 ms segments, as a ring.
  private var recentSegments: [Double]
  private var segmentCount = 0

  private let measuresRange: Bool
  /// libebur128 measures a 3 s block only when its ring buffer holds one (false only below ~150 Hz).
  private let shortTermFits: Bool
  /// Mean-square energies of the 400 ms blocks above the absolute gate.
  private var blockEnergies: [Double] = []
  /// Mean-square energies of the 3 s blocks above the absolute gate (loudness range only).
  private var shortTermEnergies: [Double] = []

  /// `pow(10, (-70 + 0.691) / 10)`: the energy of a −70 LUFS block, as libebur128 computes it.
  private static let absoluteGate = pow(10.0, (-70.0 + 0.691) / 10.0)

  /// A meter for interleaved Float frames of `channels` channels at `sampleRate` Hz (rounded to a
  /// whole number, as libebur128 takes it); nil outside 1–64 channels and 16 Hz–2.8224 MHz, where
  /// libebur128 refused too.
  ///
  /// - Parameter measuresRange: also keep the 3 s block history that loudness range (LRA) needs.
  public init?(channels: Int, sampleRate: Double, measuresRange: Bool = false) {
    guard (1...64).contains(channels), sampleRate.isFinite,
      (16...2_822_400).contains(sampleRate.rounded())
    else { return nil }
    let rate = Int(sampleRate.rounded())
    self.channels = channels
    self.measuresRange = measuresRange
    filter = KWeightingFilter(sampleRate: rate)
    segmentFrames = (rate + 5) / 10
    // libebur128's ring buffer: the window (3 s with LRA, else 400 ms) rounded up to whole segments.
    var ringFrames = rate * (measuresRange ? 3000 : 400) / 1000
    if ringFrames % segmentFrames != 0 {
      ringFrames += segmentFrames - ringFrames % segmentFrames
    }
    shortTermFits = 30 * segmentFrames <= ringFrames
    recentSegments = [Double](repeating: 0, count: measuresRange ? 30 : 4)

    let weights = Self.channelWeights(channels)
    let used = (0..<channels).filter { weights[$0] != 0 }
    var pairs: [(first: Int, second: Int)] = []
    var laneWeights: [SIMD2<Double>] = []
    for start in Swift.stride(from: 0, to: used.count, by: 2) {
      if start + 1 < used.count {
        pairs.append((used[start], used[start + 1]))
        laneWeights.append(SIMD2(weights[used[start]], weights[used[start + 1]]))
      } else {
        pairs.append((used[start], used[start]))
        laneWeights.append(SIMD2(weights[used[start]], 0))
      }
    }
    self.pairs = pairs
    self.laneWeights = laneWeights
    states = Array(repeating: KWeightingFilter.PairState(), count: pairs.count)
    laneEnergy = Array(repeating: .zero, count: pairs.count)
  }

  /// libebur128's default channel map as weights: 0 unused, 1 front, 1.41 surround.
  private static func channelWeights(_ channels: Int) -> [Double] {
    switch channels {
    case 4: return [1, 1, 1.41, 1.41]
    case 5: return [1, 1, 1, 1.41, 1.41]
    default:
      let map: [Double] = [1, 1, 1, 0, 1.41, 1.41]
      return (0..<channels).map { $0 < map.count ? map[$0] : 0 }
    }
  }

  /// Adds interleaved frames (`channels` values per frame); a trailing partial frame is ignored.
  public func add(_ samples: UnsafeBufferPointer<Float>) {
    var frames = samples.count / channels
    guard frames > 0, var base = samples.baseAddress else { return }
    while frames > 0 {
      let chunk = min(frames, segmentFrames - framesInSegment)
      for index in pairs.indices {
        let (first, second) = pairs[index]
        laneEnergy[index] += filter.filter(
          base, frames: chunk, stride: channels, first: first, second: second,
          state: &states[index])
      }
      base += chunk * channels
      frames -= chunk
      framesInSegment += chunk
      if framesInSegment == segmentFrames { closeSegment() }
    }
  }

  /// Adds interleaved frames (`channels` values per frame).
  public func add(_ interleaved: [Float]) {
    interleaved.withUnsafeBufferPointer { add($0) }
  }

  /// Ends a 100 ms segment: a new 400 ms block from the fourth segment on, and with `measuresRange`
  /// a new 3 s block at the 30th segment and every 10th after it (libebur128's short-term counter).
  private func closeSegment() {
    var energy = 0.0
    for index in pairs.indices {
      let weighted = laneEnergy[index] * laneWeights[index]
      energy += weighted[0] + weighted[1]
      laneEnergy[index] = .zero
      states[index].flushTinyValues()
    }
    recentSegments[segmentCount % recentSegments.count] = energy * filter.energyGain
    segmentCount += 1
    framesInSegment = 0

    if segmentCount >= 4 {
      let block = sumOfLatestSegments(4) / Double(4 * segmentFrames)
      if block >= Self.absoluteGate { blockEnergies.append(block) }
    }
    if measuresRange, shortTermFits, segmentCount >= 30, segmentCount % 10 == 0 {
      let block = sumOfLatestSegments(30) / Double(30 * segmentFrames)
      if block >= Self.absoluteGate { shortTermEnergies.append(block) }
    }
  }

  private func sumOfLatestSegments(_ count: Int) -> Double {
    var sum = 0.0
    for back in 1...count {
      sum += recentSegments[(segmentCount - back) % recentSegments.count]
    }
    return sum
  }

  private static func loudness(_ energy: Double) -> Double {
    10 * (log(energy) / log(10.0)) - 0.691
  }

  /// Integrated loudness in LUFS; nil for silence or anything entirely below the −70 LUFS gate.
  public var integratedLUFS: Double? {
    guard !blockEnergies.isEmpty else { return nil }
    let threshold =
      blockEnergies.reduce(0, +) / Double(blockEnergies.count) * pow(10.0, -10.0 / 10.0)
    var sum = 0.0
    var count = 0
    for energy in blockEnergies where energy >= threshold {
      sum += energy
      count += 1
    }
    guard count > 0 else { return nil }
    let value = Self.loudness(sum / Double(count))
    return value.isFinite ? value : nil
  }

  /// Loudness range in LU; nil unless created with `measuresRange`. Like libebur128 it is 0 when no
  /// 3 s block passes the gates (for example under 3 s of audio).
  public var rangeLU: Double? {
    guard measuresRange else { return nil }
    guard !shortTermEnergies.isEmpty else { return 0 }
    let sorted = shortTermEnergies.sorted()
    let threshold = sorted.reduce(0, +) / Double(sorted.count) * pow(10.0, -20.0 / 10.0)
    guard let start = sorted.firstIndex(where: { $0 >= threshold }) else { return 0 }
    let gated = sorted[start...]
    let low = gated[start + Int(Double(gated.count - 1) * 0.1 + 0.5)]
    let high = gated[start + Int(Double(gated.count - 1) * 0.95 + 0.5)]
    let value = Self.loudness(high) - Self.loudness(low)
    return value.isFinite ? value : nil
  }
}

import CEBUR128
import Foundation
import Testing

@testable import Sound

/// libebur128 1.2.6 (Debian), called directly: the oracle our own meter must agree with. It stays a
/// test dependency only; `LoudnessMeter` explains why it is no longer called at run time.
final class LibEBUR128Meter {
  private let state: UnsafeMutablePointer<ebur128_state>
  let channels: Int

  init?(channels: Int, sampleRate: Int, measuresRange: Bool = false) {
    var mode = EBUR128_MODE_I.rawValue
    if measuresRange { mode |= EBUR128_MODE_LRA.rawValue }
    guard let state = ebur128_init(UInt32(channels), UInt(sampleRate), Int32(mode)) else {
      return nil
    }
    self.state = state
    self.channels = channels
  }

  deinit {
    var pointer: UnsafeMutablePointer<ebur128_state>? = state
    ebur128_destroy(&pointer)
  }

  func add(_ interleaved: [Float]) {
    interleaved.withUnsafeBufferPointer {
      _ = ebur128_add_frames_float(state, $0.baseAddress, $0.count / channels)
    }
  }

  var integratedLUFS: Double? {
    var value = 0.0
    guard ebur128_loudness_global(state, &value) == Int32(EBUR128_SUCCESS.rawValue), value.isFinite
    else { return nil }
    return value
  }

  var rangeLU: Double? {
    var value = 0.0
    guard ebur128_loudness_range(state, &value) == Int32(EBUR128_SUCCESS.rawValue), value.isFinite
    else { return nil }
    return value
  }
}

/// What both meters read for the same interleaved signal.
struct MeterReadings {
  let ours: (integrated: Double?, range: Double?)
  let oracle: (integrated: Double?, range: Double?)

  init(_ samples: [Float], channels: Int, sampleRate: Int, measuresRange: Bool = true) throws {
    let meter = try #require(
      LoudnessMeter(
        channels: channels, sampleRate: Double(sampleRate), measuresRange: measuresRange))
    let oracle = try #require(
      LibEBUR128Meter(channels: channels, sampleRate: sampleRate, measuresRange: measuresRange))
    meter.add(samples)
    oracle.add(samples)
    ours = (meter.integratedLUFS, meter.rangeLU)
    self.oracle = (oracle.integratedLUFS, oracle.rangeLU)
  }

  /// Integrated loudness agrees within `LoudnessTolerance.integrated` and the range within
  /// `LoudnessTolerance.range`; both nil counts as agreement.
  func expectAgreement(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(
      ours.integrated, oracle.integrated, within: LoudnessTolerance.integrated,
      "\(what): integrated", sourceLocation)
    expectClose(
      ours.range, oracle.range, within: LoudnessTolerance.range, "\(what): range", sourceLocation)
  }
}

/// How close we stay to libebur128. The largest differences measured here (all these signals and
/// 19 Debian tracks) are 1.2e-9 LU integrated and 4.6e-10 LU range, from summation order alone;
/// 1e-6 leaves room for other platforms' `log` and `tan` and is still 10,000 times tighter than
/// the 0.01 LU (integrated) and 0.05 LU (range) the brief allowed.
enum LoudnessTolerance {
  static let integrated = 1e-6
  static let range = 1e-6
}

func expectClose(
  _ ours: Double?, _ oracle: Double?, within tolerance: Double, _ what: String,
  _ sourceLocation: SourceLocation
) {
  switch (ours, oracle) {
  case (nil, nil): return
  case (let ours?, let oracle?):
    #expect(
      abs(ours - oracle) <= tolerance, "\(what): ours \(ours), libebur128 \(oracle)",
      sourceLocation: sourceLocation)
  default:
    Issue.record(
      "\(what): ours \(String(describing: ours)), libebur128 \(String(describing: oracle))",
      sourceLocation: sourceLocation)
  }
}

/// A repeatable noise source (64-bit LCG), white in [-1, 1).
struct TestNoise {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> Float {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Float(Int64(bitPattern: state) >> 11) / Float(1 << 52)
  }
}

enum LoudnessSignals {
  /// A sine at `dBFS` peak in every one of `channels` channels, interleaved.
  static func sine(
    frequency: Double, dBFS: Double, seconds: Double, sampleRate: Int, channels: Int = 2
  ) -> [Float] {
    let amplitude = pow(10, dBFS / 20)
    let frames = Int(seconds * Double(sampleRate))
    var samples = [Float](repeating: 0, count: frames * channels)
    for frame in 0..<frames {
      let value = Float(
        amplitude * sin(2 * Double.pi * frequency * Double(frame) / Double(sampleRate)))
      for channel in 0..<channels { samples[frame * channels + channel] = value }
    }
    return samples
  }

  /// Pink-ish noise (white through a gentle one-pole low-pass) whose level steps every
  /// `stepSeconds` through `levelsDB`; each channel gets its own noise, `channelOffsetDB` apart.
  static func steppedNoise(
    levelsDB: [Double], stepSeconds: Double, sampleRate: Int, channels: Int = 2,
    channelOffsetDB: Double = 0, seed: UInt64 = 7
  ) -> [Float] {
    var noise = TestNoise(seed: seed)
    let stepFrames = Int(stepSeconds * Double(sampleRate))
    let frames = stepFrames * levelsDB.count
    var samples = [Float](repeating: 0, count: frames * channels)
    var smoothed = [Float](repeating: 0, count: channels)
    for frame in 0..<frames {
      let level = levelsDB[frame / stepFrames]
      for channel in 0..<channels {
        smoothed[channel] = 0.7 * smoothed[channel] + 0.3 * noise.next()
        let gain = Float(pow(10, (level - channelOffsetDB * Double(channel)) / 20))
        samples[frame * channels + channel] = gain * 2 * smoothed[channel]
      }
    }
    return samples
  }

  static let steps: [Double] = [-20, -32, -14, -26, -45, -18, -23, -30]
}

@Suite struct LoudnessMeterTests {
  @Test func aStereoSineAtMinus23DBFSReadsMinus23LUFSAsEBUTech3341Says() throws {
    // Tech 3341 case 1: 1 kHz at −23 dBFS in both channels reads −23.0 LUFS. (So −20 dBFS reads
    // −20.0: BS.1770's −0.691 offset cancels the K-weighting gain at 1 kHz, and two channels add
    // 3 dB to a single sine's −3 dB mean square.)
    for dBFS in [-23.0, -20.0] {
      let samples = LoudnessSignals.sine(
        frequency: 1000, dBFS: dBFS, seconds: 20, sampleRate: 48000)
      let readings = try MeterReadings(samples, channels: 2, sampleRate: 48000)
      let lufs = try #require(readings.ours.integrated)
      #expect(abs(lufs - dBFS) < 0.05, "\(lufs) LUFS for \(dBFS) dBFS")
      #expect(try #require(readings.ours.range) < 0.05)
      readings.expectAgreement("\(dBFS) dBFS sine")
    }
  }

  @Test func noiseWithLoudnessStepsHasTheSameIntegratedLoudnessAndRangeAsLibebur128() throws {
    let samples = LoudnessSignals.steppedNoise(
      levelsDB: LoudnessSignals.steps, stepSeconds: 7.3, sampleRate: 44100)
    let readings = try MeterReadings(samples, channels: 2, sampleRate: 44100)
    // A range worth measuring: the quiet −45 dB step is gated away, the rest spans 18 dB.
    #expect(try #require(readings.ours.range) > 10)
    readings.expectAgreement("stepped noise")
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6, 8])
  func everyChannelLayoutIsWeightedLikeLibebur128(channels: Int) throws {
    // Each channel 3 dB quieter than the one before, so a wrong weight or a wrongly ignored LFE
    // shows up as a different reading.
    let samples = LoudnessSignals.steppedNoise(
      levelsDB: [-18, -28, -22], stepSeconds: 4, sampleRate: 48000, channels: channels,
      channelOffsetDB: 3, seed: UInt64(channels))
    let readings = try MeterReadings(samples, channels: channels, sampleRate: 48000)
    #expect(readings.ours.integrated != nil)
    readings.expectAgreement("\(channels) channels")
  }

  @Test func theLFEAndChannelsPastTheSixthAreIgnored() throws {
    // Six channels with sound only in the 4th (LFE) and 7th: libebur128's default map ignores both.
    let frames = 48000 * 2
    var samples = [Float](repeating: 0, count: frames * 7)
    var noise = TestNoise(seed: 3)
    for frame in 0..<frames {
      samples[frame * 7 + 3] = 0.5 * noise.next()
      samples[frame * 7 + 6] = 0.5 * noise.next()
    }
    let readings = try MeterReadings(samples, channels: 7, sampleRate: 48000)
    #expect(readings.ours.integrated == nil)
    readings.expectAgreement("LFE only")
  }

  @Test(arguments: [8000, 22050, 44100, 48000, 96000, 192000])
  func everySampleRateGetsLibebur128sFilterAndBlocks(sampleRate: Int) throws {
    let samples = LoudnessSignals.steppedNoise(
      levelsDB: [-16, -30, -24, -20], stepSeconds: 3.3, sampleRate: sampleRate)
    let readings = try MeterReadings(samples, channels: 2, sampleRate: sampleRate)
    readings.expectAgreement("\(sampleRate) Hz")
  }

  @Test(arguments: [44101, 48005, 11025, 145])
  func oddSampleRatesRoundTheir100msSegmentsLikeLibebur128(sampleRate: Int) throws {
    let samples = LoudnessSignals.steppedNoise(
      levelsDB: [-16, -30, -24, -20], stepSeconds: 3.3, sampleRate: sampleRate)
    let readings = try MeterReadings(samples, channels: 2, sampleRate: sampleRate)
    readings.expectAgreement("\(sampleRate) Hz")
  }

  @Test func underFourHundredMillisecondsThereIsNoLoudness() throws {
    let samples = LoudnessSignals.sine(frequency: 1000, dBFS: -10, seconds: 0.39, sampleRate: 44100)
    let readings = try MeterReadings(samples, channels: 2, sampleRate: 44100)
    #expect(readings.ours.integrated == nil)
    // libebur128 reads a range of 0 when no 3 s block exists, and so do we.
    #expect(readings.ours.range == 0)
    readings.expectAgreement("390 ms")
  }

  @Test func silenceAndSoundBelowTheAbsoluteGateHaveNoLoudness() throws {
    let silence = [Float](repeating: 0, count: 44100 * 2 * 5)
    let silent = try MeterReadings(silence, channels: 2, sampleRate: 44100)
    #expect(silent.ours.integrated == nil)
    silent.expectAgreement("silence")

    let whisper = LoudnessSignals.steppedNoise(levelsDB: [-85], stepSeconds: 5, sampleRate: 44100)
    let quiet = try MeterReadings(whisper, channels: 2, sampleRate: 44100)
    #expect(quiet.ours.integrated == nil)
    quiet.expectAgreement("−85 dB noise")
  }

  @Test func soundAfterLongDigitalSilenceIsStillMeasuredExactly() throws {
    // Sound, 20 s of digital silence (the filter memory decays towards subnormal numbers), sound.
    let burst = LoudnessSignals.steppedNoise(levelsDB: [-20], stepSeconds: 4, sampleRate: 44100)
    let samples = burst + [Float](repeating: 0, count: 44100 * 2 * 20) + burst
    let readings = try MeterReadings(samples, channels: 2, sampleRate: 44100)
    readings.expectAgreement("burst, silence, burst")
  }

  @Test func howFramesArriveDoesNotChangeTheReading() throws {
    let samples = LoudnessSignals.steppedNoise(
      levelsDB: [-20, -35, -15], stepSeconds: 2.2, sampleRate: 22050, channels: 2)
    let whole = try MeterReadings(samples, channels: 2, sampleRate: 22050)
    for chunkFrames in [1, 7, 4096] {
      let meter = try #require(LoudnessMeter(channels: 2, sampleRate: 22050, measuresRange: true))
      var start = 0
      while start < samples.count {
        let end = min(start + chunkFrames * 2, samples.count)
        samples[start..<end].withUnsafeBufferPointer { meter.add($0) }
        start = end
      }
      let integrated = try #require(meter.integratedLUFS)
      let range = try #require(meter.rangeLU)
      #expect(abs(integrated - (whole.ours.integrated ?? .nan)) < 1e-9, "\(chunkFrames)-frame adds")
      #expect(abs(range - (whole.ours.range ?? .nan)) < 1e-9, "\(chunkFrames)-frame adds")
      expectClose(
        integrated, whole.oracle.integrated, within: LoudnessTolerance.integrated,
        "\(chunkFrames)-frame adds", #_sourceLocation)
    }
  }

  @Test func rangeIsOnlyMeasuredWhenAskedFor() throws {
    let meter = try #require(LoudnessMeter(channels: 2, sampleRate: 44100))
    meter.add(LoudnessSignals.sine(frequency: 500, dBFS: -12, seconds: 4, sampleRate: 44100))
    #expect(meter.integratedLUFS != nil)
    #expect(meter.rangeLU == nil)
  }

  @Test func formatsLibebur128RefusedAreRefused() {
    #expect(LoudnessMeter(channels: 0, sampleRate: 44100) == nil)
    #expect(LoudnessMeter(channels: 65, sampleRate: 44100) == nil)
    #expect(LoudnessMeter(channels: 2, sampleRate: 15) == nil)
    #expect(LoudnessMeter(channels: 2, sampleRate: 2_822_401) == nil)
    #expect(LoudnessMeter(channels: 2, sampleRate: .nan) == nil)
    #expect(LoudnessMeter(channels: 64, sampleRate: 2_822_400) != nil)
    #expect(LoudnessMeter(channels: 1, sampleRate: 16) != nil)
  }
}

/// Real recorded music: Debian's asc-music and singularity-music (the default catalog).
enum DebianMusic {
  static let folders = ["/usr/share/games/asc/music", "/usr/share/games/singularity/music"]
  static var tracks: [String] {
    folders.flatMap { folder -> [String] in
      guard let names = FileManager.default.enumerator(atPath: folder) else { return [] }
      return names.compactMap { $0 as? String }
        .filter { $0.hasSuffix(".mp3") || $0.hasSuffix(".ogg") }
        .map { "\(folder)/\($0)" }
    }.sorted()
  }
  static var available: Bool { !tracks.isEmpty }
}

@Suite(
  .enabled(
    if: DebianMusic.available,
    "needs /usr/share/games/asc/music or /usr/share/games/singularity/music (apt-get install asc-music singularity-music)"
  ))
struct LoudnessMeterRealMusicTests {
  @Test(arguments: DebianMusic.tracks)
  func aDebianTrackReadsTheSameAsWithLibebur128(path: String) throws {
    let reader = try AudioFileReader(path: path)
    let rate = Int(reader.sampleRate.rounded())
    let meter = try #require(
      LoudnessMeter(channels: reader.channels, sampleRate: reader.sampleRate, measuresRange: true))
    let oracle = try #require(
      LibEBUR128Meter(channels: reader.channels, sampleRate: rate, measuresRange: true))
    while true {
      let block = try reader.readInterleaved(maxFrames: 65536)
      if block.isEmpty { break }
      meter.add(block)
      oracle.add(block)
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    #expect(meter.integratedLUFS != nil, "\(name)")
    expectClose(
      meter.integratedLUFS, oracle.integratedLUFS, within: LoudnessTolerance.integrated,
      "\(name): integrated", #_sourceLocation)
    expectClose(
      meter.rangeLU, oracle.rangeLU, within: LoudnessTolerance.range, "\(name): range",
      #_sourceLocation)
  }
}

import Foundation
import Testing
import Theory

@testable import Analysis

@Suite struct SyntheticSignalTests {
  let analyzer = Analyzer()

  @Test func sineAt440HzHasItsCentroidAt440AndChromaPeakOnA() {
    let frames = FrameDescriptors(signal: Signals.sine(440, seconds: 2))
    let middle = frames.spectralCentroid.count / 2
    #expect(abs(frames.spectralCentroid[middle] - 440) < 15)
    let chromaMean = (0..<12).map { c in
      frames.chroma.map { $0[c] }.reduce(0, +) / Float(frames.chroma.count)
    }
    #expect(chromaMean.firstIndex(of: chromaMean.max()!) == 9)  // A
    #expect(frames.spectralFlatness[middle] < 0.01)
  }

  @Test func whiteNoiseIsFlat() {
    let frames = FrameDescriptors(signal: Signals.whiteNoise(seconds: 2, seed: 7))
    let inner = frames.spectralFlatness[4..<(frames.spectralFlatness.count - 4)]
    let mean = inner.reduce(0, +) / Float(inner.count)
    // The flatness of a Hann-windowed white-noise periodogram is about exp(-γ) ≈ 0.56 per frame
    // (its bins are exponentially distributed); a tone is < 0.01.
    #expect(mean > 0.5)
    let centroid = frames.spectralCentroid[10]
    #expect(abs(centroid - 5512) < 600)  // half of Nyquist for a flat spectrum
  }

  @Test(arguments: [90.0, 140.0])
  func clickTrackTempoIsWithinOneBPM(bpm: Double) throws {
    let result = analyzer.analyzeSamples(Signals.clickTrack(bpm: bpm, seconds: 30))
    let tempo = try #require(result.features.tempoBPM)
    #expect(abs(tempo - bpm) < 1, "found \(tempo) BPM")
    #expect(result.features.tempoConfidence > 0.5)
    // Beats land on the clicks: spacing is the period.
    #expect(result.beats.count > Int(25 * bpm / 60))
    let spacing = zip(result.beats.dropFirst(), result.beats).map { $0 - $1 }
    let mean = spacing.reduce(0, +) / Double(spacing.count)
    #expect(abs(mean - 60 / bpm) < 0.01)
  }

  @Test(arguments: [(0, false), (7, false), (2, true), (9, true), (5, false), (10, true)])
  func cadenceKeyAndModeAreRight(tonic: Int, minor: Bool) throws {
    for profile in KeyProfile.allCases {
      let result = Analyzer(configuration: .init(profile: profile)).analyzeSamples(
        Signals.cadence(tonic: tonic, minor: minor))
      let key = try #require(result.features.key, "no key with \(profile)")
      #expect(key.tonic.pitchClass == tonic, "\(profile): \(key)")
      #expect(key.mode == (minor ? .minor : .major), "\(profile): \(key)")
    }
  }

  /// A power-chord riff whose third is only in a quieter melody, under noise bursts, reads minor on the
  /// right tonic. (This synthetic riff reads minor with or without setting partials aside; the real
  /// renders where that matters are in CLITests' SketchRenderMoodTests.)
  @Test(arguments: [9, 4, 2])
  func aMinorRiffOnPowerChordsUnderNoiseReadsMinor(tonic: Int) throws {
    // i – VI – VII – i in aeolian; the melody walks 1 ♭3 5 ♭3 on the tonic, then down the scale.
    let roots = [0, 8, 10, 0].map { ($0 + tonic) % 12 }
    let top = 60 + tonic
    let melody = [top, top + 3, top + 7, top + 3, top - 4, top, top - 2, top + 2]
    let result = analyzer.analyzeSamples(
      Signals.powerChordRiff(roots: roots + roots, melody: melody + melody))
    let key = try #require(result.features.key)
    #expect(key.tonic.pitchClass == tonic, "\(key)")
    #expect(key.mode == .minor, "\(key)")
  }

  /// A band tuned up to half a semitone away from A440 sits between two keys; the tuning estimate
  /// puts the chroma back on the grid. Tuning is reported within 0.1 semitone (librosa's estimator,
  /// which we follow, leans a few cents towards the bin centres).
  @Test(arguments: [(2, true, 45.0), (0, false, -40.0), (7, false, 30.0), (9, true, -48.0)])
  func detunedCadenceReadsItsKeyAndTuning(tonic: Int, minor: Bool, cents: Double) throws {
    let result = analyzer.analyzeSamples(Signals.cadence(tonic: tonic, minor: minor, cents: cents))
    let key = try #require(result.features.key)
    #expect(key.tonic.pitchClass == tonic, "\(cents) cents: \(key)")
    #expect(key.mode == (minor ? .minor : .major), "\(cents) cents: \(key)")
    let tuning = try #require(result.features.summary["tuning_semitones"])
    #expect(abs(tuning - cents / 100) < 0.1, "tuning \(tuning) for \(cents) cents")
  }

  @Test func digitalSilenceHasNoTempoNoKeyNoLoudness() {
    let result = analyzer.analyzeSamples([Float](repeating: 0, count: 22050 * 5))
    #expect(result.isSilent)
    #expect(result.features.tempoBPM == nil)
    #expect(result.features.key == nil)
    #expect(result.features.loudnessLUFS == nil)
    #expect(result.remarks.contains { $0.contains("silence") })
    #expect(result.features.vector.count == Features.vectorLayout.count)
    #expect(result.features.vector.allSatisfy { $0.isFinite })
  }

  @Test func loudnessFollowsLevel() throws {
    // A full-scale 1 kHz sine in one channel reads -3.01 LUFS by the EBU definition; -20 dB lower reads -23.
    let loud = analyzer.analyzeSamples(Signals.sine(1000, seconds: 5, amplitude: 1))
    let quiet = analyzer.analyzeSamples(Signals.sine(1000, seconds: 5, amplitude: 0.1))
    let loudLUFS = try #require(loud.features.loudnessLUFS)
    let quietLUFS = try #require(quiet.features.loudnessLUFS)
    #expect(abs(loudLUFS - -3.0) < 0.5)
    #expect(abs((loudLUFS - quietLUFS) - 20) < 0.2)
  }

  @Test func streamingMatchesOneShotFraming() {
    // Frames must not depend on how the samples were split into blocks.
    let signal = Signals.whiteNoise(seconds: 1.3, seed: 3)
    let whole = FrameDescriptors(signal: signal)
    #expect(whole.rms.count == 1 + signal.count / 512)
    let stream = DescriptorStream(configuration: .init())
    var start = 0
    var size = 1
    while start < signal.count {
      let end = min(signal.count, start + size)
      stream.feed(Array(signal[start..<end]))
      start = end
      size = size * 3 + 1
    }
    stream.finish()
    #expect(stream.frameCount == whole.rms.count)
    let summary = stream.summary()
    let rmsMean = whole.rms.reduce(0, +) / Float(whole.rms.count)
    #expect(abs(summary["rms_mean"]! - Double(rmsMean)) < 1e-5)
  }
}

import Analysis
import Foundation
import Testing

/// The audio mood model hears arousal from how much happens, not only from the tempo a beat tracker
/// picks: trackers are often a metrical level off, and a lullaby heard at double time is still a lullaby.
@Suite struct AudioMoodModelTests {
  func cues(bpm: Double, onsetsPerSecond: Double, centroid: Double) -> MoodModel.Cues {
    MoodModel.Cues(
      tempoBPM: bpm, modeSign: 1, keyClarity: 0.8, loudnessLUFS: -16,
      onsetRate: onsetsPerSecond, brightnessHz: centroid, outOfKeyShare: 0.19)
  }

  @Test func aSparsePieceHeardInDoubleTimeIsStillCalm() {
    // A lullaby at 70 BPM with a note or so per second, mastered to −16 LUFS, tracked at 140.
    for bpm in [70.0, 140] {
      let mood = MoodModel.audio.estimate(cues(bpm: bpm, onsetsPerSecond: 1.2, centroid: 1200))
      #expect(mood.arousal < -0.15, "heard at \(bpm) BPM: arousal \(mood.arousal)")
    }
  }

  @Test func aBusyPieceHeardInHalfTimeIsStillLively() {
    // Trap at 153 BPM with hi-hat rolls (six onsets a second), tracked at 76.
    for bpm in [153.0, 76] {
      let mood = MoodModel.audio.estimate(cues(bpm: bpm, onsetsPerSecond: 6, centroid: 2500))
      #expect(mood.arousal > 0.3, "heard at \(bpm) BPM: arousal \(mood.arousal)")
    }
  }

  @Test func tempoStillCountsWhenNothingElseDiffers() {
    let slow = MoodModel.audio.estimate(cues(bpm: 80, onsetsPerSecond: 3, centroid: 2000))
    let fast = MoodModel.audio.estimate(cues(bpm: 160, onsetsPerSecond: 3, centroid: 2000))
    #expect(fast.arousal > slow.arousal + 0.2)
  }

  @Test func loudnessCountsForMastersAndNormalisedFilesOnly() {
    // A loud master, and a soft, dynamic piece normalised to −16 LUFS whose peaks stay below −6 dBFS.
    #expect(MoodModel.loudnessIsMeaningful(peakDBFS: -0.3, integratedLUFS: -9))
    #expect(MoodModel.loudnessIsMeaningful(peakDBFS: -8.5, integratedLUFS: -16))
    // A render at FluidSynth's default gain: its loudness says how it was bounced.
    #expect(!MoodModel.loudnessIsMeaningful(peakDBFS: -18, integratedLUFS: -34))
    #expect(!MoodModel.loudnessIsMeaningful(peakDBFS: nil, integratedLUFS: nil))
  }

  /// An unmastered bounce (peaks near −20 dBFS) reads the arousal its levelled copy reads: the copy
  /// `sketch` would make (one gain toward −16 LUFS, peaks at most −1 dBFS). Sparse accented notes hit the
  /// peak ceiling first and land quieter than sustained chords, in both.
  @Test(arguments: [false, true])
  func anUnmasteredBounceReadsAsItsLevelledCopy(sustained: Bool) {
    let rate = 22_050.0
    var samples = [Float](repeating: 0, count: Int(20 * rate))
    let pitches = [220.0, 277.2, 329.6, 440.0]
    for i in samples.indices {
      let t = Double(i) / rate
      let sinceNote = t.truncatingRemainder(dividingBy: 0.5)
      let envelope = sustained ? 1 : exp(-8 * sinceNote)
      let chord = pitches.reduce(0.0) { $0 + sin(2 * .pi * $1 * t) } / Double(pitches.count)
      samples[i] = Float(0.1 * envelope * chord)
    }
    let analyzer = Analyzer()
    let bounce = analyzer.analyzeSamples(samples).features
    let lufs = try! #require(bounce.loudnessLUFS)
    let peak = try! #require(bounce.summary["peak_dbfs"])
    #expect(
      peak < -6 && lufs < -24, "the bounce must read as unmastered: \(peak) dBFS, \(lufs) LUFS")
    let gain = Float(pow(10, min(-16 - lufs, -1 - peak) / 20))
    let levelled = analyzer.analyzeSamples(samples.map { $0 * gain }).features
    #expect(
      abs(bounce.arousal - levelled.arousal) < 0.02,
      "bounce \(bounce.arousal), levelled \(levelled.arousal) (at \(levelled.loudnessLUFS ?? 0) LUFS)"
    )
  }
}

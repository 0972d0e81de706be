import Analysis
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
}

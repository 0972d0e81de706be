import Foundation
import Testing
import Theory

@testable import Analysis

/// A riff that dwells on the relative major's chords but starts and ends on its minor tonic is heard in
/// minor, as a listener hears it; when the notes leave no doubt, the ending does not overrule them.
@Suite struct CadenceKeyTests {
  /// Whole-bar chords (pitches), four quarters each at 480 ticks per quarter, and a melody note on
  /// each beat from `tune` (or each eighth); the last note lasts `lastNoteTicks` when given.
  func score(_ chords: [[Int]], tune: [Int], noteTicks: Int = 480, lastNoteTicks: Int? = nil)
    -> Score
  {
    var harmony: [NoteEvent] = []
    for (bar, chord) in chords.enumerated() {
      for pitch in chord {
        harmony.append(
          NoteEvent(start: bar * 1920, duration: 1920, pitch: Pitch(pitch), velocity: 80))
      }
    }
    let melody = tune.enumerated().map {
      let last = $0.offset == tune.count - 1
      return NoteEvent(
        start: $0.offset * noteTicks, duration: last ? lastNoteTicks ?? noteTicks : noteTicks,
        pitch: Pitch($0.element), velocity: 90)
    }
    return Score(
      tempos: [TempoChange(tick: 0, bpm: 140)],
      tracks: [
        Track(name: "Guitar", program: 30, channel: 0, notes: harmony),
        Track(name: "Lead", program: 29, channel: 1, notes: melody),
      ])
  }

  // B minor's i–VII–i–VII–VI–III–VII–i (the rock progression of a "tense horror" sketch); the lead
  // leans on D, C♯ and A, as that sketch's did.
  let riffChords = [
    [47, 59, 62, 66], [45, 57, 61, 64], [47, 59, 62, 66], [45, 57, 61, 64],
    [43, 55, 59, 62], [50, 62, 66, 69], [45, 57, 61, 64], [47, 59, 62, 66],
  ]
  let riffTune = [
    74, 73, 74, 73, 76, 73, 69, 73, 74, 73, 74, 73, 76, 73, 69, 73,
    67, 69, 71, 67, 74, 78, 74, 69, 76, 73, 69, 73, 71, 71, 71, 71,
  ]

  @Test func anAeolianRiffThatEndsOnItsTonicIsInMinor() {
    // The last B rings for a whole bar (1.7 s at 140 BPM): a held ending.
    let riff = score(riffChords, tune: Array(riffTune.dropLast(3)), lastNoteTicks: 1920)
    var pitchClasses = [Double](repeating: 0, count: 12)
    for note in riff.tracks.flatMap(\.notes) {
      pitchClasses[note.pitch.pitchClass] += Double(note.duration)
    }
    // The notes alone correlate best with another key of the same scale.
    let global = KeyEstimator(profile: .krumhansl).estimate(pitchClasses: pitchClasses)
    #expect(global?.key != Key(NoteClass(.B), .minor))
    let heard = Analyzer().analyzeScore(riff)
    #expect(heard.key == Key(NoteClass(.B), .minor))
  }

  @Test func aRiffCutOffMidPhraseIsNotReadFromItsLastChord() {
    // The same riff with the lead in eighths to the very end: no held ending, so the chord that
    // happens to sound last is no cadence and the notes' own best key stands.
    let cut = score(riffChords, tune: riffTune + riffTune, noteTicks: 240)
    var pitchClasses = [Double](repeating: 0, count: 12)
    for note in cut.tracks.flatMap(\.notes) {
      pitchClasses[note.pitch.pitchClass] += Double(note.duration)
    }
    let global = KeyEstimator(profile: .krumhansl).estimate(pitchClasses: pitchClasses)
    #expect(Analyzer().analyzeScore(cut).key == global?.key)
    #expect(global?.key != Key(NoteClass(.B), .minor))
  }

  @Test func onlyAnEndingThatRingsCountsAsHeld() {
    // A beat, and in audio a second and a half as well.
    let audio = KeyEstimator.minimumAudioHoldSeconds
    #expect(KeyEstimator.endsHeld(lastOnset: 10, end: 12, beatSeconds: 0.5, minimumSeconds: audio))
    #expect(!KeyEstimator.endsHeld(lastOnset: 10, end: 11, beatSeconds: 0.5, minimumSeconds: audio))
    #expect(KeyEstimator.endsHeld(lastOnset: 10, end: 11, beatSeconds: 0.5))
    #expect(!KeyEstimator.endsHeld(lastOnset: 10, end: 11.8, beatSeconds: 2))
    #expect(!KeyEstimator.endsHeld(lastOnset: nil, end: 11.8, beatSeconds: 0.5))
  }

  @Test func theAudibleEndPassesOverSilenceAndTails() {
    // 4 s of sound at RMS 1, then 2 s at 0.01 (a tail), at 10 frames per second.
    var recent = RecentProfiles(bins: 36, frameRate: 10)
    let frame = [Double](repeating: 1, count: 36)
    for i in 0..<60 {
      frame.withUnsafeBufferPointer { recent.add($0, rms: i < 40 ? 1 : 0.01) }
    }
    #expect(recent.audibleEnd() == 40)
    #expect(recent.framesSeen == 60)
  }

  @Test func aClearKeyIsNotOverruledByItsLastChord() {
    // C major's I–IV–V7–I, four times, stopping on a half cadence (G): still C major.
    let c = [48, 60, 64, 67]
    let f = [41, 57, 60, 65]
    let g7 = [43, 55, 59, 62, 65]
    let tune = (0..<15 * 4).map { [72, 76, 79, 77, 76, 74, 72, 71][$0 % 8] } + [74, 71, 67, 74]
    let chords = Array([c, f, g7, c].repeated(4).prefix(15)) + [[43, 55, 59, 62]]
    let heard = Analyzer().analyzeScore(score(chords, tune: tune))
    #expect(heard.key == Key(NoteClass(.C)))
  }
}

extension Array {
  fileprivate func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}

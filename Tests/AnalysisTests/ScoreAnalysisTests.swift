import Foundation
import Testing
import Theory

@testable import Analysis

@Suite struct ScoreAnalysisTests {
  /// A I–IV–V–I in `key` as whole notes (bass + triad), at `bpm`.
  static func cadenceScore(tonic: Int, minor: Bool, bpm: Double) -> Score {
    let third = minor ? 3 : 4
    let root = 48 + tonic
    let chords = [
      [root - 12, root, root + third, root + 7], [root - 7, root + 5, root + 5 + third, root + 12],
      [root - 5, root + 7, root + 11, root + 14], [root - 12, root, root + third, root + 7],
    ]
    var notes: [NoteEvent] = []
    for (i, chord) in chords.enumerated() {
      for pitch in chord {
        notes.append(NoteEvent(start: i * 1920, duration: 1920, pitch: Pitch(pitch), velocity: 90))
      }
    }
    let drums = Track(
      name: "Drums", program: 0, channel: 9,
      notes: (0..<16).map {
        NoteEvent(start: $0 * 480, duration: 120, pitch: Pitch(36 + $0 % 3), velocity: 100)
      })
    return Score(
      tempos: [TempoChange(tick: 0, bpm: bpm)],
      tracks: [Track(name: "Piano", program: 0, channel: 0, notes: notes), drums])
  }

  /// A 6/8 file whose tempo map says 165 quarter notes a minute is a jig at 110: the tempo and the beats
  /// count dotted quarters, the pulse a listener (and the audio beat tracker) follows. 4/4 is unchanged.
  @Test func compoundMetreTempoCountsDottedQuarters() throws {
    var score = Self.cadenceScore(tonic: 2, minor: false, bpm: 165)
    score.meters = [MeterChange(tick: 0, meter: Meter(6, 8))]
    let (features, beats, _) = ScoreAnalyzer(profile: .krumhansl).analyze(score)
    #expect(abs(try #require(features.tempoBPM) - 110) < 1e-9)
    #expect(beats.count > 10)
    let spacing = zip(beats.dropFirst(), beats).map { $0 - $1 }
    #expect(spacing.allSatisfy { abs($0 - 60.0 / 110) < 1e-9 })
    score.meters = [MeterChange(tick: 0, meter: Meter(4, 4))]
    #expect(Analyzer().analyzeScore(score).tempoBPM == 165)
  }

  @Test(arguments: [(7, false), (10, false), (4, true), (0, true)])
  func keyTempoAndDensityOfAScore(tonic: Int, minor: Bool) throws {
    let features = Analyzer().analyzeScore(Self.cadenceScore(tonic: tonic, minor: minor, bpm: 96))
    let key = try #require(features.key)
    #expect(key.tonic.pitchClass == tonic)
    #expect(key.mode == (minor ? .minor : .major))
    #expect(features.tempoBPM == 96)
    #expect(features.source == .midi)
    #expect(abs(features.durationSeconds - 16 * 60 / 96) < 1e-9)
    #expect(features.loudnessLUFS == nil)
    #expect(features.summary["note_density_per_s"]! > 0)
    #expect(features.vector.count == Features.vectorLayout.count)
    // Drums do not vote for the key, but they count as events.
    #expect(features.summary["pitch_mean_midi"]! > 50)
  }

  @Test func keysAreSpelledByTheirSignature() throws {
    let bFlat = try #require(
      Analyzer().analyzeScore(Self.cadenceScore(tonic: 10, minor: false, bpm: 120)).key)
    #expect(bFlat.description == "Bb major")
    let fSharpMinor = try #require(
      Analyzer().analyzeScore(Self.cadenceScore(tonic: 6, minor: true, bpm: 120)).key)
    #expect(fSharpMinor.description == "F# minor")
  }

  @Test func fasterLouderMajorMusicIsHappierAndMoreAroused() {
    var slowMinor = Self.cadenceScore(tonic: 9, minor: true, bpm: 60)
    slowMinor.tracks[0].notes = slowMinor.tracks[0].notes.map {
      var n = $0
      n.velocity = 40
      return n
    }
    slowMinor.tracks.removeLast()
    let fastMajor = Self.cadenceScore(tonic: 0, minor: false, bpm: 150)
    let sad = Analyzer().analyzeScore(slowMinor)
    let happy = Analyzer().analyzeScore(fastMajor)
    #expect(happy.valence > sad.valence)
    #expect(happy.arousal > sad.arousal)
    #expect(sad.valence < 0 && sad.arousal < 0)
    #expect(happy.valence > 0 && happy.arousal > 0)
  }

  /// A fast, loud, plainly diatonic minor score (the trap or metal sketch) reads as dark, not neutral: the
  /// dissonance cue is centred on what real pop songs measure, so diatonic writing earns no bonus that
  /// cancels the minor mode (with the old centre, 0.3, this score read +0.00).
  @Test func fastDiatonicMinorMusicIsStillDark() {
    let fastMinor = Self.cadenceScore(tonic: 4, minor: true, bpm: 170)
    let heard = Analyzer().analyzeScore(fastMinor)
    #expect(heard.key?.mode == .minor)
    #expect(heard.valence < -0.15)
    #expect(heard.arousal > 0)
    // POP909's median out-of-key share leaves the cue at zero; a third of the notes outside the key
    // counts fully against valence.
    let model = MoodModel()
    let cues = { (share: Double) in
      MoodModel.Cues(
        tempoBPM: 110, modeSign: 1, keyClarity: 0.6, loudnessLUFS: -18, onsetRate: 3,
        brightnessHz: 2000, outOfKeyShare: share)
    }
    #expect(
      abs(model.estimate(cues(MoodModel.scoreOutOfKeyCentre)).valence - tanh(0.6 * 0.9)) < 1e-12)
    #expect(model.estimate(cues(0.33)).valence < model.estimate(cues(0.05)).valence)
  }

  @Test func vectorLayoutIsFixedAndNamed() {
    #expect(Set(Features.vectorLayout).count == Features.vectorLayout.count)
    let features = Features(
      source: .audio, durationSeconds: 10, tempoBPM: nil, tempoConfidence: 0.9,
      key: Key(NoteClass(.A), .minor), keyStrength: 0.7,
      loudnessLUFS: -14, loudnessRangeLU: 6, valence: 0.1, arousal: -0.2,
      summary: ["mfcc_3_mean": 12])
    let v = Dictionary(uniqueKeysWithValues: zip(Features.vectorLayout, features.vector))
    #expect(v["tempo_bpm"] == 0 && v["tempo_confidence"] == 0)  // no tempo: no confidence either
    #expect(v["key_is_major"] == 0 && v["key_strength"] == 0.7)
    #expect(v["loudness_lufs"] == -14 && v["mfcc_3_mean"] == 12 && v["arousal"] == -0.2)
    // A minor sits where C major does on the circle of fifths.
    let cMajor = Features(
      source: .audio, durationSeconds: 10, tempoBPM: nil, tempoConfidence: 0,
      key: Key(NoteClass(.C)),
      keyStrength: 0.7,
      loudnessLUFS: nil, loudnessRangeLU: nil, valence: 0, arousal: 0, summary: [:])
    let c = Dictionary(uniqueKeysWithValues: zip(Features.vectorLayout, cMajor.vector))
    #expect(abs(v["key_fifths_cos"]! - c["key_fifths_cos"]!) < 1e-12)
  }
}

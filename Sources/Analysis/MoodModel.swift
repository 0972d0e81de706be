import Foundation

/// Valence and arousal in [-1, 1] from musical cues, by a fixed, literature-grounded linear model.
///
/// No coefficient is fitted to data: the signs and rough sizes follow the cue–emotion associations that
/// listening studies agree on (Gabrielsson & Lindström 2010, "The role of structure in the musical
/// expression of emotions", Handbook of Music and Emotion; Eerola 2011, "Are the emotions expressed in
/// music genre-specific?", J. New Music Research 40(4)):
/// - arousal rises with tempo, loudness, event density (onsets per second) and brightness (spectral
///   centroid) — the strongest and most consistent associations;
/// - valence rises with major mode and clear tonality, a little with tempo and brightness, and falls with
///   dissonance (here: the share of pitch-class energy outside the estimated key's scale).
///
/// Each cue is first mapped to about [-1, 1] around a typical value (`cue = (x − centre) / spread`,
/// clamped), then `arousal = tanh(Σ wᵢ cueᵢ)`, likewise valence. Cues that are unknown (no tempo, no key)
/// contribute 0. How well this agrees with human ratings is measured, not assumed: see the vgmidi
/// evaluations in `MoodEvaluationTests` (symbolic), `AudioMoodEvaluationTests` and
/// Benchmarks/mood (audio renders). On vgmidi audio, arousal beats the majority guess and valence does
/// not (66.7 % against 67.6 %; the symbolic analysis of the same phrases: 62.7 %); on our own sketch
/// renders, the planned valence sign is heard for about 94 % from audio and 96 % from the MIDI.
public struct MoodModel: Sendable, Hashable, Codable {
  /// Inputs of the model, in the units named.
  public struct Cues: Sendable, Hashable, Codable {
    public var tempoBPM: Double?
    /// +1 for a major key, -1 for minor, nil for no key.
    public var modeSign: Double?
    /// Key strength (profile correlation) 0 … 1.
    public var keyClarity: Double
    /// Integrated loudness in LUFS (for MIDI: a proxy from velocity, see ``ScoreAnalyzer``).
    public var loudnessLUFS: Double?
    /// Note or onset events per second.
    public var onsetRate: Double
    /// Spectral centroid in Hz (for MIDI: a proxy from the mean pitch).
    public var brightnessHz: Double?
    /// Share of pitch-class energy outside the key's scale, 0 … 1.
    public var outOfKeyShare: Double?

    public init(
      tempoBPM: Double?, modeSign: Double?, keyClarity: Double, loudnessLUFS: Double?,
      onsetRate: Double,
      brightnessHz: Double?, outOfKeyShare: Double?
    ) {
      self.tempoBPM = tempoBPM
      self.modeSign = modeSign
      self.keyClarity = keyClarity
      self.loudnessLUFS = loudnessLUFS
      self.onsetRate = onsetRate
      self.brightnessHz = brightnessHz
      self.outOfKeyShare = outOfKeyShare
    }
  }

  /// Out-of-key share at which the dissonance cue is 0.
  public var outOfKeyCentre: Double

  /// Symbolic analysis counts sounding note time per pitch class. The centre is the median share of
  /// POP909's 909 songs (MIT licence; measured by `moodsketch analyze` on every song: median 0.015,
  /// quartiles 0.003 and 0.047), so typical tonal pop is neither consonant nor dissonant for the model.
  /// The centre used to be 0.3, where every diatonic piece got the whole consonance bonus: a fixed
  /// +0.3 before tanh, which lifted fast minor-key sketches (trap, metal) to neutral valence.
  public static let scoreOutOfKeyCentre = 0.015

  /// Weight of brightness in arousal. Scores give it 0.3 (their brightness is a proxy from the mean
  /// pitch); audio 0.15, see ``audio``.
  public var brightnessArousalWeight: Double

  /// How tempo and event density share arousal, and the tempo at which the tempo cue is 0. Scores
  /// know their tempo: 0.5 and 0.45 around 110 BPM. Audio weighs density more, see ``audio``.
  public var tempoArousalWeight: Double
  public var tempoArousalCentreBPM: Double
  public var densityArousalWeight: Double

  public init(
    outOfKeyCentre: Double = MoodModel.scoreOutOfKeyCentre, brightnessArousalWeight: Double = 0.3,
    tempoArousalWeight: Double = 0.5, tempoArousalCentreBPM: Double = 110,
    densityArousalWeight: Double = 0.45
  ) {
    self.outOfKeyCentre = outOfKeyCentre
    self.brightnessArousalWeight = brightnessArousalWeight
    self.tempoArousalWeight = tempoArousalWeight
    self.tempoArousalCentreBPM = tempoArousalCentreBPM
    self.densityArousalWeight = densityArousalWeight
  }

  /// The model for audio. Pitch classes from audio leak outside the key (partials that are not set
  /// aside, the window's spread, drums): the 176 sketch renders of Benchmarks/mood/sketch_renders.sh
  /// (seeds 1–4) measure a median out-of-key share of 0.19 (quartiles 0.11 and 0.23) where their MIDI
  /// measures 0.00. The centre is that median, so that typical diatonic audio is neither consonant nor
  /// dissonant for the model, as typical diatonic MIDI is not (a calibration on our own renders; no
  /// label is involved). It used to be 0.4, above the leakage, which gave nearly every render the whole
  /// consonance bonus (+0.3 before tanh) and held fast minor sketches in their planned key at neutral
  /// valence. Measured on 2026-12-07 (sketch renders of seeds 1–4 / 5–8 / 88 dark, intense plans,
  /// planned quadrant from audio): 0.4 gave 70 / 71 / 41 %, 0.19 gives 76 / 80 / 70 %; vgmidi renders
  /// (human labels, measured, not fitted) lose valence sign 68.1 → 65.2 %, still above the symbolic
  /// analysis of the same phrases (63.7 %). Centres from 0.19 to 0.25 hear our renders alike.
  ///
  /// Brightness weighs half in audio arousal: a mix's spectral centroid follows the drum kit and the
  /// patch (ride cymbals, brushes, distortion) as much as how hard the music is played, so calm jazz,
  /// blues and bossa sketches at 100–110 BPM measured centroids of 2.3–3.4 kHz and were heard as
  /// mildly lively. Listening studies rank timbre below tempo, dynamics and articulation for arousal
  /// (Eerola, Friberg & Bresin 2013, "Emotional expression in music: contribution, linearity, and
  /// additivity of primary musical cues", Frontiers in Psychology 4). On the sketch renders (seeds 1–4
  /// / 5–8) the planned arousal sign is heard for 85.2 / 88.6 % at 0.3, 87.5 / 89.2 % at 0.15 and
  /// 89.2 / 88.6 % without the cue; vgmidi renders (measured, not fitted): 70.6 → 72.5 % at −16 LUFS,
  /// 65.2 → 69.1 % as rendered.
  ///
  /// Tempo weighs 0.3 in audio arousal (scores 0.5) and onsets per second 0.8 (scores 0.45), with the
  /// tempo cue centred on 120 BPM: a tempo heard from audio is often a metrical level off (a lullaby
  /// at 70 BPM heard at 140, trap at 153 heard at 76, metal at 181 at 121), while the onset rate does not
  /// depend on which level a tracker picks. 120 BPM is where beat trackers' priors sit (librosa's
  /// `start_bpm`) and where listeners' preferred tapping tempo clusters (Moelants 2002, "Preferred
  /// tempo reconsidered", ICMPC 7), so the levels a tracker confuses land on either side of it alike.
  /// A calibration on our renders (no labels), with ``normalisedLoudnessLUFS``: the planned quadrant
  /// from audio on seed sets 1–4 / 5–8 / 9–12 (176 sketches each) is 78.4 / 80.7 / 77.8 % with the
  /// score weights and 82.4 / 82.4 / 81.3 % with these (neighbours on a grid: 79–83 %); r(arousal)
  /// with the plans 0.82–0.84 → 0.86.
  /// vgmidi renders (human labels, measured, not fitted): arousal sign 72.5 → 75.0 % at −16 LUFS,
  /// 69.1 → 71.6 % as rendered.
  public static let audio = MoodModel(
    outOfKeyCentre: 0.19, brightnessArousalWeight: 0.15, tempoArousalWeight: 0.3,
    tempoArousalCentreBPM: 120, densityArousalWeight: 0.8)

  /// Below this sample peak (dBFS) a file was evidently not mastered, and its absolute loudness says
  /// how it was bounced rather than how the music was played: ``Analyzer`` then reads the loudness it
  /// would have once levelled
  /// (``levelledLoudnessLUFS(integratedLUFS:peakDBFS:targetLUFS:ceilingDBFS:)``). (Renders at
  /// FluidSynth's default gain peak near −18 dBFS at −34 LUFS, which read as "calm" whatever was
  /// played.)
  public static let unmasteredPeakDBFS = -6.0

  /// At or above this integrated loudness a file was normalised, whatever its peak: soft, dynamic music
  /// mastered to −16 LUFS can peak below −6 dBFS (a quarter of our sketch renders do), and its loudness
  /// counts as for any other master. −24 LUFS is EBU R128's broadcast target (−23) with its tolerance;
  /// FluidSynth's default gain gives about −34.
  public static let normalisedLoudnessLUFS = -24.0

  /// The loudness an unmastered file would have once levelled as `moodsketch sketch` levels its renders:
  /// one gain toward `targetLUFS`, stopped where the sample peak reaches `ceilingDBFS`
  /// (``Sound/LoudnessTarget``). An unmastered bounce's absolute level says how it was exported, but how
  /// far its peaks stand above its loudness still says how it was played: sparse, accented, dynamic music
  /// hits the ceiling before the target and lands quieter, dense sustained music reaches the target. This
  /// is what the loudness cue measures in normalised audio too (vgmidi at −16 LUFS: median −16.0,
  /// quartiles −17.4 and −16.0), so unmastered and mastered files of the same music read alike.
  public static func levelledLoudnessLUFS(
    integratedLUFS: Double, peakDBFS: Double, targetLUFS: Double, ceilingDBFS: Double
  ) -> Double {
    integratedLUFS + min(targetLUFS - integratedLUFS, ceilingDBFS - peakDBFS)
  }

  /// Whether a file's absolute loudness says how the music was played (it was mastered or
  /// normalised), so that loudness may count in its mood.
  public static func loudnessIsMeaningful(peakDBFS: Double?, integratedLUFS: Double?) -> Bool {
    (peakDBFS.map { $0 >= unmasteredPeakDBFS } ?? false)
      || (integratedLUFS.map { $0 >= normalisedLoudnessLUFS } ?? false)
  }

  private static func scaled(_ x: Double?, centre: Double, spread: Double) -> Double {
    guard let x, x.isFinite else { return 0 }
    return max(-1, min(1, (x - centre) / spread))
  }

  /// One cue's share of the mood: its weighted, scaled value before the tanh, in valence and arousal.
  public struct Term: Sendable, Hashable, Codable {
    public enum Cue: String, Sendable, Hashable, Codable, CaseIterable {
      case tempo, loudness, density, brightness, mode, clarity, dissonance
    }
    public var cue: Cue
    /// What was measured, in the cue's own unit (BPM, LUFS, onsets per second, Hz, +1 major / −1 minor,
    /// key strength, out-of-key share); nil when the cue was not known.
    public var measured: Double?
    public var valence: Double
    public var arousal: Double
  }

  /// Every cue's share of the mood (``estimate(_:)`` is the tanh of their sums), so a report can say
  /// what made a piece sound the way the model heard it.
  public func terms(_ cues: Cues) -> [Term] {
    let tempo = Self.scaled(cues.tempoBPM, centre: 110, spread: 50)
    let tempoForArousal = Self.scaled(cues.tempoBPM, centre: tempoArousalCentreBPM, spread: 50)
    let loudness = Self.scaled(cues.loudnessLUFS, centre: -18, spread: 10)
    let density = Self.scaled(cues.onsetRate, centre: 3, spread: 3)
    let brightness = Self.scaled(cues.brightnessHz, centre: 2000, spread: 1500)
    let mode = (cues.modeSign ?? 0) * min(1, max(0, cues.keyClarity) * 1.5)
    let clarity = cues.modeSign == nil ? 0 : Self.scaled(cues.keyClarity, centre: 0.6, spread: 0.3)
    let dissonance = Self.scaled(cues.outOfKeyShare, centre: outOfKeyCentre, spread: 0.2)
    return [
      Term(
        cue: .tempo, measured: cues.tempoBPM, valence: 0.25 * tempo,
        arousal: tempoArousalWeight * tempoForArousal),
      Term(cue: .loudness, measured: cues.loudnessLUFS, valence: 0, arousal: 0.5 * loudness),
      Term(
        cue: .density, measured: cues.onsetRate, valence: 0,
        arousal: densityArousalWeight * density),
      Term(
        cue: .brightness, measured: cues.brightnessHz, valence: 0.15 * brightness,
        arousal: brightnessArousalWeight * brightness),
      Term(cue: .mode, measured: cues.modeSign, valence: 0.6 * mode, arousal: 0),
      Term(
        cue: .clarity, measured: cues.modeSign == nil ? nil : cues.keyClarity,
        valence: 0.2 * clarity, arousal: 0),
      Term(
        cue: .dissonance, measured: cues.outOfKeyShare, valence: -0.3 * dissonance, arousal: 0),
    ]
  }

  /// The mood of the cues: (valence, arousal), each in [-1, 1].
  public func estimate(_ cues: Cues) -> (valence: Double, arousal: Double) {
    Self.mood(of: terms(cues))
  }

  /// The mood the terms add up to: the tanh of their sums.
  public static func mood(of terms: [Term]) -> (valence: Double, arousal: Double) {
    (tanh(terms.reduce(0) { $0 + $1.valence }), tanh(terms.reduce(0) { $0 + $1.arousal }))
  }

  /// Share of a 12-bin pitch-class profile outside `scale` (pitch classes of the key's scale).
  static func outOfKeyShare(_ profile: [Double], scale: [Int]) -> Double? {
    let total = profile.reduce(0, +)
    guard total > 0 else { return nil }
    let inKey = scale.reduce(0.0) { $0 + profile[$1] }
    return max(0, (total - inKey) / total)
  }
}

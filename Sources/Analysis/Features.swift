import Foundation
import Theory

/// The fixed-length description of one piece of music (audio or MIDI) that the catalog stores
/// and the recommender compares. Versioned: when the layout of ``vector`` changes, ``Features/version``
/// goes up and stored rows with an older version are re-analysed.
///
/// For the recommender: ``vector`` holds raw values in the units its ``vectorLayout`` name says
/// (Hz, BPM, LUFS, …), so entries differ in scale by orders of magnitude. Standardise each entry across
/// the catalog (z-score) before computing distances. Entries that do not apply to a source are 0
/// (spectral entries for MIDI, symbolic entries for audio; tempo when ``tempoBPM`` is nil, key entries
/// when ``key`` is nil).
public struct Features: Sendable, Hashable, Codable {
  /// Layout version of ``vector``.
  /// 2: chroma means and key at the estimated tuning (1: at A440).
  /// 3: audio key, mode and mood from spectral-peak pitch classes (``PeakPitchClasses``),
  /// `pitch_register_midi` in the summary, and ``local`` block descriptors.
  /// 4: audio peaks weighed against the spectral envelope (``SpectralWhitening``), so key, mode and
  /// valence change; `out_of_key_share` in the summary.
  /// 5: audio arousal weighs onset density over tempo (``MoodModel/audio``).
  /// 6: near-tied keys settled by a held final sonority (CadenceKey.swift), so key, mode and valence
  ///    change.
  /// 7: a tempo 3 : 2 or 4 : 3 from the autocorrelation pick moves to the level whose metre recurs
  ///    (``MetricalLevel``).
  /// 8: an unmastered file's loudness counts in its arousal as it would once levelled to −16 LUFS with
  ///    peaks at −1 dBFS (``MoodModel/levelledLoudnessLUFS(integratedLUFS:peakDBFS:targetLUFS:ceilingDBFS:)``).
  /// 9: the tempo of legato, sustained audio from its onset envelope less its mean
  ///    (``TempoEstimator/sustainedFloor``).
  public static let currentVersion = 9

  /// Name of every entry of ``vector``, in order. Units are in the names: `_hz` Hz, `_bpm` beats per
  /// minute, `_lufs` LUFS, `_lu` loudness units, `_per_s` per second, `_midi` MIDI note number.
  /// Frame descriptors use librosa's names and defaults (sr 22050 Hz, n_fft 2048, hop_length 512).
  public static let vectorLayout: [String] = {
    var names = [
      "tempo_bpm", "tempo_confidence", "key_strength", "key_is_major", "key_fifths_cos",
      "key_fifths_sin",
      "loudness_lufs", "loudness_range_lu", "valence", "arousal", "onset_rate_per_s",
      "rms_mean", "rms_std", "spectral_centroid_hz_mean", "spectral_centroid_hz_std",
      "spectral_bandwidth_hz_mean", "spectral_rolloff_hz_mean", "spectral_flatness_mean",
      "spectral_flux_mean", "zero_crossing_rate_mean", "onset_strength_mean",
    ]
    names += (0..<7).map { "spectral_contrast_\($0)_mean" }
    names += (0..<12).map { "chroma_\($0)_mean" }
    names += (0..<20).map { "mfcc_\($0)_mean" }
    names += (0..<20).map { "mfcc_\($0)_std" }
    names += ["note_density_per_s", "pitch_mean_midi", "pitch_range_semitones", "velocity_mean"]
    return names
  }()

  public var version: Int
  /// Where the features came from.
  public var source: Source
  public var durationSeconds: Double
  /// Beats per minute; nil when no tempo could be found (silence, free time).
  public var tempoBPM: Double?
  /// How clearly the signal pulses at ``tempoBPM``: 0 (no pulse) … 1 (a metronome).
  public var tempoConfidence: Double
  /// Key estimate; nil when there is no tonal content (silence, drums only).
  public var key: Key?
  /// Correlation of the pitch-class profile with the chosen key profile: -1 … 1 (0 when ``key`` is nil).
  public var keyStrength: Double
  /// Integrated loudness (EBU R128) in LUFS; nil for MIDI or digital silence.
  public var loudnessLUFS: Double?
  /// Loudness range (EBU R128 LRA) in LU.
  public var loudnessRangeLU: Double?
  /// Estimated mood from the descriptors, each in [-1, 1] (see `MoodModel` for how).
  public var valence: Double
  public var arousal: Double
  /// Named summary statistics (e.g. "spectral_centroid_hz_mean", "mfcc_3_std"); includes every name of
  /// ``vectorLayout`` that applies to the source, plus extra statistics that are not in the vector.
  public var summary: [String: Double]
  /// The fixed-length vector the recommender compares, laid out as ``vectorLayout`` says.
  public var vector: [Double]
  /// Timbre, brightness and level block by block, for matching excerpts (audio only; nil for MIDI, CSV
  /// rows and analyses stored before it existed).
  public var local: LocalDescriptors?

  public enum Source: String, Sendable, Hashable, Codable {
    case audio, midi, csv
  }

  /// Makes features; `vector` defaults to the one built from the other fields by ``makeVector()``.
  public init(
    version: Int = Features.currentVersion, source: Source, durationSeconds: Double,
    tempoBPM: Double?,
    tempoConfidence: Double, key: Key?, keyStrength: Double, loudnessLUFS: Double?,
    loudnessRangeLU: Double?,
    valence: Double, arousal: Double, summary: [String: Double], vector: [Double]? = nil,
    local: LocalDescriptors? = nil
  ) {
    self.version = version
    self.source = source
    self.durationSeconds = durationSeconds
    self.tempoBPM = tempoBPM
    self.tempoConfidence = tempoConfidence
    self.key = key
    self.keyStrength = keyStrength
    self.loudnessLUFS = loudnessLUFS
    self.loudnessRangeLU = loudnessRangeLU
    self.valence = valence
    self.arousal = arousal
    self.summary = summary
    self.vector = []
    self.local = local
    self.vector = vector ?? makeVector()
  }

  /// The vector in ``vectorLayout`` order: track-level fields first, the rest from ``summary``
  /// (0 where a name is missing).
  public func makeVector() -> [Double] {
    var values = summary
    values["tempo_bpm"] = tempoBPM ?? 0
    values["tempo_confidence"] = tempoBPM == nil ? 0 : tempoConfidence
    values["key_strength"] = key == nil ? 0 : keyStrength
    values["key_is_major"] = key.map { $0.mode.hasMinorThird ? 0 : 1 } ?? 0
    // Place the key on the circle of fifths by its relative major, so A minor sits next to C major.
    if let key {
      let majorTonic =
        key.mode.hasMinorThird ? (key.tonic.pitchClass + 3) % 12 : key.tonic.pitchClass
      let angle = Double((majorTonic * 7) % 12) / 12 * 2 * Double.pi
      values["key_fifths_cos"] = cos(angle)
      values["key_fifths_sin"] = sin(angle)
    } else {
      values["key_fifths_cos"] = 0
      values["key_fifths_sin"] = 0
    }
    values["loudness_lufs"] = loudnessLUFS ?? 0
    values["loudness_range_lu"] = loudnessRangeLU ?? 0
    values["valence"] = valence
    values["arousal"] = arousal
    return Features.vectorLayout.map { values[$0] ?? 0 }
  }
}

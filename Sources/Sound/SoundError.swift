import Theory

/// What can go wrong reading, writing or rendering audio.
public enum SoundError: UserFacingError, Equatable {
  case missingFile(String)
  case unreadableAudio(path: String, reason: String)
  case noSoundFont(searched: [String])
  case invalidSoundFont(String)
  case cannotWrite(path: String, reason: String)
  /// The output's container or bit depth is not one we can write (e.g. 32-bit float in FLAC).
  case unsupportedOutput(path: String, reason: String)
  /// A render rate outside 8,000–192,000 Hz.
  case unsupportedSampleRate(Double)
  /// A FluidSynth master gain outside 0–10.
  case unsupportedGain(Double)
  /// A loudness target or peak ceiling outside what ``LoudnessTarget`` allows.
  case unsupportedLoudness(LoudnessTarget)

  public var category: ErrorCategory {
    switch self {
    case .missingFile, .noSoundFont: .missingInput
    case .unreadableAudio, .invalidSoundFont: .badData
    case .cannotWrite: .cannotCreateOutput
    case .unsupportedOutput, .unsupportedSampleRate, .unsupportedGain, .unsupportedLoudness: .usage
    }
  }

  public var description: String {
    switch self {
    case .missingFile(let path): "\(path): no such file"
    case .unreadableAudio(let path, let reason): "\(path) cannot be read as audio: \(reason)"
    case .noSoundFont(let searched):
      "no SoundFont found (looked in \(searched.joined(separator: ", "))); install fluid-soundfont-gm or pass --soundfont PATH"
    case .invalidSoundFont(let path):
      "\(path) is not a SoundFont (.sf2/.sf3); pass a valid one with --soundfont"
    case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
    case .unsupportedOutput(let path, let reason): "cannot write \(path): \(reason)"
    case .unsupportedSampleRate(let rate):
      "a sample rate of \(rate.isFinite && rate == rate.rounded() && abs(rate) < 1e12 ? String(Int(rate)) : String(rate)) Hz is not possible; use 8000–192000 Hz (44100 is CD quality)"
    case .unsupportedGain(let gain):
      "a gain of \(gain) is not possible; use 0–10 (FluidSynth's default is 0.2)"
    case .unsupportedLoudness(let target):
      "a loudness of \(target.targetLUFS) LUFS with peaks at \(target.peakCeilingDBFS) dBFS is not possible; use −60 to −5 LUFS and a ceiling of −30 to 0 dBFS"
    }
  }
}

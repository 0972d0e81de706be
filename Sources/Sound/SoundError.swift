import Theory

/// What can go wrong reading, writing or rendering audio.
public enum SoundError: UserFacingError, Equatable {
  case missingFile(String)
  case unreadableAudio(path: String, reason: String)
  case noSoundFont(searched: [String])
  case invalidSoundFont(String)
  /// A SoundFont whose header is right but which FluidSynth cannot load (truncated, damaged).
  case damagedSoundFont(String)
  /// A folder, FIFO, device or unreadable file where a file was expected.
  case unreadableFile(path: String, problem: InputFile.Problem)
  case cannotWrite(path: String, reason: String)
  /// The output's container or bit depth is not one we can write (e.g. 32-bit float in FLAC).
  case unsupportedOutput(path: String, reason: String)
  /// A render rate outside 8,000–192,000 Hz.
  case unsupportedSampleRate(Double)
  /// A FluidSynth master gain outside 0–10.
  case unsupportedGain(Double)
  /// A loudness target or peak ceiling outside what ``LoudnessTarget`` allows.
  case unsupportedLoudness(LoudnessTarget)
  /// A score whose render would last longer than the caller's limit (see ``Renderer/defaultMaximumSeconds``).
  case renderTooLong(path: String, seconds: Double, limitSeconds: Double, bytes: Double)

  public var category: ErrorCategory {
    switch self {
    case .missingFile, .noSoundFont: .missingInput
    case .unreadableAudio, .invalidSoundFont, .damagedSoundFont: .badData
    case .unreadableFile(_, let problem): problem.category
    case .cannotWrite: .cannotCreateOutput
    case .unsupportedOutput, .unsupportedSampleRate, .unsupportedGain, .unsupportedLoudness: .usage
    case .renderTooLong: .badData
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
    case .damagedSoundFont(let path):
      "\(path) is a damaged or truncated SoundFont (FluidSynth cannot load it); download it again or pass another with --soundfont"
    case .unreadableFile(let path, let problem): "cannot read \(path): \(problem.reason)"
    case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
    case .unsupportedOutput(let path, let reason): "cannot write \(path): \(reason)"
    case .unsupportedSampleRate(let rate):
      "a sample rate of \(rate.isFinite && rate == rate.rounded() && abs(rate) < 1e12 ? String(Int(rate)) : String(rate)) Hz is not possible; use 8000–192000 Hz (44100 is CD quality)"
    case .unsupportedGain(let gain):
      "a gain of \(gain) is not possible; use 0–10 (FluidSynth's default is 0.2)"
    case .renderTooLong(let path, let seconds, let limit, let bytes):
      seconds.isFinite
        ? "\(path) would render \(Self.clock(seconds)) of audio (about \(Self.size(bytes))), longer than the \(Self.clock(limit)) limit; if that is really meant, pass --max-duration \(Int(min(seconds, 1e12).rounded(.up)))"
        : "\(path) would render for ever (its tempo map never reaches the last event); fix the file in your DAW"
    case .unsupportedLoudness(let target):
      "a loudness of \(target.targetLUFS) LUFS with peaks at \(target.peakCeilingDBFS) dBFS is not possible; use −60 to −5 LUFS and a ceiling of −30 to 0 dBFS"
    }
  }

  /// `1:02:03` or `4:05`, for lengths people read.
  static func clock(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds < 1e12 else { return "an endless time" }
    let whole = Int(seconds.rounded(.up))
    let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
    return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
  }

  /// `49.2 GB`, `310 MB`.
  static func size(_ bytes: Double) -> String {
    if bytes >= 1e9 { return String(format: "%.1f GB", bytes / 1e9) }
    return String(format: "%.0f MB", max(1, bytes / 1e6))
  }
}

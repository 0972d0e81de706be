import Theory

/// What can go wrong analysing a file; each description is one line naming the file and what to do.
public enum AnalysisError: UserFacingError, Equatable {
  case missingFile(String)
  case unreadableAudio(path: String, reason: String)
  case unreadableMIDI(path: String, reason: String)
  /// The file decodes but holds no samples at all.
  case noAudio(String)
  case invalidParameter(name: String, value: String, allowed: String)
  /// Fewer seconds of audio than ``Analyzer/minimumSeconds``: no key, tempo, loudness or mood means anything.
  case tooShort(path: String, seconds: Double)

  public var category: ErrorCategory {
    switch self {
    case .missingFile: .missingInput
    case .unreadableAudio, .unreadableMIDI, .noAudio, .tooShort: .badData
    case .invalidParameter: .usage
    }
  }

  public var description: String {
    switch self {
    case .missingFile(let path): "\(path): no such file; check the path"
    case .unreadableAudio(let path, let reason):
      "\(path) cannot be read as audio: \(reason)"
    case .unreadableMIDI(let path, let reason):
      "\(path) cannot be read as MIDI (\(reason)); export it again from your DAW"
    case .noAudio(let path): "\(path) holds no audio samples (zero length); bounce the draft again"
    case .tooShort(let path, let seconds):
      "\(path) is too short to analyse (\(seconds < 0.01 ? String(format: "%.5f", seconds) : String(format: "%.2f", seconds)) s; at least \(String(format: "%.1f", Analyzer.minimumSeconds)) s is needed for a key, a loudness or a mood)"
    case .invalidParameter(let name, let value, let allowed):
      "\(name) \(value) is not allowed; use \(allowed)"
    }
  }
}

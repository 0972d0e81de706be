import Theory

/// What can go wrong analysing a file; each description is one line naming the file and what to do.
public enum AnalysisError: UserFacingError, Equatable {
  case missingFile(String)
  case unreadableAudio(path: String, reason: String)
  case unreadableMIDI(path: String, reason: String)
  /// The file decodes but holds no samples at all.
  case noAudio(String)
  case invalidParameter(name: String, value: String, allowed: String)

  public var category: ErrorCategory {
    switch self {
    case .missingFile: .missingInput
    case .unreadableAudio, .unreadableMIDI, .noAudio: .badData
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
    case .invalidParameter(let name, let value, let allowed):
      "\(name) \(value) is not allowed; use \(allowed)"
    }
  }
}

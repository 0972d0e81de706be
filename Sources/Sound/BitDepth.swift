/// Sample format of a written file.
public enum BitDepth: String, Sendable, Hashable, Codable, CaseIterable {
  /// 16-bit integer PCM (CD quality; the default).
  case pcm16 = "16"
  /// 24-bit integer PCM.
  case pcm24 = "24"
  /// 32-bit IEEE float (WAV and AIFF only; FLAC stores integers).
  case float32 = "32f"

  /// Parses the command-line spelling: `16`, `24` or `32f` (also `32`, `float`).
  public init?(argument: String) {
    switch argument.lowercased() {
    case "16": self = .pcm16
    case "24": self = .pcm24
    case "32f", "32", "float", "f32": self = .float32
    default: return nil
    }
  }

  /// Bytes one sample takes in the file (before any compression).
  public var bytesPerSample: Int {
    switch self {
    case .pcm16: 2
    case .pcm24: 3
    case .float32: 4
    }
  }
}

import Theory

/// What can go wrong reading or writing a Standard MIDI File.
public enum SMFError: UserFacingError, Equatable {
  case notMIDI(path: String)
  case truncated(path: String, at: Int)
  case malformed(path: String, reason: String)

  public var category: ErrorCategory { .badData }
  public var description: String {
    switch self {
    case .notMIDI(let path): "\(path) is not a Standard MIDI File (no MThd header); pass a .mid file"
    case .truncated(let path, let offset): "\(path) is truncated at byte \(offset); re-export it from your DAW"
    case .malformed(let path, let reason): "\(path) is not a valid MIDI file: \(reason)"
    }
  }
}

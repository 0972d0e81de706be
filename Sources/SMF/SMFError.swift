import Theory

/// What can go wrong reading or writing a Standard MIDI File.
///
/// Every case names the file (the path, or the name given to ``MIDIFile/decode(_:name:)``) and its
/// `description` is one line a user can act on. Writing failures come from `AtomicFile.Failure`.
public enum SMFError: UserFacingError, Equatable {
  /// The file does not exist (or is a folder).
  case missing(path: String)
  /// The file exists but could not be read (permissions, I/O error).
  case unreadable(path: String, reason: String)
  /// The path is a folder, a FIFO or device, or may not be read by this user (see `InputFile`).
  case notReadable(path: String, problem: InputFile.Problem)
  /// The file has no bytes at all.
  case empty(path: String)
  /// The file does not start with an `MThd` header (nor a RIFF `RMID` wrapper around one).
  case notMIDI(path: String)
  /// The file ends before the data its headers promise; `at` is the byte offset where it ends.
  case truncated(path: String, at: Int)
  /// The header asks for SMPTE time code timing, which has no musical beat to map to a `Score`.
  case smpteTiming(path: String)
  /// The bytes break the Standard MIDI File rules; `reason` says where and how.
  case malformed(path: String, reason: String)

  public var category: ErrorCategory {
    switch self {
    case .missing: .missingInput
    case .notReadable(_, let problem): problem.category
    case .unreadable: .io
    case .empty, .notMIDI, .truncated, .smpteTiming, .malformed: .badData
    }
  }

  public var description: String {
    switch self {
    case .missing(let path): "\(path) does not exist; check the path of the MIDI file"
    case .unreadable(let path, let reason):
      "cannot read \(path): \(reason); check the file's permissions"
    case .notReadable(let path, let problem): "cannot read \(path): \(problem.reason)"
    case .empty(let path): "\(path) is empty (0 bytes); pass a Standard MIDI File (.mid)"
    case .notMIDI(let path):
      "\(path) is not a Standard MIDI File (no MThd header); pass a .mid file"
    case .truncated(let path, let offset):
      "\(path) is truncated at byte \(offset); re-export it from your DAW"
    case .smpteTiming(let path):
      "\(path) uses SMPTE time-code timing, which is not supported; re-export it with ticks per quarter note"
    case .malformed(let path, let reason): "\(path) is not a valid MIDI file: \(reason)"
    }
  }
}

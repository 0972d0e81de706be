import Theory

/// What can stop a score from becoming notation.
public enum NotationError: UserFacingError, Equatable {
  /// The score has no notes at all; `source` names the file or sketch.
  case noNotes(source: String)
  /// A lead sheet needs a pitched track, and every track is drums.
  case noPitchedTrack(source: String)

  public var category: ErrorCategory { .badData }

  public var description: String {
    switch self {
    case .noNotes(let source):
      "\(source) has no notes, so there is nothing to notate; pass a MIDI file with notes"
    case .noPitchedTrack(let source):
      "\(source) has only drum notes, so it has no melody for a lead sheet; use --score full"
    }
  }
}

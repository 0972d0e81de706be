import Theory

/// What can stop a picture from being drawn.
public enum PicturesError: UserFacingError, Equatable {
  /// The score has no notes; `source` names the file or sketch.
  case noNotes(source: String)
  /// A chart was asked for with nothing to draw.
  case noData(what: String)

  public var category: ErrorCategory { .badData }

  public var description: String {
    switch self {
    case .noNotes(let source):
      "\(source) has no notes, so there is no piano roll to draw; pass a MIDI file with notes"
    case .noData(let what): "there is nothing to plot: \(what)"
    }
  }
}

import Theory

/// What can go wrong fitting a user's material into a sketch.
public enum CowriteError: UserFacingError, Equatable {
  /// The chart has more chords (or bars) than the sketch has room for.
  case tooManyChords(given: Int, room: Int, unit: String)

  public var category: ErrorCategory { .usage }

  public var description: String {
    switch self {
    case .tooManyChords(let given, let room, let unit) where unit == "bars":
      "--chords has \(given) bars but the sketch has \(room); pass --bars \(given) or fewer bars of chords"
    case .tooManyChords(let given, let room, _):
      "--chords has \(given) chords but the sketch has \(room) chord slots; pass a larger --bars, use | bar lines, or give fewer chords"
    }
  }
}

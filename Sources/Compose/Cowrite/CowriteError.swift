import Theory

/// What can go wrong fitting a user's material into a sketch.
public enum CowriteError: UserFacingError, Equatable {
  /// The chart has more chords (or bars) than the sketch has room for.
  case tooManyChords(given: Int, room: Int, unit: String)
  /// `vary --part` names a part the sketch has no track for.
  case missingPart(String, available: [String])
  /// The sketch's MIDI carries no chord symbols to write a part on.
  case noChords
  /// Fewer distinct new versions of the part exist than were asked for.
  case nothingToVary(String, found: Int, asked: Int)
  /// The tune changes metre; harmonizing and continuing need one.
  case changingMetre(file: String, bar: Int)

  public var category: ErrorCategory {
    switch self {
    case .tooManyChords, .nothingToVary: .usage
    case .missingPart, .noChords, .changingMetre: .badData
    }
  }

  public var description: String {
    switch self {
    case .tooManyChords(let given, let room, let unit) where unit == "bars":
      "--chords has \(given) bars but the sketch has \(room); pass --bars \(given) or fewer bars of chords"
    case .changingMetre(let file, let bar):
      "\(file) changes metre in bar \(bar); this works on one metre: cut the file where it changes"
    case .tooManyChords(let given, let room, _):
      "--chords has \(given) chords but the sketch has \(room) chord slots; pass a larger --bars, use | bar lines, or give fewer chords"
    case .missingPart(let part, let available):
      "the sketch has no \(part) track (it has \(available.joined(separator: ", "))); vary one of those"
    case .noChords:
      "the sketch's MIDI has no chord symbols (markers); vary a folder written by moodsketch sketch"
    case .nothingToVary(let part, let found, let asked) where found == 0:
      "this sketch's \(part) has no other version to draw (asked for \(asked)); its style writes it from fixed rules"
    case .nothingToVary(let part, let found, let asked):
      "only \(found) distinct new \(part) parts could be drawn, not \(asked); ask for fewer with --count \(found)"
    }
  }
}

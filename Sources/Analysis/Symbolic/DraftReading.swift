import Theory

/// What a MIDI draft from any DAW holds, read for co-writing: key, metre, tempo map, the melody
/// line and the chords bar by bar.
public struct DraftReading: Sendable, Hashable, Codable {
  public var key: Key
  /// "key signature" when the file says it, else "estimated from the notes (strength r)".
  public var keySource: String
  public var meters: [MeterChange]
  public var tempos: [TempoChange]
  /// Index into the score's tracks.
  public var melodyTrack: Int
  public var melodyTrackName: String
  /// Why this track is the melody.
  public var melodyReason: String
  public var chords: [RecognisedChord]
  public var bars: Int
}

/// How the caller names the melody track.
public enum MelodyTrackChoice: Sendable, Hashable {
  /// Named track (MELODY, Lead, Vocal…), else the highest monophonic line.
  case automatic
  /// A track name, case-insensitive.
  case named(String)
  /// A 1-based track number among the score's tracks.
  case number(Int)
}

/// What makes a draft unreadable for co-writing.
public enum DraftError: UserFacingError, Equatable {
  case noNotes(String)
  case onlyDrums(String)
  case noSuchTrack(String, available: [String])
  case polyphonicMelody(track: String, overlapPercent: Int)
  case noMonophonicLine(String)

  public var category: ErrorCategory {
    switch self {
    case .noSuchTrack: .usage
    case .polyphonicMelody: .usage
    default: .badData
    }
  }

  public var description: String {
    switch self {
    case .noNotes(let name): "\(name) has no notes; give a MIDI file with a melody"
    case .onlyDrums(let name): "\(name) has only drum notes; give a MIDI file with a pitched melody"
    case .noSuchTrack(let wanted, let available):
      "no track '\(wanted)' in the file; its tracks are: \(available.joined(separator: ", "))"
    case .polyphonicMelody(let track, let percent):
      "track '\(track)' is polyphonic (\(percent) % of its notes overlap another), not a melody; choose a single-line track with --track"
    case .noMonophonicLine(let name):
      "\(name) has no single-line track to read as the melody; choose one with --track"
    }
  }
}

import Theory

/// What can go wrong understanding a prompt or planning from it.
///
/// Every case is something a user caused or can fix; `description` is one line naming the value and what to do.
public enum AffectError: UserFacingError, Equatable {
  /// The prompt is blank (empty or spaces only).
  case emptyPrompt
  /// The prompt has characters but no words (emoji, symbols, punctuation); carries it as typed.
  case noWords(String)
  /// None of the prompt's words is in the lexicon; carries the words as typed.
  case noKnownWords(String)
  /// The bundled lexicon could not be read: a broken installation.
  case lexiconUnavailable(String)
  /// A lexicon file has a malformed line.
  case lexiconMalformed(source: String, line: Int, reason: String)
  /// An explicit key that is not a key.
  case invalidKey(String)
  /// An explicit tempo that is not a number in the playable range.
  case invalidTempo(String)
  /// An explicit meter that is not a time signature.
  case invalidMeter(String)
  /// An explicit bar count that is not a positive number in range.
  case invalidBars(String)
  /// An explicit style name the planner does not know.
  case invalidStyle(String)
  /// A word of a mood journey's stage that the lexicon lacks.
  case unknownJourneyWord(String, stage: String)
  /// A mood journey's stage with no words ("from to happy").
  case emptyJourneyStage(String)

  public var category: ErrorCategory {
    switch self {
    case .lexiconUnavailable, .lexiconMalformed: .badData
    default: .usage
    }
  }

  public var description: String {
    switch self {
    case .emptyPrompt:
      "the mood prompt is empty; describe a mood in words, e.g. 'melancholic rainy night' or 'upbeat summer pop'"
    case .noWords(let given):
      "no word was understood in '\(given)': emoji, symbols and punctuation carry no mood here; describe the mood in words, e.g. 'melancholic rainy night'"
    case .noKnownWords(let words):
      "no word of '\(words)' is in the mood lexicon; try words like 'melancholic', 'energetic', 'rainy'"
    case .lexiconUnavailable(let reason):
      "the mood lexicon cannot be loaded (\(reason)); reinstall moodsketch or rebuild it with `swift build`"
    case .lexiconMalformed(let source, let line, let reason):
      "the mood lexicon \(source) line \(line) is malformed (\(reason)); fix that line"
    case .invalidKey(let text):
      "'\(text)' is not a key; use a tonic and a mode such as 'A minor', 'F#m', 'Bb', 'D dorian'"
    case .invalidTempo(let text):
      "'\(text)' is not a usable tempo; give beats per minute between \(Int(PlanOverrides.tempoRange.lowerBound)) and \(Int(PlanOverrides.tempoRange.upperBound))"
    case .invalidMeter(let text):
      "'\(text)' is not a time signature; use e.g. 4/4, 3/4, 6/8 or 7/8"
    case .invalidBars(let text):
      "'\(text)' is not a usable number of bars; give a whole number from 1 to \(PlanOverrides.barsRange.upperBound)"
    case .unknownJourneyWord(let word, let stage):
      "'\(word)' in the journey stage '\(stage)' is not a mood word moodsketch knows; use words like 'sad', 'hopeful', 'calm', 'intense'"
    case .emptyJourneyStage(let text):
      "a stage of the mood journey is empty ('\(text)'); describe each stage, e.g. 'from lonely to triumphant'"
    case .invalidStyle(let text):
      "'\(text)' is not a style moodsketch knows; choose one of: \(Style.allCases.map(\.rawValue).joined(separator: ", "))"
    }
  }
}

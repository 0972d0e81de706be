import Catalog
import Theory

/// What can go wrong building recommendations or evaluating them.
public enum RecommendError: UserFacingError, Equatable {
  case malformedLine(path: String, line: Int, reason: String)
  case emptyEvents(String)
  case invalidParameter(name: String, value: String, allowed: String)
  case missingFile(path: String, hint: String)
  case unreadable(path: String, reason: String)
  /// A sketch folder's `sketch.json` that cannot serve as a draft.
  case invalidSketch(path: String, reason: String)
  /// Training produced non-finite factors.
  case diverged(model: String, hint: String)
  /// A train/test split whose files share no user, so nothing can be scored.
  case nothingToScore(train: String, test: String)

  public var category: ErrorCategory {
    switch self {
    case .malformedLine, .emptyEvents, .diverged, .nothingToScore, .invalidSketch: .badData
    case .invalidParameter: .usage
    case .missingFile: .missingInput
    case .unreadable: .io
    }
  }

  public var description: String {
    switch self {
    case .malformedLine(let path, let line, let reason): "\(path):\(line): \(reason)"
    case .emptyEvents(let path):
      "\(path) holds no listening events; expected `user item weight` lines"
    case .invalidParameter(let name, let value, let allowed): "invalid \(name) \(value): \(allowed)"
    case .missingFile(let path, let hint): "\(path) does not exist; \(hint)"
    case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
    case .invalidSketch(let path, let reason):
      "\(path): \(reason); make the sketch again with `moodsketch sketch … --out FOLDER` or pass an audio or MIDI file"
    case .diverged(let model, let hint):
      "the \(model) model diverged (its factors overflowed to infinity or NaN), so it cannot rank anything; \(hint)"
    case .nothingToScore(let train, let test):
      "no user in \(test) has events in \(train), so no list can be scored; give the train and test files of one split"
    }
  }
}

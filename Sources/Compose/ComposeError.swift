import Theory

/// What can go wrong training or loading a composition model.
public enum ComposeError: UserFacingError, Equatable {
  case modelMissing(String)
  case modelCorrupt(path: String, reason: String)
  case noTrainingData(String)

  public var category: ErrorCategory {
    switch self {
    case .modelMissing, .noTrainingData: .missingInput
    case .modelCorrupt: .badData
    }
  }

  public var description: String {
    switch self {
    case .modelMissing(let path):
      "the composition model \(path) is missing; run `moodsketch train` to rebuild it"
    case .modelCorrupt(let path, let reason):
      "the composition model \(path) cannot be read (\(reason)); run `moodsketch train` to rebuild it"
    case .noTrainingData(let path):
      "no training data found under \(path); point --data at ../shared/data"
    }
  }
}

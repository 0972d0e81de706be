import Catalog
import Theory

/// What can go wrong building recommendations or evaluating them.
public enum RecommendError: UserFacingError, Equatable {
  case malformedLine(path: String, line: Int, reason: String)
  case emptyEvents(String)
  case invalidParameter(name: String, value: String, allowed: String)
  case missingFile(path: String, hint: String)
  case unreadable(path: String, reason: String)

  public var category: ErrorCategory {
    switch self {
    case .malformedLine, .emptyEvents: .badData
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
    }
  }
}

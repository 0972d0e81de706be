import Analysis
import Theory

/// What can go wrong with the reference catalog.
public enum CatalogError: UserFacingError, Equatable {
  case cannotOpen(path: String, reason: String)
  case readOnly(String)
  case noSuchTrack(String)

  public var category: ErrorCategory {
    switch self {
    case .cannotOpen: .cannotCreateOutput
    case .readOnly: .cannotCreateOutput
    case .noSuchTrack: .usage
    }
  }

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "cannot open the catalog \(path): \(reason); pass another --catalog or fix its permissions"
    case .readOnly(let path): "the catalog \(path) is read-only; pass a writable --catalog"
    case .noSuchTrack(let id): "no track with id \(id) in the catalog; `moodsketch catalog list` shows the ids"
    }
  }
}

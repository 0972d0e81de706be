import Analysis
import Theory

/// What can go wrong with the reference catalog.
public enum CatalogError: UserFacingError, Equatable {
  case cannotOpen(path: String, reason: String)
  case readOnly(String)
  case noSuchTrack(String)
  /// An explicit `--catalog`/`$MOODSKETCH_CATALOG` path that does not exist, for a command that only reads.
  case missingCatalog(String)
  /// Another process holds the write lock for longer than the busy timeout.
  case locked(path: String, seconds: Double)
  /// The file exists but is not a SQLite database, or is another application's database.
  case notACatalog(path: String, reason: String)
  /// A SQLite catalog whose pages or stored rows are damaged, with what the integrity check found.
  case damaged(path: String, finding: String)
  /// A CSV file that cannot be imported at all (no header, no usable columns).
  case unusableTable(path: String, reason: String)
  /// A file named on the command line that does not exist.
  case missingInput(String)
  /// A file named on the command line that exists but cannot be read.
  case unreadableInput(path: String, reason: String)
  /// A table whose every row was malformed: nothing was stored.
  case nothingImported(path: String, rows: Int, line: Int, reason: String)

  public var category: ErrorCategory {
    switch self {
    case .cannotOpen: .cannotCreateOutput
    case .readOnly: .cannotCreateOutput
    case .noSuchTrack: .usage
    case .missingCatalog, .missingInput, .unreadableInput: .missingInput
    case .locked: .io
    case .notACatalog, .damaged, .unusableTable, .nothingImported: .badData
    }
  }

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      "cannot open the catalog \(path): \(reason); pass another --catalog or fix its permissions"
    case .readOnly(let path):
      "the catalog \(path) is read-only; pass a writable --catalog or fix its permissions"
    case .noSuchTrack(let id):
      "no track with id \(id) in the catalog; `moodsketch catalog list` shows the ids"
    case .missingCatalog(let path):
      "no catalog at \(path); create one with `moodsketch catalog add FOLDER --catalog \(path)` or check the path"
    case .locked(let path, let seconds):
      "the catalog \(path) is locked by another moodsketch process (waited \(Int(seconds.rounded())) s); try again when it has finished"
    case .notACatalog(let path, let reason):
      "\(path) is not a moodsketch catalog (\(reason)); pass another --catalog or move the file away"
    case .damaged(let path, let finding):
      "the catalog \(path) is damaged (SQLite integrity check: \(finding)); restore it from a backup, or move it away and rebuild it with `moodsketch catalog add` and `catalog import`"
    case .unusableTable(let path, let reason): "cannot import \(path): \(reason)"
    case .missingInput(let path): "\(path): no such file or folder"
    case .unreadableInput(let path, let reason):
      "cannot read \(path): \(reason); check its permissions"
    case .nothingImported(let path, let rows, let line, let reason):
      "nothing imported from \(path): all \(rows) row\(rows == 1 ? " is" : "s are") malformed, the first at line \(line): \(reason)"
    }
  }
}

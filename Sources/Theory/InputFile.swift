import Foundation

/// What is wrong with a path given as input, found with one `stat` before any reader opens it, so that
/// every command names the real reason — a folder is not "missing", a FIFO is not "empty", an
/// unreadable file is not "no such file" — and never blocks reading a pipe or `/dev/zero` forever.
public enum InputFile {
  public enum Problem: Equatable, Sendable {
    case missing
    /// A folder where a file was expected.
    case folder
    /// A FIFO, device or socket: `kind` names it.
    case special(kind: String)
    /// The file or a folder on its path may not be read by this user.
    case unreadable
    case empty

    /// Why, and what to do, as the end of a sentence starting with the path.
    public var reason: String {
      switch self {
      case .missing: "no such file; check the path"
      case .folder: "it is a folder, not a file; pass a file (or a file inside it)"
      case .special(let kind):
        "it is \(kind), not a regular file; save the data to a file first"
      case .unreadable:
        "permission denied; check the file's permissions (and those of its folders)"
      case .empty: "the file is empty (0 bytes)"
      }
    }

    /// `sysexits`: a file that is not there or cannot be read is 66, one with nothing in it 65.
    public var category: ErrorCategory { self == .empty ? .badData : .missingInput }
  }

  /// The problem with reading `path` as a regular, readable, non-empty file, or nil when there is none.
  ///
  /// - Parameter allowEmpty: whether 0 bytes is acceptable (default: false).
  public static func problem(at path: String, allowEmpty: Bool = false) -> Problem? {
    var info = stat()
    guard stat(path, &info) == 0 else {
      return errno == EACCES ? .unreadable : .missing
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .folder
    case S_IFREG: break
    case S_IFIFO: return .special(kind: "a FIFO (named pipe)")
    case S_IFCHR: return .special(kind: "a character device")
    case S_IFBLK: return .special(kind: "a block device")
    case S_IFSOCK: return .special(kind: "a socket")
    default: return .special(kind: "not a file")
    }
    guard access(path, R_OK) == 0 else { return .unreadable }
    if !allowEmpty, info.st_size == 0 { return .empty }
    return nil
  }
}

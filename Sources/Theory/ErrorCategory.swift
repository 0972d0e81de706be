/// What kind of failure an error is, so the command line can pick the BSD `sysexits` code
/// that scripts expect (DESIGN: 64 usage, 65 bad data, 66 missing input, 73 cannot create output, 74 I/O).
public enum ErrorCategory: Int32, Sendable {
  case usage = 64
  case badData = 65
  case missingInput = 66
  case cannotCreateOutput = 73
  case io = 74
}

/// An error a user can act on: its `description` is one line naming the file or value and what to do.
///
/// Every module's error enum conforms, so the executable maps all of them to exit codes in one place.
public protocol UserFacingError: Error, CustomStringConvertible {
  var category: ErrorCategory { get }
}

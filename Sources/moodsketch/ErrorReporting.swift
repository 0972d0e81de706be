import ArgumentParser
import Foundation
import Theory

/// Runs a command body, turning a module's ``UserFacingError`` into one line on stderr and the
/// `sysexits` code that DESIGN.md names, so users never see a Swift stack trace for their own mistakes.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as UserFacingError {
    printError(error.description)
    throw ExitCode(error.category.rawValue)
  } catch let error as ExitCode {
    throw error
  } catch let error as CleanExit {
    throw error
  } catch let error as ValidationError {
    throw error
  } catch {
    printError("\(error)")
    throw ExitCode(ErrorCategory.io.rawValue)
  }
}

/// Writes `moodsketch: message` to standard error.
func printError(_ message: String) {
  Terminal.error(message)
}

/// The width of the terminal on standard output ($COLUMNS, else the window size), 100 when unknown.
var terminalColumns: Int {
  if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text),
    columns > 20
  {
    return columns
  }
  var size = winsize()
  if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
    return Int(size.ws_col)
  }
  return 100
}

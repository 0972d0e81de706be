import ArgumentParser
import Foundation

/// Command-line spelling fixes and the one-line usage error, applied before and after parsing.
enum UsageLine {
  /// Joins `--name -5` into `--name=-5`, so a negative number (or `-inf`, `-nan`) after an option is
  /// read as its value and reaches the option's range check, as the `=` form already does.
  ///
  /// ArgumentParser otherwise takes `-5` for a short option and says "Missing value for '--bars <n>'",
  /// which hides the real problem. Only a token that parses as a number is joined; everything after a
  /// `--` terminator is left alone.
  static func joiningNegativeValues(_ arguments: [String]) -> [String] {
    var result: [String] = []
    var index = 0
    while index < arguments.count {
      let token = arguments[index]
      if token == "--" {
        result.append(contentsOf: arguments[index...])
        break
      }
      if token.hasPrefix("--"), token.count > 2, !token.contains("="),
        index + 1 < arguments.count, isNegativeNumber(arguments[index + 1])
      {
        result.append("\(token)=\(arguments[index + 1])")
        index += 2
        continue
      }
      result.append(token)
      index += 1
    }
    return result
  }

  /// `-5`, `-0.25`, `-.5`, `-1e300`, `-inf`, `-infinity`, `-nan`: what a user means as a value.
  static func isNegativeNumber(_ token: String) -> Bool {
    guard token.hasPrefix("-"), token.count > 1 else { return false }
    let rest = token.dropFirst().lowercased()
    return ["inf", "infinity", "nan"].contains(rest) || Double(rest) != nil
  }

  /// The subcommand path the arguments name, e.g. `moodsketch catalog add`, for the help pointer.
  static func commandPath(_ arguments: [String], root: ParsableCommand.Type) -> String {
    var command = root
    var names = [root._commandName]
    for token in arguments where !token.hasPrefix("-") {
      guard
        let sub = command.configuration.subcommands.first(where: {
          $0._commandName == token || $0.configuration.aliases.contains(token)
        })
      else { break }
      command = sub
      names.append(sub._commandName)
    }
    return names.joined(separator: " ")
  }

  /// ArgumentParser's message as one `moodsketch:` line with the help pointer on it: its
  /// `Error:`/`Help:`/`Usage:` block is three or four lines, unlike every other error we print.
  static func line(message: String, commandPath: String) -> String {
    var text = message.split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .joined(separator: "; ")
    if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
    if let first = text.first, first.isUppercase, !text.hasPrefix("--") {
      // ArgumentParser starts its sentences with a capital; ours follow "moodsketch:" in lower case.
      let second = text.dropFirst().first
      if second.map({ !$0.isUppercase }) ?? true { text = first.lowercased() + text.dropFirst() }
    }
    return "\(text) (see '\(commandPath) --help')"
  }
}

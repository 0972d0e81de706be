import Foundation
import Testing

/// Usage errors as a user meets them: one `moodsketch:` line with the help pointer, exit 64, and
/// negative numbers after an option read as its value (issue 13, items 13, 19, 22 and `--out ""`).
@Suite struct UsageLineTests {
  func expectOneUsageLine(_ result: CLIResult, naming text: String, command: String) {
    #expect(result.status == 64, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(lines.first?.hasPrefix("moodsketch: ") == true, "\(result.stderr)")
    #expect(result.stderr.contains(text), "\(result.stderr)")
    let pointer = (["moodsketch"] + (command.isEmpty ? [] : [command]) + ["--help"]).joined(
      separator: " ")
    #expect(result.stderr.contains("(see '\(pointer)')"), "\(result.stderr)")
    #expect(!result.stderr.contains("Usage:") && !result.stderr.contains("Help:"))
  }

  @Test func argumentParserErrorsAreOneLineWithTheHelpPointer() throws {
    expectOneUsageLine(
      try CLI.run(["sketch"]), naming: "missing expected argument '<prompt>'", command: "sketch")
    expectOneUsageLine(
      try CLI.run(["sketch", "calm", "--frobnicate"]), naming: "unknown option '--frobnicate'",
      command: "sketch")
    expectOneUsageLine(try CLI.run(["catalog", "add"]), naming: "missing", command: "catalog add")
    expectOneUsageLine(
      try CLI.run(["no-such-command"]), naming: "'no-such-command'", command: "")
  }

  @Test func validateErrorsAreOneLineToo() throws {
    expectOneUsageLine(
      try CLI.run(["sketch", "calm", "--bars", "999", "--no-render"]),
      naming: "--bars 999 is out of range; use 1–256", command: "sketch")
  }

  @Test func negativeValuesAfterASpaceGetTheRangeMessage() throws {
    for (arguments, message, command) in [
      (["sketch", "calm", "--bars", "-1"], "--bars -1 is out of range", "sketch"),
      (["sketch", "calm", "--tempo", "-inf"], "--tempo -inf is out of range", "sketch"),
      (["sketch", "calm", "--seed", "-5"], "'-5' is invalid for '--seed <n>'", "sketch"),
      (["recommend", "--user", "u", "--k", "-3"], "-3", "recommend"),
    ] {
      let spaced = try CLI.run(arguments)
      expectOneUsageLine(spaced, naming: message, command: command)
      #expect(!spaced.stderr.contains("Missing value"), "\(arguments): \(spaced.stderr)")
      // The `=` form always worked: both spellings must now say the same thing.
      var joined = arguments
      let value = joined.removeLast()
      joined[joined.count - 1] += "=\(value)"
      #expect(try CLI.run(joined).stderr == spaced.stderr, "\(arguments)")
    }
  }

  @Test func anEmptyOutFolderIsAUsageError() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(
      ["sketch", "calm", "--out", "", "--no-render", "--no-references"], in: folder)
    expectOneUsageLine(result, naming: "--out is empty", command: "sketch")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func anEmojiOnlyPromptSaysNoWordWasUnderstood() throws {
    let result = try CLI.run(["mood", "🎸🔥"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("no word was understood in '🎸🔥'"), "\(result.stderr)")
    #expect(!result.stderr.contains("empty"))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }
}

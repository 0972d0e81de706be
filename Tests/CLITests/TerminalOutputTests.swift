import Foundation
import Testing

/// `--quiet`, `--verbose`, colour and progress as a user sees them: in a pipe (the tests' own pipes)
/// and on a terminal (a pseudo-terminal from `script`).
@Suite struct TerminalOutputTests {
  @Test func quietPrintsNothingButStillWritesTheSketch() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("q").path
    let result = try CLI.run(["sketch", "calm rainy morning", "--no-render", "--out", out, "-q"])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    // Not even the "no reference catalog yet" note: only errors.
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: out + "/sketch.mid"))
  }

  @Test func quietStillPrintsErrorsAndJSON() throws {
    let bad = try CLI.run(["render", "/nonexistent/song.mid", "--quiet"])
    #expect(bad.status == 66)
    #expect(bad.stderr.hasPrefix("moodsketch: "))
    let json = try CLI.run(["mood", "calm", "--json", "--quiet"])
    #expect(json.status == 0)
    #expect(json.stdout.contains("\"valence\""))
  }

  @Test func verboseSaysWhereTheModelAndLexiconCameFrom() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run([
      "sketch", "calm", "--no-render", "--no-references", "--out",
      folder.appendingPathComponent("v").path, "--verbose",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.contains("composition-model.json"))
    #expect(result.stderr.contains("lexicon.tsv"))
    let contradiction = try CLI.run(["mood", "calm", "--quiet", "--verbose"])
    #expect(contradiction.status == 64)
  }

  @Test func aPipeGetsNoColourAndNoProgress() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let midi = InstallTests.root.appendingPathComponent("Examples/lofi-drive/sketch.mid").path
    let rendered = try CLI.run([
      "render", midi, "--out", folder.appendingPathComponent("a.wav").path,
    ])
    let bad = try CLI.run(["render", "/nonexistent/song.mid"])
    for output in [rendered.stdout, rendered.stderr, bad.stderr] {
      #expect(!output.contains("\u{1B}"), "no escape codes in a pipe")
      #expect(!output.contains("\r"), "no redrawn progress line in a pipe")
    }
  }

  @Test(.enabled(if: PseudoTerminal.available, "needs `script` (bsdutils) for a pseudo-terminal"))
  func aTerminalGetsColouredErrorsAndProgressButNotWithNoColourOrJSON() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = try PseudoTerminal.run(["render", "/nonexistent/song.mid"])
    #expect(bad.contains("\u{1B}[31mmoodsketch: "), "errors are red on a terminal: \(bad)")
    let plain = try PseudoTerminal.run(
      ["render", "/nonexistent/song.mid"], environment: ["NO_COLOR": "1"])
    #expect(plain.contains("moodsketch: ") && !plain.contains("\u{1B}[31m"), "\(plain)")

    let midi = InstallTests.root.appendingPathComponent("Examples/epic-battle/sketch.mid").path
    let wav = folder.appendingPathComponent("p.wav").path
    let shown = try PseudoTerminal.run(["render", midi, "--out", wav, "--jobs", "1"])
    #expect(shown.contains("rendering ["), "a progress bar on a terminal: \(shown.prefix(300))")
    let json = try PseudoTerminal.run(["render", midi, "--out", wav, "--json"])
    #expect(!json.contains("rendering ["))
    let quiet = try PseudoTerminal.run(["render", midi, "--out", wav, "--quiet"])
    #expect(!quiet.contains("rendering [") && !quiet.contains("wrote"))
  }
}

/// Runs the binary on a pseudo-terminal with `script`, returning everything it drew.
enum PseudoTerminal {
  static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let command = ([CLI.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    var env = ProcessInfo.processInfo.environment
    env["XDG_DATA_HOME"] = CLI.isolatedDataHome.path
    env["NO_COLOR"] = nil
    env["TERM"] = "xterm"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}

import Foundation

/// Runs the built `moodsketch` executable as a user would, capturing exit code and output.
///
/// The test bundle lives next to the executable in `.build/<config>/`, so the binary is found from it.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum CLI {
  static var executable: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = bundle.deletingLastPathComponent()
    // The runner may be inside moodsketchPackageTests.xctest/… on some platforms.
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("moodsketch").path),
      folder.path != "/"
    {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("moodsketch")
  }

  @discardableResult
  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    in directory: URL? = nil, executable program: URL? = nil
  )
    throws -> CLIResult
  {
    try launch(
      program ?? executable, arguments, stdin: stdin, environment: environment, in: directory)
  }

  /// Runs any program (the built binary, an installed copy, a script) with the tests' isolated
  /// environment plus `environment` (an empty value removes a variable).
  static func launch(
    _ program: URL, _ arguments: [String], stdin: String? = nil,
    environment: [String: String] = [:], in directory: URL? = nil
  ) throws -> CLIResult {
    let running = try RunningCLI(
      arguments, stdin: stdin, environment: environment, in: directory, executable: program)
    return running.finish()
  }

  /// One data folder per test process, so no test reads or writes ~/.local/share/moodsketch.
  static let isolatedDataHome: URL = {
    let url = scratchRoot.appendingPathComponent("xdg")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// Every folder these tests make lives under this one, removed when the test process exits, so a
  /// run leaves nothing in /tmp (it had left some 45 folders, up to 9 MB each, per run).
  static let scratchRoot: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "moodsketch-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: CLI.scratchRoot) }
    return url
  }()

  /// A fresh temporary folder for one test.
  static func temporaryFolder() throws -> URL {
    let url = scratchRoot.appendingPathComponent("test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// A `moodsketch` run: started at once, finished (or interrupted first) by the test.
final class RunningCLI {
  let process: Process
  private let out = Pipe()
  private let err = Pipe()

  init(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    in directory: URL? = nil, executable program: URL? = nil
  ) throws {
    process = Process()
    process.executableURL = program ?? CLI.executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    // Keep tests away from the user's real catalog: the default one lives under this run's own folder.
    env["XDG_DATA_HOME"] = CLI.isolatedDataHome.path
    env["MOODSKETCH_CATALOG"] = nil
    for (k, v) in environment { env[k] = v.isEmpty ? nil : v }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
  }

  /// Waits (polling, up to `limit` seconds) until `condition` holds or the process ends; says which.
  func waitUntil(limit: TimeInterval = 120, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    while Date() < deadline {
      if condition() { return true }
      if !process.isRunning { return condition() }
      usleep(10_000)
    }
    return false
  }

  func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

  func finish() -> CLIResult {
    // Read both pipes before waiting, stderr on another thread: a program that fills one pipe while
    // the other is being read to its end would otherwise wait for ever (LD_DEBUG's 100 kB did).
    nonisolated(unsafe) var errData = Data()
    let errorReader = DispatchGroup()
    let errHandle = err.fileHandleForReading
    DispatchQueue.global().async(group: errorReader) { errData = errHandle.readDataToEndOfFile() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errorReader.wait()
    process.waitUntilExit()
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

import Foundation

/// How much the command line says and whether it may draw: the one place that decides for `--quiet`,
/// `--verbose`, colour and progress, so every command behaves the same on a terminal, in a pipe and
/// under `--json`.
///
/// - `--quiet`: only errors. Standard output is pointed at /dev/null (unless `--json` asked for a
///   result), notes and progress are off; `printError` still reaches stderr.
/// - `--verbose`: also ``detail(_:)`` lines on stderr (where resources were found, timings).
/// - Colour: only when the stream is a terminal, `NO_COLOR` is unset or empty (no-color.org) and
///   `TERM` is not `dumb`.
/// - Progress: only when stderr is a terminal, and never with `--quiet` or `--json`.
enum Terminal {
  enum Verbosity: Int, Comparable, Sendable {
    case quiet, normal, verbose
    static func < (a: Verbosity, b: Verbosity) -> Bool { a.rawValue < b.rawValue }
  }

  /// Set once from the command line, before any command runs (``configure(quiet:verbose:json:)``).
  nonisolated(unsafe) private(set) static var verbosity = Verbosity.normal
  nonisolated(unsafe) private(set) static var json = false

  /// Applies the shared flags; called from ``OutputOptions/validate()``, i.e. before `run()`.
  static func configure(quiet: Bool, verbose: Bool, json: Bool) {
    verbosity = quiet ? .quiet : verbose ? .verbose : .normal
    self.json = json
    if quiet && !json {
      let null = open("/dev/null", O_WRONLY)
      if null >= 0 {
        dup2(null, STDOUT_FILENO)
        close(null)
      }
    }
  }

  /// Whether progress lines may be drawn on stderr now.
  static var showsProgress: Bool {
    verbosity >= .normal && !json && isatty(errorDescriptor) == 1
  }

  /// Whether text for `descriptor` may carry ANSI colour.
  static func colours(
    _ descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    guard isatty(descriptor) == 1 else { return false }
    return allowsColour(environment: environment)
  }

  /// The environment part of the colour rule, apart so it can be tested without a terminal.
  static func allowsColour(environment: [String: String]) -> Bool {
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// A non-error remark on stderr (`moodsketch: …`), silenced by `--quiet`.
  static func note(_ message: String) {
    guard verbosity >= .normal else { return }
    writeError("moodsketch: \(message)\n")
  }

  /// A line on stderr only with `--verbose`.
  static func detail(_ message: String) {
    guard verbosity >= .verbose else { return }
    writeError("moodsketch: \(message)\n")
  }

  /// Writes an error line; red on a colour terminal, after wiping any progress line left there.
  static func error(_ message: String) {
    let line = "moodsketch: \(message)"
    let terminal = isatty(errorDescriptor) == 1
    writeError(
      (terminal ? "\r\u{1B}[K" : "")
        + (colours(errorDescriptor) ? "\u{1B}[31m\(line)\u{1B}[0m" : line) + "\n")
  }

  /// Our own copy of standard error's descriptor, taken before any command runs.
  ///
  /// While the SoundFont loads on another thread, Sound points descriptor 2 at a scratch file to
  /// keep FluidSynth's chatter off the terminal; an error we print in that window would otherwise
  /// land in the scratch file and be lost when the process exits. Writing through this copy always
  /// reaches the user's stderr.
  nonisolated(unsafe) private static var errorDescriptor: Int32 = STDERR_FILENO

  /// Duplicates stderr once, from `main` before anything else runs.
  static func keepStandardError() {
    let copy = dup(STDERR_FILENO)
    if copy >= 0 { errorDescriptor = copy }
  }

  static func writeError(_ text: String) {
    FileHandle(fileDescriptor: errorDescriptor, closeOnDealloc: false).write(Data(text.utf8))
  }
}

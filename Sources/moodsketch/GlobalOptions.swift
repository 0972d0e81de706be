import ArgumentParser

/// Options every command shares.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print machine-readable JSON instead of text for people.")
  var json = false

  @Flag(
    name: .shortAndLong, help: "Print only errors (with --json, the JSON result is still printed).")
  var quiet = false

  @Flag(
    name: .shortAndLong, help: "Also say where resources were found and how long each step took.")
  var verbose = false

  func validate() throws {
    if quiet && verbose { throw ValidationError("--quiet and --verbose contradict; pass one") }
    Terminal.configure(quiet: quiet, verbose: verbose, json: json)
  }
}

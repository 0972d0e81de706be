import ArgumentParser

/// Options every command shares.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print machine-readable JSON instead of text for people.")
  var json = false
}

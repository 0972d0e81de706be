import ArgumentParser

/// `moodsketch listen …`: the listening history the recommender learns from.
struct ListenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "listen",
    abstract: "Manage the listening history that `recommend` learns from.",
    subcommands: [ListenImport.self])
}

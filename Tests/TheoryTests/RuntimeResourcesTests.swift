import Foundation
import Testing

@testable import Theory

/// Where the model and lexicon are looked for: an override first and alone, then the installed
/// share folder next to the binary's real path, then the SwiftPM bundle, then the checkout.
struct RuntimeResourcesTests {
  @Test func anInstalledBinaryLooksInItsPrefixShareFolderFirst() {
    let paths = RuntimeResources.candidates(
      "lexicon.tsv", module: "Affect", sourceFolder: "/src/Sources/Affect/Resources",
      environment: [:], executablePath: "/opt/ms/bin/moodsketch")
    #expect(
      paths == [
        "/opt/ms/share/moodsketch/lexicon.tsv",
        "/opt/ms/bin/moodsketch_Affect.resources/Resources/lexicon.tsv",
        "/src/Sources/Affect/Resources/lexicon.tsv",
      ])
  }

  @Test func theEnvironmentOverrideIsTheOnlyPlaceLookedAt() {
    let paths = RuntimeResources.candidates(
      "composition-model.json", module: "Compose", sourceFolder: "/src",
      environment: ["MOODSKETCH_RESOURCES": "/data/ms"], executablePath: "/usr/bin/moodsketch")
    #expect(paths == ["/data/ms/composition-model.json"])
  }

  @Test func theFirstReadableCandidateWins() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "resources-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let share = root.appendingPathComponent("share/moodsketch")
    try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
    try Data("x".utf8).write(to: share.appendingPathComponent("lexicon.tsv"))
    let source = root.appendingPathComponent("src")
    try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
    try Data("y".utf8).write(to: source.appendingPathComponent("lexicon.tsv"))
    let found = RuntimeResources.locate(
      "lexicon.tsv", module: "Affect", sourceFolder: source.path, environment: [:],
      executablePath: root.appendingPathComponent("bin/moodsketch").path)
    #expect(found == share.appendingPathComponent("lexicon.tsv").path)
    let missing = RuntimeResources.locate(
      "lexicon.tsv", module: "Affect", sourceFolder: nil, environment: [:],
      executablePath: "/nonexistent/bin/moodsketch")
    #expect(missing == nil)
  }
}

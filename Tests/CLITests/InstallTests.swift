import Foundation
import Testing

/// `Scripts/install.sh` installs the binary built for these tests into a temporary prefix; the
/// installed copy must run a sketch from its own share/moodsketch, with nothing from the build folder.
@Suite struct InstallTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let script = root.appendingPathComponent("Scripts/install.sh").path

  func install(_ arguments: [String]) throws -> CLIResult {
    try CLI.launch(URL(fileURLWithPath: "/bin/bash"), [Self.script] + arguments)
  }

  func run(_ binary: URL, _ arguments: [String], in folder: URL) throws -> CLIResult {
    // No override: the installed copy must find its own share/moodsketch.
    try CLI.launch(binary, arguments, environment: ["MOODSKETCH_RESOURCES": ""], in: folder)
  }

  @Test func anInstalledCopyWritesASketchFromItsOwnResourcesAndUninstallsCleanly() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let prefix = folder.appendingPathComponent("prefix")
    let build = CLI.executable.deletingLastPathComponent().path
    let installed = try install(["--prefix", prefix.path, "--from-build", build])
    #expect(installed.status == 0, "\(installed.stderr)")

    let fm = FileManager.default
    for file in [
      "bin/moodsketch", "share/moodsketch/composition-model.json", "share/moodsketch/lexicon.tsv",
      "share/man/man1/moodsketch.1", "share/bash-completion/completions/moodsketch",
      "share/zsh/site-functions/_moodsketch", "share/fish/vendor_completions.d/moodsketch.fish",
      "share/doc/moodsketch/LICENSE", "share/doc/moodsketch/NOTICE",
    ] {
      #expect(fm.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
    }
    let man = try String(
      contentsOf: prefix.appendingPathComponent("share/man/man1/moodsketch.1"), encoding: .utf8)
    // mdoc from swift-argument-parser's generator, or the plain fallback page.
    #expect(man.contains(".Dt MOODSKETCH 1") || man.contains(".TH MOODSKETCH 1"))
    #expect(man.contains("sketch") && man.contains("render"), "the page documents the commands")
    let bash = try String(
      contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/moodsketch"),
      encoding: .utf8)
    #expect(bash.contains("sketch") && bash.contains("complete"))

    // A copy of the binary outside .build, with a staged share folder: nothing is read from the build.
    let binary = prefix.appendingPathComponent("bin/moodsketch")
    let version = try run(binary, ["--version"], in: folder)
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("moodsketch "))
    #expect(version.stdout.contains("\(prefix.path)/share/moodsketch/composition-model.json"))

    let sketch = try run(
      binary,
      [
        "sketch", "calm rainy morning", "--bars", "4", "--no-render", "--no-references", "--out",
        "s",
        "--verbose",
      ], in: folder)
    #expect(sketch.status == 0, "\(sketch.stderr)")
    #expect(sketch.stderr.contains("\(prefix.path)/share/moodsketch/composition-model.json"))
    #expect(sketch.stderr.contains("\(prefix.path)/share/moodsketch/lexicon.tsv"))
    #expect(fm.fileExists(atPath: folder.appendingPathComponent("s/sketch.mid").path))

    let removed = try install(["--uninstall", "--prefix", prefix.path])
    #expect(removed.status == 0, "\(removed.stderr)")
    let left = fm.enumerator(atPath: prefix.path)?.compactMap { $0 as? String }.filter {
      var isFolder: ObjCBool = false
      fm.fileExists(atPath: prefix.appendingPathComponent($0).path, isDirectory: &isFolder)
      return !isFolder.boolValue
    }
    #expect(left == [], "uninstall removes every installed file")
  }

  @Test func anUnwritablePrefixFailsWithOneLineAndExit73AndCreatesNothing() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A regular file where the prefix's parent should be: no folder can be made there, even as root.
    let blocker = folder.appendingPathComponent("not-a-folder")
    try Data("x".utf8).write(to: blocker)
    let prefix = blocker.appendingPathComponent("prefix").path
    let build = CLI.executable.deletingLastPathComponent().path
    let result = try install(["--prefix", prefix, "--from-build", build])
    #expect(result.status == 73)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("moodsketch: cannot install into \(prefix)") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["not-a-folder"])
  }

  @Test func aMissingBuildFolderIsNamedWithExit66() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let prefix = folder.appendingPathComponent("prefix").path
    let result = try install(["--prefix", prefix, "--from-build", folder.path])
    #expect(result.status == 66)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("\(folder.path)/moodsketch is missing"))
    #expect(!FileManager.default.fileExists(atPath: "\(prefix)/bin/moodsketch"))
  }
}

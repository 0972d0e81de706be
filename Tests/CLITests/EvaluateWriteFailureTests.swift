import Foundation
import Testing

/// Where `evaluate` writes (`--write-split`, `--write-recommendations`) the failure names the real
/// reason and never an option the command does not have (issue 13, item 12).
@Suite struct EvaluateWriteFailureTests {
  let fm = FileManager.default

  /// A tiny Last.fm HetRec folder: 12 users, 10 artists, every user playing 5 of them.
  func dataset(in folder: URL) throws -> String {
    let data = folder.appendingPathComponent("hetrec")
    try fm.createDirectory(at: data, withIntermediateDirectories: true)
    var lines = ["userID\tartistID\tweight"]
    for user in 1...12 {
      for step in 0..<5 {
        lines.append("\(user)\t\((user + step * 3) % 10 + 1)\t\(10 + user * step)")
      }
    }
    try (lines.joined(separator: "\n") + "\n").write(
      to: data.appendingPathComponent("user_artists.dat"), atomically: true, encoding: .utf8)
    return data.path
  }

  func evaluate(_ data: String, _ extra: [String]) throws -> CLIResult {
    try CLI.run(
      ["evaluate", "--dataset", "lastfm-hetrec", data, "--models", "pop", "--split", "1"] + extra)
  }

  @Test func aSplitOntoAFileSaysItIsAFile() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let data = try dataset(in: folder)
    let file = folder.appendingPathComponent("split")
    try Data("x".utf8).write(to: file)
    let result = try evaluate(data, ["--write-split", file.path])
    #expect(result.status == 73, "\(result.stderr)")
    #expect(result.stderr.contains("it is a file, not a folder"), "\(result.stderr)")
    #expect(!result.stderr.contains("does not exist"), "\(result.stderr)")
    #expect(!result.stderr.contains("--out"), "evaluate has no --out: \(result.stderr)")
  }

  @Test func recommendationsIntoAMissingFolderNeverSuggestOut() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let data = try dataset(in: folder)
    let result = try evaluate(data, ["--write-recommendations", folder.path + "/no/such/r.tsv"])
    #expect(result.status == 73, "\(result.stderr)")
    #expect(result.stderr.contains("its folder does not exist"), "\(result.stderr)")
    #expect(!result.stderr.contains("--out"), "\(result.stderr)")
  }

  @Test(.enabled(if: TinyFiles.canMount, "needs root to mount a small or read-only tmpfs"))
  func aFullOrReadOnlyDiskLeavesNoEmptySplitFolder() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let data = try dataset(in: folder)
    let full = try TinyFiles.disk(in: folder, named: "full", sizeKB: 4, fillerKB: 4)
    defer { TinyFiles.unmount(full) }
    let readOnly = try TinyFiles.disk(in: folder, named: "ro", sizeKB: 16, readOnly: true)
    defer { TinyFiles.unmount(readOnly) }

    let onFull = try evaluate(data, ["--write-split", full.path + "/split"])
    #expect(onFull.status == 73, "\(onFull.stderr)")
    #expect(onFull.stderr.contains("disk is full"), "\(onFull.stderr)")
    #expect(try fm.contentsOfDirectory(atPath: full.path) == ["filler"], "no empty split/ left")
    let onReadOnly = try evaluate(data, ["--write-split", readOnly.path + "/split"])
    #expect(onReadOnly.status == 73, "\(onReadOnly.stderr)")
    #expect(onReadOnly.stderr.contains("read-only"), "\(onReadOnly.stderr)")
    #expect(!onReadOnly.stderr.contains("does not exist"), "\(onReadOnly.stderr)")
  }
}

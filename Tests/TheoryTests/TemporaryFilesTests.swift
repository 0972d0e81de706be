import Foundation
import Testing

@testable import Theory

/// The sweep removes only temporary names of our own form whose owner is gone (issue 13, item 4).
@Suite struct TemporaryFilesTests {
  func folder() throws -> String {
    let path = NSTemporaryDirectory() + "moodsketch-temporary-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func age(_ path: String, seconds: TimeInterval = 3600) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: path)
  }

  @Test func namesOfOurFormAreRecognisedAndOthersAreNot() {
    let target = "/x/song.wav"
    let file = (TemporaryFiles.filePath(for: target) as NSString).lastPathComponent
    let staging = (TemporaryFiles.folderPath(named: "sketch", in: "/x") as NSString)
      .lastPathComponent
    #expect(file.hasPrefix(".song.") && file.hasSuffix(".tmp.wav"))
    #expect(TemporaryFiles.isOurs(file))
    #expect(TemporaryFiles.isOurs(staging))
    for name in [
      "song.wav", ".song.tmp.wav", ".sketch-notes", ".DS_Store", "\(UUID().uuidString).tmp",
      ".sketch-\(UUID().uuidString.prefix(30))",
    ] {
      #expect(!TemporaryFiles.isOurs(name), "\(name)")
    }
  }

  @Test func aLiveOwnersFileSurvivesEvenWhenOld() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let live = TemporaryFiles.filePath(for: dir + "/a.mid")
    let tracked = try TemporaryFiles.create(live, for: dir + "/a.mid")
    defer { TemporaryFiles.release(tracked) }
    let dead = TemporaryFiles.filePath(for: dir + "/b.mid")
    try Data("x".utf8).write(to: URL(fileURLWithPath: dead))
    let young = TemporaryFiles.filePath(for: dir + "/c.mid")
    try Data("x".utf8).write(to: URL(fileURLWithPath: young))
    try age(live)
    try age(dead)
    let removed = TemporaryFiles.sweepStale(in: dir)
    #expect(removed == [(dead as NSString).lastPathComponent])
    #expect(FileManager.default.fileExists(atPath: live), "its owner still holds the lock")
    #expect(FileManager.default.fileExists(atPath: young), "changed less than a minute ago")
  }

  @Test func atomicWritesLeaveNoTemporaryAndNameTheRealReason() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try AtomicFile.write(Data("hello".utf8), to: dir + "/a.txt")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.txt"])
    try FileManager.default.createDirectory(
      atPath: dir + "/b.txt", withIntermediateDirectories: false)
    #expect(throws: AtomicFile.Failure.system(path: dir + "/b.txt", code: EISDIR)) {
      try AtomicFile.write(Data("x".utf8), to: dir + "/b.txt")
    }
    #expect(
      throws: AtomicFile.Failure.cannotWrite(
        path: dir + "/a.txt/c", reason: "\(dir)/a.txt is a file, not a folder")
    ) {
      try AtomicFile.write(Data("x".utf8), to: dir + "/a.txt/c")
    }
    #expect(!AtomicFile.Failure.system(path: "p", code: ENOSPC).description.contains("permission"))
    #expect(!AtomicFile.Failure.folderMissing("p").description.contains("--out"))
  }
}

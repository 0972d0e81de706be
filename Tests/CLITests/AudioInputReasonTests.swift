import Foundation
import Testing

/// `analyze` and `catalog add` on audio that is broken, meaningless or not audio at all: one line
/// with the real reason, a sysexits code, no confident numbers (issue 13, items 5, 11, 14, 21).
@Suite struct AudioInputReasonTests {
  let fm = FileManager.default

  func analyze(_ url: URL) throws -> CLIResult { try CLI.run(["analyze", url.path]) }

  @Test func nanAndInfinitySamplesAreRefused() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    var samples = TinyFiles.sine(seconds: 2)
    samples[22050] = .nan
    let nan = folder.appendingPathComponent("nan.wav")
    try TinyFiles.wav(samples, float: true, to: nan)
    samples[22050] = 0.1
    samples[100] = -.infinity
    let inf = folder.appendingPathComponent("inf.wav")
    try TinyFiles.wav(samples, float: true, to: inf)
    let nanResult = try analyze(nan)
    #expect(nanResult.status == 65)
    #expect(nanResult.stderr.contains("nan.wav"))
    #expect(nanResult.stderr.contains("NaN"), "\(nanResult.stderr)")
    #expect(!nanResult.stdout.contains("silence"))
    let infResult = try analyze(inf)
    #expect(infResult.status == 65)
    #expect(infResult.stderr.contains("infinite"), "\(infResult.stderr)")
    // The catalog reads audio through the same analyser.
    let add = try CLI.run(["catalog", "add", nan.path, "--catalog", folder.path + "/c.db"])
    #expect(add.status == 65, "\(add.stderr)")
    #expect(add.stderr.contains("NaN"), "\(add.stderr)")
  }

  @Test func aSteadySineHasNoPulse() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let sine = folder.appendingPathComponent("sine.wav")
    try TinyFiles.wav(TinyFiles.sine(seconds: 20), to: sine)
    let result = try CLI.run(["analyze", sine.path, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let file = try #require((report["files"] as? [[String: Any]])?.first)
    let features = try #require(file["features"] as? [String: Any])
    #expect(features["tempoBPM"] == nil || features["tempoBPM"] is NSNull, "\(features)")
    let text = try analyze(sine)
    #expect(text.stdout.contains("tempo       none"), "\(text.stdout)")
    #expect(text.stdout.contains("no pulse"), "\(text.stdout)")
  }

  @Test func aOneSampleFileIsTooShortAndAOneHertzRateIsRefused() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let one = folder.appendingPathComponent("one.wav")
    try TinyFiles.wav([0.5], to: one)
    let result = try analyze(one)
    #expect(result.status == 65)
    #expect(result.stderr.contains("one.wav is too short"), "\(result.stderr)")
    #expect(!result.stdout.contains("key") && !result.stdout.contains("mood"))
    let slow = folder.appendingPathComponent("rate1.wav")
    try TinyFiles.wav((0..<300).map { Float(sin(Double($0))) * 0.5 }, rate: 1, to: slow)
    let refused = try analyze(slow)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("1 Hz"), "\(refused.stderr)")
    #expect(!refused.stdout.contains("BPM"))
  }

  @Test func anImpossibleSampleRateIsNamed() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("bad.wav")
    try TinyFiles.wav(TinyFiles.sine(seconds: 1), declaredRate: 0xFFFF_FFFF, to: bad)
    let result = try analyze(bad)
    #expect(result.status == 65)
    #expect(result.stderr.contains("4294967295 Hz"), "\(result.stderr)")
    #expect(!result.stderr.contains("SF_INFO"), "\(result.stderr)")
  }

  @Test func fifosFoldersAndTextNamedMP3GetTheirRealReason() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("live.wav").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let sub = folder.appendingPathComponent("album.wav").path
    try fm.createDirectory(atPath: sub, withIntermediateDirectories: true)
    let text = folder.appendingPathComponent("song.mp3")
    try Data("these are liner notes, not audio\n".utf8).write(to: text)
    for (path, reason) in [
      (fifo, "FIFO"), (sub, "it is a folder"), (text.path, "not an audio file"),
    ] {
      let result = try CLI.run(["analyze", path])
      #expect(result.status != 0)
      #expect(result.stderr.contains(reason), "\(path): \(result.stderr)")
      #expect(!result.stderr.contains("empty"), "\(path): \(result.stderr)")
      #expect(!result.stderr.contains("does not exist"), "\(path): \(result.stderr)")
      #expect(!result.stderr.contains("Note:"), "no libmpg123 chatter: \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(path): \(result.stderr)")
      // A folder given to `catalog add` is walked, so only the files are checked there.
      guard path != sub else { continue }
      let add = try CLI.run(["catalog", "add", path, "--catalog", folder.path + "/c.db"])
      #expect(add.stderr.contains(reason), "catalog add \(path): \(add.stderr)")
      #expect(!add.stderr.contains("Note:"), "\(add.stderr)")
    }
  }

  @Test func aFolderAsTheEventsFileIsNamed() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    let result = try CLI.run(["recommend", "--user", "u", "--events", folder.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("it is a folder"), "\(result.stderr)")
    #expect(!result.stderr.contains("NSCocoaErrorDomain"), "\(result.stderr)")
  }

  /// Root reads every file, so the unreadable cases run as `nobody` through `setpriv`.
  @Test(
    .enabled(
      if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
      "needs root and setpriv to run as an unprivileged user"))
  func unreadableFilesAndFoldersSayPermissionDenied() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    let secret = folder.appendingPathComponent("secret.wav")
    try TinyFiles.wav(TinyFiles.sine(seconds: 1), to: secret)
    try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret.path)
    let library = folder.appendingPathComponent("library")
    let locked = library.appendingPathComponent("locked")
    try fm.createDirectory(at: locked, withIntermediateDirectories: true)
    try TinyFiles.wav(TinyFiles.sine(seconds: 1), to: locked.appendingPathComponent("a.wav"))
    try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path)
    let writable = folder.appendingPathComponent("db")
    try fm.createDirectory(at: writable, withIntermediateDirectories: true)
    chown(writable.path, 65534, 65534)

    func asNobody(_ arguments: [String]) throws -> CLIResult {
      try CLI.run(
        ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path] + arguments,
        executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
    }
    let unreadable = try asNobody(["analyze", secret.path])
    #expect(unreadable.status != 0)
    #expect(unreadable.stderr.contains("permission denied"), "\(unreadable.stderr)")
    #expect(!unreadable.stderr.contains("no such file"), "\(unreadable.stderr)")
    let add = try asNobody(["catalog", "add", library.path, "--catalog", writable.path + "/c.db"])
    #expect(add.stderr.contains(locked.path), "the locked folder is reported: \(add.stderr)")
    #expect(add.stderr.contains("permission denied"), "\(add.stderr)")
  }
}

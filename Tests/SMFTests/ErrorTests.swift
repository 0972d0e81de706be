import Foundation
import Testing
import Theory

@testable import SMF

@Suite struct ErrorTests {
  /// The error thrown by `body`, or nil when it succeeds or throws something else.
  private func smfError(_ body: () throws -> Score) -> SMFError? {
    do {
      _ = try body()
      return nil
    } catch {
      return error as? SMFError
    }
  }

  @Test func missingFileIsMissingInputAndNamesThePath() {
    let error = smfError { try MIDIFile.read(path: "/no/such/song.mid") }
    #expect(error == .missing(path: "/no/such/song.mid"))
    #expect(error?.category == .missingInput)
    #expect(error?.description.contains("/no/such/song.mid") == true)
  }

  @Test func aFolderIsNotAMIDIFile() throws {
    let folder = try ScratchFolder()
    // A folder is there: saying it "does not exist" would send the user looking in the wrong place.
    let error = smfError { try MIDIFile.read(path: folder.url.path) }
    #expect(error == .notReadable(path: folder.url.path, problem: .folder))
    #expect(error?.category == .missingInput)
    #expect(error?.description.contains("it is a folder") == true)
  }

  @Test func emptyFileIsRejected() throws {
    let folder = try ScratchFolder()
    let path = folder.path("empty.mid")
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let error = smfError { try MIDIFile.read(path: path) }
    #expect(error == .empty(path: path))
    #expect(error?.category == .badData)
  }

  @Test func textFileNamedMidIsNotMIDI() throws {
    let folder = try ScratchFolder()
    let path = folder.path("notes.mid")
    try Data("C D E F G A B c\nthese are my notes\n".utf8).write(to: URL(fileURLWithPath: path))
    let error = smfError { try MIDIFile.read(path: path) }
    #expect(error == .notMIDI(path: path))
    #expect(
      error?.description == "\(path) is not a Standard MIDI File (no MThd header); pass a .mid file"
    )
  }

  @Test(.enabled(if: SharedData.available, "needs ../shared/data (POP909)"))
  func aRealFileCutInHalfIsTruncatedAtItsEnd() throws {
    let whole = try Data(contentsOf: URL(fileURLWithPath: SharedData.pop909(1)))
    let folder = try ScratchFolder()
    let path = folder.path("half.mid")
    try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
    let error = smfError { try MIDIFile.read(path: path) }
    #expect(error == .truncated(path: path, at: whole.count / 2))
    #expect(error?.description.contains("half.mid is truncated at byte \(whole.count / 2)") == true)
  }

  @Test func everyCutOfAFileFailsCleanlyOrReadsAPrefix() {
    // Cutting our own file at every byte must never crash and never report success for a
    // cut inside a chunk.
    let bytes = [UInt8](MIDIFile.encode(Fixtures.band))
    for cut in 1..<bytes.count {
      let error = smfError { try MIDIFile.decode(Data(bytes.prefix(cut)), name: "cut.mid") }
      #expect(error != nil, "cut at \(cut) was accepted")
      if case .truncated(_, let at)? = error { #expect(at == cut) }
    }
  }

  @Test func damagedBytesGiveAnErrorOrAScoreNeverACrash() {
    // Random byte damage, seeded so a failure can be replayed; any crash here would end the test run.
    var random = SeededGenerator(seed: 2)
    let original = [UInt8](MIDIFile.encode(Fixtures.band))
    var rejected = 0
    for _ in 0..<500 {
      var bytes = original
      for _ in 0...(random.next() % 6) {
        bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
      }
      do {
        let score = try MIDIFile.decode(Data(bytes), name: "damaged.mid")
        #expect(!MIDIFile.encode(score).isEmpty)
      } catch let error as SMFError {
        rejected += 1
        #expect(error.description.hasPrefix("damaged.mid "))
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
    #expect(rejected > 0)
  }

  @Test func headerOnlyFilePromisingTracksIsTruncated() {
    let header = Fixtures.file(tracks: [[]]).prefix(14)
    #expect(
      smfError { try MIDIFile.decode(Data(header), name: "h.mid") }
        == .truncated(path: "h.mid", at: 14))
  }

  @Test func smpteTimingIsRejectedClearly() {
    var bytes = Fixtures.file(tracks: [Fixtures.endOfTrack])
    bytes[12] = 0xE7  // −25 frames per second
    bytes[13] = 40  // 40 ticks per frame
    let error = smfError { try MIDIFile.decode(Data(bytes), name: "smpte.mid") }
    #expect(error == .smpteTiming(path: "smpte.mid"))
    #expect(error?.description.contains("SMPTE") == true)
  }

  @Test func unknownFormatAndZeroDivisionAreMalformed() {
    var bytes = Fixtures.file(tracks: [Fixtures.endOfTrack])
    bytes[9] = 3
    guard
      case .malformed(let path, let reason)? = smfError({
        try MIDIFile.decode(Data(bytes), name: "f3.mid")
      })
    else {
      Issue.record("format 3 accepted")
      return
    }
    #expect(path == "f3.mid")
    #expect(reason.contains("format 3"))
    var zero = Fixtures.file(tracks: [Fixtures.endOfTrack])
    zero[12] = 0
    zero[13] = 0
    guard case .malformed? = smfError({ try MIDIFile.decode(Data(zero), name: "z.mid") }) else {
      Issue.record("zero division accepted")
      return
    }
  }

  @Test func allErrorMessagesAreOneLineNamingTheFile() {
    let errors: [SMFError] = [
      .missing(path: "a.mid"), .unreadable(path: "a.mid", reason: "Permission denied"),
      .empty(path: "a.mid"),
      .notMIDI(path: "a.mid"), .truncated(path: "a.mid", at: 10), .smpteTiming(path: "a.mid"),
      .malformed(path: "a.mid", reason: "unknown format 3 (expected 0, 1 or 2)"),
    ]
    for error in errors {
      #expect(error.description.contains("a.mid"))
      #expect(!error.description.contains("\n"))
    }
  }
}

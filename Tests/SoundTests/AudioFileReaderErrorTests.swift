import Foundation
import Testing
import Theory

@testable import Sound

@Suite struct AudioFileReaderErrorTests {
  func message(_ body: () throws -> Void) -> (String, ErrorCategory?) {
    do {
      try body()
      return ("", nil)
    } catch let error as UserFacingError {
      return (error.description, error.category)
    } catch {
      return ("\(error)", nil)
    }
  }

  @Test func aMissingFileIsReportedAsMissingInput() {
    let (text, category) = message { _ = try AudioFileReader(path: "/nonexistent/draft.wav") }
    #expect(text == "/nonexistent/draft.wav: no such file")
    #expect(category == .missingInput)
  }

  @Test func anEmptyFileATextFileAndAFolderAreBadData() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appendingPathComponent("empty.wav")
    try Data().write(to: empty)
    let text = folder.appendingPathComponent("notes.wav")
    try Data("these are my lyrics, not audio\n".utf8).write(to: text)
    for path in [empty.path, text.path, folder.path] {
      let (message, category) = message { _ = try AudioFileReader(path: path) }
      #expect(message.hasPrefix(path))
      #expect(!message.contains("\n"))
      #expect(category == .badData)
    }
  }

  @Test func zeroLengthAudioIsReported() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("nothing.wav").path
    try AudioFileWriter(path: path, sampleRate: 44100, channels: 2).finish()
    let (text, category) = message { _ = try AudioFileReader(path: path) }
    #expect(text.contains("zero length"))
    #expect(category == .badData)
  }

  @Test(arguments: ["flac", "wav"])
  func aTruncatedFileIsReportedNotSilentlyShortened(ext: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("song.\(ext)").path
    let writer = try AudioFileWriter(path: path, sampleRate: 44100, channels: 2, bitDepth: .pcm16)
    let noiseLike: [Float] = (0..<(44100 * 2 * 2)).map { (i: Int) -> Float in
      let x = Double(i)
      return Float(sin(x * 0.37) * cos(x * 0.011) * 0.5)
    }
    try writer.write(noiseLike)
    try writer.finish()
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))

    let (text, category) = message {
      let reader = try AudioFileReader(path: path)
      while try !reader.readMono(maxFrames: 4096).isEmpty {}
    }
    #expect(text.contains(path))
    #expect(text.contains("truncated") || text.contains("damaged"))
    #expect(category == .badData)
  }
}

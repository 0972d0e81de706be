import Foundation

/// music21 (MIT's toolkit for computer-aided musicology), an independent MusicXML reader, run through
/// Python to check that what moodsketch writes reads back as the same music.
///
/// Found in the project's git-ignored `.venv-music21` (made by Scripts/install-deps.sh), else in the
/// system Python. Tests skip, saying why, when neither has it.
enum Music21 {
  static let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let python: String? = {
    let candidates = [
      projectRoot.appendingPathComponent(".venv-music21/bin/python").path, "/usr/bin/python3",
    ]
    return candidates.first { path in
      FileManager.default.isExecutableFile(atPath: path)
        && (try? run(path, ["-c", "import music21"]))?.status == 0
    }
  }()

  static let skipReason =
    "music21 is not importable (run Scripts/install-deps.sh to make .venv-music21)"

  struct Note: Decodable {
    var offset: Double
    var length: Double
    var pitches: [Int]
    var names: [String]?
    var unpitched: Bool
  }
  struct ChordSymbol: Decodable {
    var offset: Double
    var root: String
    var bass: String?
    var pitchClasses: [Int]
    var figure: String
  }
  struct Bar: Decodable {
    var length: Double
    var expected: Double?
  }
  struct KeySignature: Decodable { var sharps: Int }
  struct Tempo: Decodable {
    var number: Double
    var unit: String
    var dots: Int
  }
  struct Part: Decodable {
    var name: String?
    var notes: [Note]
    var chordSymbols: [ChordSymbol]
    var bars: [Bar]
    var keys: [KeySignature]
    var times: [String]
    var tempos: [Tempo]
    var rehearsals: [String]
  }
  struct Document: Decodable { var parts: [Part] }

  /// What music21 reads from a MusicXML file.
  static func read(_ path: String) throws -> Document {
    guard let python else { throw Failure(message: skipReason) }
    let script = projectRoot.appendingPathComponent("Tests/NotationTests/Python/read_musicxml.py")
    let result = try run(python, [script.path, path])
    guard result.status == 0 else { throw Failure(message: result.stderr) }
    return try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
  }

  struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { "music21: \(message)" }
  }

  private static func run(_ executable: String, _ arguments: [String]) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self),
      String(decoding: errData, as: UTF8.self)
    )
  }
}

import Foundation

/// mido (Debian's `python3-mido`), an independent MIDI parser, run through the system Python to check
/// that moodsketch reads the same notes from a file as another implementation does.
enum Mido {
  static let python = "/usr/bin/python3"

  static let available: Bool = {
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    return (try? run(["-c", "import mido"]))?.status == 0
  }()

  /// One sounding note start as mido reports it: absolute tick, channel, pitch, velocity.
  struct NoteOn: Hashable, Comparable, CustomStringConvertible {
    var tick: Int
    var channel: Int
    var pitch: Int
    var velocity: Int
    static func < (a: NoteOn, b: NoteOn) -> Bool {
      (a.tick, a.channel, a.pitch, a.velocity) < (b.tick, b.channel, b.pitch, b.velocity)
    }
    var description: String { "\(tick):ch\(channel):\(pitch):v\(velocity)" }
  }

  private static let script = """
    import sys, json, mido
    out = {}
    for path in sys.argv[1:]:
        notes = []
        for track in mido.MidiFile(path).tracks:
            tick = 0
            for message in track:
                tick += message.time
                if message.type == 'note_on' and message.velocity > 0:
                    notes.append([tick, message.channel, message.note, message.velocity])
        out[path] = sorted(notes)
    print(json.dumps(out))
    """

  /// The note-ons (velocity > 0) of each file, sorted, from one Python process for all files.
  static func noteOns(of paths: [String]) throws -> [String: [NoteOn]] {
    let result = try run(["-c", script] + paths)
    guard result.status == 0 else { throw MidoFailure(message: result.stderr) }
    let decoded = try JSONDecoder().decode([String: [[Int]]].self, from: Data(result.stdout.utf8))
    return decoded.mapValues {
      $0.map { NoteOn(tick: $0[0], channel: $0[1], pitch: $0[2], velocity: $0[3]) }
    }
  }

  struct MidoFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "mido failed: \(message)" }
  }

  private static func run(_ arguments: [String]) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: stdout, as: UTF8.self),
      String(decoding: stderr, as: UTF8.self)
    )
  }
}

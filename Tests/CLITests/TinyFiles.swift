import Foundation

/// Small hand-made input files for the hardening tests: bytes written directly, so each test says
/// exactly what is in the file.
enum TinyFiles {
  /// A mono WAV: 16-bit PCM, or 32-bit float when `float` (which can hold NaN and infinity).
  /// `declaredRate` overrides the header's rate (to make impossible headers).
  static func wav(
    _ samples: [Float], rate: UInt32 = 22050, float: Bool = false, declaredRate: UInt32? = nil,
    to url: URL
  ) throws {
    var data = Data()
    for sample in samples {
      if float {
        withUnsafeBytes(of: sample.bitPattern.littleEndian) { data.append(contentsOf: $0) }
      } else {
        let value = Int16(max(-1, min(1, sample)) * 32000)
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
      }
    }
    let bytes: UInt16 = float ? 4 : 2
    let headerRate = declaredRate ?? rate
    var file = Data("RIFF".utf8)
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { file.append(contentsOf: $0) } }
    func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { file.append(contentsOf: $0) } }
    u32(UInt32(36 + data.count))
    file.append(contentsOf: Data("WAVEfmt ".utf8))
    u32(16)
    u16(float ? 3 : 1)
    u16(1)
    u32(headerRate)
    u32(headerRate &* UInt32(bytes))
    u16(bytes)
    u16(bytes * 8)
    file.append(contentsOf: Data("data".utf8))
    u32(UInt32(data.count))
    file.append(data)
    try file.write(to: url)
  }

  /// `seconds` of a steady sine at `hz`.
  static func sine(seconds: Double, hz: Double = 440, rate: Double = 22050) -> [Float] {
    (0..<Int(seconds * rate)).map { Float(0.5 * sin(2 * .pi * hz * Double($0) / rate)) }
  }

  /// A one-track MIDI file (96 ticks per quarter, 120 BPM) holding middle C for `ticks` ticks.
  static func midi(noteTicks ticks: UInt32, to url: URL) throws {
    var delta: [UInt8] = [UInt8(ticks & 0x7F)]
    var rest = ticks >> 7
    while rest > 0 {
      delta.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
      rest >>= 7
    }
    let track: [UInt8] = [0, 0x90, 60, 100] + delta + [0x80, 60, 64, 0, 0xFF, 0x2F, 0]
    var file: [UInt8] = Array("MThd".utf8) + [0, 0, 0, 6, 0, 0, 0, 1, 0, 96] + Array("MTrk".utf8)
    let n = UInt32(track.count)
    file += [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + track
    try Data(file).write(to: url)
  }

  /// The system SoundFont (Debian `fluid-soundfont-gm`), if installed.
  static let soundFont: String? = [
    "/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/default-GM.sf2",
  ].first { FileManager.default.fileExists(atPath: $0) }

  /// Whether this process may mount a tmpfs (root on Linux): for full-disk and read-only tests.
  static func mountTmpfs(at url: URL, sizeKB: Int, readOnly: Bool = false) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/mount")
    process.arguments = [
      "-t", "tmpfs", "-o", "size=\(sizeKB)k\(readOnly ? ",ro" : "")", "tmpfs", url.path,
    ]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    guard getuid() == 0, (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// A folder `name` in `folder` with a fresh tmpfs of `sizeKB` mounted on it, `fillerKB` of it
  /// taken by a file named `filler` (to make a full disk). Unmount it with ``unmount(_:)``.
  static func disk(
    in folder: URL, named name: String, sizeKB: Int, fillerKB: Int = 0, readOnly: Bool = false
  ) throws -> URL {
    let disk = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    guard mountTmpfs(at: disk, sizeKB: sizeKB, readOnly: readOnly) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: disk.path])
    }
    if fillerKB > 0 {
      try Data(count: fillerKB * 1024).write(to: disk.appendingPathComponent("filler"))
    }
    return disk
  }

  static func unmount(_ url: URL) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/umount")
    process.arguments = [url.path]
    try? process.run()
    process.waitUntilExit()
  }

  /// Whether tests can mount a tmpfs here (checked once, on a throwaway folder).
  static let canMount: Bool = {
    let probe = FileManager.default.temporaryDirectory.appendingPathComponent(
      "moodsketch-mount-probe-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: probe) }
    guard mountTmpfs(at: probe, sizeKB: 16) else { return false }
    unmount(probe)
    return true
  }()
}

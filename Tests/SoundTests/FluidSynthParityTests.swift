import Foundation
import SMF
import Testing
import Theory

@testable import Sound

/// FluidSynth's command-line program (Debian package `fluidsynth`).
private let fluidsynthCommand = "/usr/bin/fluidsynth"

/// Our in-process renderer should sound like FluidSynth's own `fluidsynth -F` file renderer
/// (the reference DESIGN.md names), given the same MIDI and SoundFont.
@Suite(
  .enabled(
    if: InstalledSoundFont.available, "needs a SoundFont (apt-get install fluid-soundfont-gm)"),
  .enabled(
    if: FileManager.default.isExecutableFile(atPath: fluidsynthCommand),
    "needs the fluidsynth command (apt-get install fluidsynth)"))
struct FluidSynthParityTests {
  /// RMS of consecutive 50 ms windows of a stereo file.
  func envelope(_ path: String) throws -> [Double] {
    let reader = try AudioFileReader(path: path)
    let window = Int(reader.sampleRate * 0.05)
    var levels: [Double] = []
    while case let block = try reader.readMono(maxFrames: window), block.count == window {
      levels.append(rms(block))
    }
    return levels
  }

  func correlation(_ a: [Double], _ b: [Double]) -> Double {
    let n = min(a.count, b.count)
    let x = Array(a.prefix(n))
    let y = Array(b.prefix(n))
    let mx = x.reduce(0, +) / Double(n)
    let my = y.reduce(0, +) / Double(n)
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in 0..<n {
      sxy += (x[i] - mx) * (y[i] - my)
      sxx += (x[i] - mx) * (x[i] - mx)
      syy += (y[i] - my) * (y[i] - my)
    }
    return sxy / (sxx * syy).squareRoot()
  }

  @Test func loudnessAndDynamicsMatchFluidsynthF() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let soundFont = try #require(InstalledSoundFont.path)
    let midi = folder.appendingPathComponent("cadence.mid").path
    try MIDIFile.write(cadenceScore(), to: midi)

    let ours = folder.appendingPathComponent("ours.wav").path
    _ = try Renderer(soundFontPath: soundFont).render(try MIDIFile.read(path: midi), to: ours)
    let theirs = folder.appendingPathComponent("theirs.wav").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: fluidsynthCommand)
    process.arguments = ["-ni", "-F", theirs, "-r", "44100", soundFont, midi]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    let ourLevels = try envelope(ours)
    let theirLevels = try envelope(theirs)
    // Same dynamics over time (note timing differs by at most one 64-frame block) …
    let similarity = correlation(ourLevels, theirLevels)
    #expect(similarity > 0.95, "envelope correlation \(similarity)")
    // … and the same overall level over the music both contain, within 0.5 dB.
    let n = min(ourLevels.count, theirLevels.count)
    let power = { (levels: [Double]) in levels.prefix(n).reduce(0) { $0 + $1 * $1 } }
    let differenceDB = 10 * log10(power(ourLevels) / power(theirLevels))
    #expect(abs(differenceDB) < 0.5, "level differs by \(differenceDB) dB")
  }
}

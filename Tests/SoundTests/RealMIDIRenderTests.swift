import Foundation
import SMF
import Testing
import Theory

@testable import Sound

@Suite(
  .enabled(if: SharedData.available, "needs ../shared/data (POP909)"),
  .enabled(
    if: InstalledSoundFont.available, "needs a SoundFont (apt-get install fluid-soundfont-gm)"))
struct RealMIDIRenderTests {
  @Test func theOpeningOfAPOP909SongRendersToItsLengthPlusATail() throws {
    let path = SharedData.folder.appendingPathComponent("pop909/POP909/001/001.mid").path
    var score = try MIDIFile.read(path: path)
    // The first ~20 s keeps the test quick while exercising its real tracks, programs and tempo map.
    let cutTick = (0...score.endTick).first { score.seconds(atTick: $0) >= 20 } ?? score.endTick
    for index in score.tracks.indices {
      score.tracks[index].notes = score.tracks[index].notes.filter { $0.start < cutTick }
      score.tracks[index].controls = score.tracks[index].controls.filter { $0.tick < cutTick }
    }
    let midiSeconds = score.durationSeconds
    #expect(midiSeconds > 15 && midiSeconds < 25)

    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("001.wav").path
    let report = try Renderer(soundFontPath: try #require(InstalledSoundFont.path)).render(
      score, to: out)
    let reader = try AudioFileReader(path: out)
    #expect(reader.durationSeconds >= midiSeconds + 0.2)
    #expect(reader.durationSeconds <= midiSeconds + 10.3)
    #expect(report.peakDBFS > -40 && report.peakDBFS < 0)
    // Sound throughout: every second up to the end of the MIDI carries signal.
    let mono = try readAllMono(out)
    let silentSeconds = stride(from: 0, to: Int(midiSeconds) - 1, by: 1).filter { second in
      rms(Array(mono[(second * 44100)..<((second + 1) * 44100)])) < 1e-3
    }
    #expect(silentSeconds.count <= 2, "silent seconds: \(silentSeconds)")
  }
}

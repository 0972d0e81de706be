import Foundation
import Testing
import Theory

@testable import Sound

@Suite(
  .enabled(
    if: InstalledSoundFont.available,
    "needs a SoundFont in /usr/share/sounds/sf2 (apt-get install fluid-soundfont-gm)"))
struct RendererTests {
  let soundFont = InstalledSoundFont.path ?? ""

  @Test func aRenderedWAVLastsTheScorePlusATailAndIsNotSilent() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let score = cadenceScore()
    // Two bars at 100 BPM and two at 140: 4.8 s + 3.43 s.
    let scoreSeconds = 8 * 0.6 + 8 * 60.0 / 140
    #expect(abs(score.durationSeconds - scoreSeconds) < 1e-9)
    let path = folder.appendingPathComponent("cadence.wav").path
    let report = try Renderer(soundFontPath: soundFont).render(score, to: path, bitDepth: .pcm16)

    let reader = try AudioFileReader(path: path)
    #expect(reader.sampleRate == 44100)
    #expect(reader.channels == 2)
    #expect(Int(reader.frameCount) == report.frames)
    // The tail holds the release and reverb (FluidR3's piano rings ~1–3 s) plus 0.2 s of quiet.
    #expect(reader.durationSeconds > scoreSeconds + 0.2)
    #expect(reader.durationSeconds < scoreSeconds + 10.3)
    #expect(abs(report.seconds - reader.durationSeconds) < 1e-9)
    #expect(abs(report.tailSeconds - (report.seconds - scoreSeconds)) < 0.01)
    #expect(reader.metadata["title"] == "Cadence")

    let mono = try readAllMono(path)
    #expect(rms(mono) > 0.01, "the render is audible")
    #expect(report.peakDBFS > -30 && report.peakDBFS <= 0.5)
    // The last 0.2 s is the quiet the tail waited for.
    #expect(rms(Array(mono.suffix(8000))) < 1e-4)
    #expect(filesIn(folder) == ["cadence.wav"])
  }

  @Test(arguments: [
    ("wav", BitDepth.pcm16), ("wav", .pcm24), ("wav", .float32), ("flac", .pcm16), ("flac", .pcm24),
  ])
  func everyBitDepthAndFLACReadBack(ext: String, depth: BitDepth) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var score = cadenceScore()
    score.tracks = [score.tracks[0]]
    score.tracks[0].notes = Array(score.tracks[0].notes.prefix(3))
    let path = folder.appendingPathComponent("chord.\(ext)").path
    let renderer = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    let report = try renderer.render(score, to: path, bitDepth: depth)
    let reader = try AudioFileReader(path: path)
    #expect(reader.sampleRate == 22050)
    #expect(reader.channels == 2)
    #expect(Int(reader.frameCount) == report.frames)
    let expectedSubtype = depth == .float32 ? "32 bit float" : depth == .pcm24 ? "24 bit" : "16 bit"
    #expect(reader.formatName.contains(expectedSubtype), "\(reader.formatName)")
    #expect(rms(try readAllMono(path)) > 0.005)
  }

  @Test func theSameScoreRendersToTheSameSamplesTwice() throws {
    var score = cadenceScore()
    score.tempos = [TempoChange(tick: 0, bpm: 240)]
    let renderer = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    let first = try renderer.renderSamples(score)
    let second = try renderer.renderSamples(score)
    #expect(first.count == second.count)
    // Compare without handing Swift Testing two huge arrays to describe on failure.
    let firstDifference = first.indices.first { $0 < second.count && first[$0] != second[$0] }
    #expect(firstDifference == nil)
  }

  @Test func notesStartAtTheirScheduledTime() throws {
    // One loud note after 1.5 s of nothing: it must start within a FluidSynth block (1.45 ms) of 1.5 s.
    let track = Track(
      name: "Lead", program: 80, channel: 0,
      notes: [NoteEvent(start: 720, duration: 480, pitch: Pitch(69), velocity: 120)])
    let score = Score(tempos: [TempoChange(tick: 0, bpm: 60)], tracks: [track])
    let samples = try Renderer(soundFontPath: soundFont, sampleRate: 44100).renderSamples(score)
    let firstSound = (samples.firstIndex { abs($0) > 1e-3 } ?? 0) / 2
    #expect(
      abs(Double(firstSound) / 44100 - 1.5) < 0.002,
      "first sound at \(Double(firstSound) / 44100) s")
  }

  @Test(arguments: [44100.0, 96000.0, 192_000.0])
  func highSampleRatesKeepPitchAndLength(rate: Double) throws {
    // FluidSynth stops at 96 kHz; 192 kHz is rendered at 96 kHz and resampled, which must not
    // change the pitch (A4 = 440 Hz on a square lead) or the timing.
    let lead = Track(
      name: "Lead", program: 80, channel: 0,
      notes: [NoteEvent(start: 0, duration: 960, pitch: Pitch(69), velocity: 110)])
    let score = Score(tempos: [TempoChange(tick: 0, bpm: 60)], tracks: [lead])
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("a4.wav").path
    let report = try Renderer(soundFontPath: soundFont, sampleRate: rate).render(score, to: path)
    let reader = try AudioFileReader(path: path)
    #expect(reader.sampleRate == rate)
    #expect(Int(reader.frameCount) == report.frames)
    #expect(report.seconds > 2.2 && report.seconds < 12.5)
    let mono = try readAllMono(path)
    let held = Array(mono[Int(0.5 * rate)..<Int(0.55 * rate)])
    let frequency = autocorrelationFrequency(held, sampleRate: rate)
    #expect(abs(frequency - 440) < 3, "\(frequency) Hz")
  }

  @Test func anImpossibleSampleRateIsRefused() {
    #expect(throws: SoundError.unsupportedSampleRate(400_000)) {
      try Renderer(soundFontPath: soundFont, sampleRate: 400_000)
    }
    #expect(
      SoundError.unsupportedSampleRate(400_000).description
        == "a sample rate of 400000 Hz is not possible; use 8000–192000 Hz (44100 is CD quality)")
  }

  @Test func drumsOnChannelTenSoundFromTheDrumKit() throws {
    let kick = Track(
      name: "Drums", program: 0, channel: Track.drumChannel,
      notes: [NoteEvent(start: 0, duration: 120, pitch: Pitch(36), velocity: 127)])
    let samples = try Renderer(soundFontPath: soundFont, sampleRate: 22050).renderSamples(
      Score(tracks: [kick]))
    #expect(rms(samples) > 0.005)
  }

  @Test func aNoteHeldByThePedalStopsAtTheTenSecondCapWithAFadeNotAClick() throws {
    // A church organ with the sustain pedal never released sounds forever.
    let organ = Track(
      name: "Organ", program: 19, channel: 0,
      notes: [NoteEvent(start: 0, duration: 480, pitch: Pitch(60), velocity: 100)],
      controls: [ControlEvent(tick: 0, kind: .controller, number: 64, value: 127)])
    let rate = 8000.0
    let samples = try Renderer(soundFontPath: soundFont, sampleRate: rate).renderSamples(
      Score(tempos: [TempoChange(tick: 0, bpm: 120)], tracks: [organ]))
    let seconds = Double(samples.count / 2) / rate
    #expect(abs(seconds - (0.5 + 10)) < 0.02, "\(seconds) s")
    let beforeFade = Array(samples.dropLast(Int(0.1 * rate) * 2).suffix(Int(0.2 * rate) * 2))
    #expect(rms(beforeFade) > 1e-3, "still sounding when the cap is reached")
    #expect(samples.suffix(2).allSatisfy { abs($0) < 1e-4 }, "faded to silence at the very end")
  }

  @Test func anEmptyScoreGivesAShortSilentFile() throws {
    let samples = try Renderer(soundFontPath: soundFont, sampleRate: 22050).renderSamples(Score())
    #expect(samples.count / 2 < 22050)
    // FluidSynth's reverb adds a tiny DC offset (1e-8) against denormals; nothing audible.
    #expect(samples.allSatisfy { abs($0) < 1e-6 })
  }

  @Test func anUnwritableOutputLeavesNothingBehind() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let renderer = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    let missing = folder.appendingPathComponent("no-such-folder/out.wav").path
    #expect(throws: AtomicFile.Failure.self) { try renderer.render(cadenceScore(), to: missing) }
    #expect(filesIn(folder).isEmpty)
  }
}

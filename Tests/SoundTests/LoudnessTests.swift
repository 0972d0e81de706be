import Foundation
import Testing
import Theory

@testable import Sound

/// A calm sketch as Compose writes one: soft pad chords, a quiet melody and bass, no drums, 80 BPM.
/// At FluidSynth's default gain this is the "far too quiet" case (around −40 LUFS).
func calmSketchScore() -> Score {
  let q = 480
  var pad = Track(name: "Chords", program: 89, channel: 0)
  var melody = Track(name: "Melody", program: 0, channel: 1)
  var bass = Track(name: "Bass", program: 32, channel: 2)
  let chords = [[57, 60, 64], [53, 57, 60], [48, 52, 55], [55, 59, 62]]
  let tune = [69, 67, 64, 62, 64, 65, 67, 64]
  for bar in 0..<8 {
    let start = bar * 4 * q
    for pitch in chords[bar % 4] {
      pad.notes.append(
        NoteEvent(start: start, duration: 4 * q, pitch: Pitch(pitch), velocity: 48))
    }
    bass.notes.append(
      NoteEvent(start: start, duration: 4 * q, pitch: Pitch(chords[bar % 4][0] - 12), velocity: 55))
    for beat in 0..<4 {
      melody.notes.append(
        NoteEvent(
          start: start + beat * q, duration: q,
          pitch: Pitch(tune[(bar * 4 + beat) % tune.count] + 12),
          velocity: 50 + (beat == 0 ? 10 : 0)))
    }
  }
  return Score(
    ticksPerQuarter: q, tempos: [TempoChange(tick: 0, bpm: 80)], tracks: [pad, melody, bass],
    title: "Calm sketch")
}

/// Integrated loudness of interleaved stereo, measured independently of the renderer's own scaling.
func integratedLUFS(_ samples: [Float], sampleRate: Double) -> Double? {
  guard let meter = LoudnessMeter(channels: 2, sampleRate: sampleRate) else { return nil }
  meter.add(samples)
  return meter.integratedLUFS
}

func peakDBFS(_ samples: [Float]) -> Double {
  20 * log10(Double(samples.reduce(0) { max($0, abs($1)) }))
}

@Suite(
  .enabled(
    if: InstalledSoundFont.available,
    "needs a SoundFont in /usr/share/sounds/sf2 (apt-get install fluid-soundfont-gm)"))
struct LoudnessTests {
  let soundFont = InstalledSoundFont.path ?? ""

  @Test func atFluidSynthsDefaultGainACalmSketchIsFarTooQuiet() throws {
    // The problem normalisation solves: this is what `fluidsynth -F` gives too.
    let samples = try Renderer(soundFontPath: soundFont, sampleRate: 22050).renderSamples(
      calmSketchScore())
    let lufs = try #require(integratedLUFS(samples, sampleRate: 22050))
    #expect(lufs < -30, "\(lufs) LUFS")
  }

  @Test(arguments: [-16.0, -20.0])
  func aNormalisedSketchLandsAtItsTargetWithPeaksBelowTheCeiling(target: Double) throws {
    let renderer = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    let samples = try renderer.renderSamples(
      calmSketchScore(), loudness: LoudnessTarget(targetLUFS: target))
    let lufs = try #require(integratedLUFS(samples, sampleRate: 22050))
    #expect(abs(lufs - target) <= 1.5, "\(lufs) LUFS for a \(target) LUFS target")
    #expect(peakDBFS(samples) <= -1, "peak \(peakDBFS(samples)) dBFS")
  }

  @Test func aNormalisedFileReadsBackAtItsTargetAndTheReportSaysSo() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("sketch.wav").path
    let report = try Renderer(soundFontPath: soundFont).render(
      calmSketchScore(), to: path, bitDepth: .pcm16, loudness: .demo)
    let reader = try AudioFileReader(path: path)
    var file: [Float] = []
    while case let block = try reader.readInterleaved(maxFrames: 65536), !block.isEmpty {
      file += block
    }
    let lufs = try #require(integratedLUFS(file, sampleRate: 44100))
    #expect(abs(lufs + 16) <= 1.5, "\(lufs) LUFS")
    #expect(peakDBFS(file) <= -1, "16-bit rounding must not lift the peak over the ceiling")
    let reported = try #require(report.loudnessLUFS)
    #expect(abs(reported - lufs) < 0.1, "reported \(reported), file \(lufs)")
    #expect(abs(report.peakDBFS - peakDBFS(file)) < 0.05)
    #expect((report.normalizationDB ?? 0) > 15, "a calm sketch needs a large boost")
    #expect(report.loudnessTarget == .demo)
  }

  @Test func aLoudDenseMixIsHeldBackByThePeakCeilingNotClipped() throws {
    // Full-velocity drums have peaks far above their loudness: the ceiling, not the target, decides.
    let renderer = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    let samples = try renderer.renderSamples(
      cadenceScore(), loudness: LoudnessTarget(targetLUFS: -6, peakCeilingDBFS: -1))
    #expect(abs(peakDBFS(samples) + 1) < 0.01, "peak \(peakDBFS(samples)) dBFS")
    let lufs = try #require(integratedLUFS(samples, sampleRate: 22050))
    #expect(lufs < -6.5, "\(lufs) LUFS")
  }

  @Test func doublingTheGainAddsSixDecibels() throws {
    let score = calmSketchScore()
    let quiet = try Renderer(soundFontPath: soundFont, sampleRate: 22050, gain: 0.2).renderSamples(
      score)
    let loud = try Renderer(soundFontPath: soundFont, sampleRate: 22050, gain: 0.4).renderSamples(
      score)
    // Tails end at a fixed −90 dBFS, so the louder render rings a little longer: compare the music.
    let n = Int(score.durationSeconds * 22050) * 2
    let differenceDB = 20 * log10(rms(Array(loud.prefix(n))) / rms(Array(quiet.prefix(n))))
    #expect(abs(differenceDB - 6.02) < 0.1, "\(differenceDB) dB")
  }

  @Test func normalisingIsDeterministic() throws {
    let renderer = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    let first = try renderer.renderSamples(calmSketchScore(), loudness: .demo)
    let second = try renderer.renderSamples(calmSketchScore(), loudness: .demo)
    #expect(first.count == second.count)
    let firstDifference = first.indices.first { $0 < second.count && first[$0] != second[$0] }
    #expect(firstDifference == nil)
  }

  @Test func aLongPieceIsNormalisedInTwoStreamingPassesToTheSameSamples() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let score = calmSketchScore()
    let inMemory = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    var streaming = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    streaming.inMemoryFrameLimit = 22050
    #expect(inMemory.fitsInMemory(score) && !streaming.fitsInMemory(score))
    let a = folder.appendingPathComponent("memory.wav").path
    let b = folder.appendingPathComponent("stream.wav").path
    let ra = try inMemory.render(score, to: a, bitDepth: .float32, loudness: .demo)
    let rb = try streaming.render(score, to: b, bitDepth: .float32, loudness: .demo)
    #expect(ra.frames == rb.frames)
    #expect(ra.loudnessLUFS == rb.loudnessLUFS)
    // Compare samples, not bytes: a float WAV's PEAK chunk carries the time it was written.
    let first = try readAllMono(a)
    let second = try readAllMono(b)
    #expect(first.count == second.count)
    #expect(first.indices.first { $0 < second.count && first[$0] != second[$0] } == nil)
  }

  @Test func silenceStaysSilentWhenNormalised() throws {
    // Nothing to measure: FluidSynth's tiny reverb offset must not be boosted into audible noise.
    let samples = try Renderer(soundFontPath: soundFont, sampleRate: 22050).renderSamples(
      Score(), loudness: .demo)
    #expect(samples.allSatisfy { abs($0) < 1e-6 })
  }

  @Test func impossibleGainsAndTargetsAreRefusedWithOneLine() throws {
    #expect(throws: SoundError.unsupportedGain(11)) {
      try Renderer(soundFontPath: soundFont, gain: 11)
    }
    #expect(
      SoundError.unsupportedGain(11).description
        == "a gain of 11.0 is not possible; use 0–10 (FluidSynth's default is 0.2)")
    let renderer = try Renderer(soundFontPath: soundFont, sampleRate: 22050)
    let tooLoud = LoudnessTarget(targetLUFS: 3)
    #expect(throws: SoundError.unsupportedLoudness(tooLoud)) {
      try renderer.renderSamples(calmSketchScore(), loudness: tooLoud)
    }
    #expect(!SoundError.unsupportedLoudness(tooLoud).description.contains("\n"))
  }
}

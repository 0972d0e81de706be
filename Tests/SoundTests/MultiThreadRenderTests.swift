import Foundation
import SMF
import Testing
import Theory

@testable import Sound

/// Rendering on several synthesis threads (FluidSynth's `synth.cpu-cores`) must sound exactly like one
/// thread: the same length and the same samples, reverb and chorus tails included.
@Suite(
  .enabled(
    if: InstalledSoundFont.available,
    "needs a SoundFont in /usr/share/sounds/sf2 (apt-get install fluid-soundfont-gm)"))
struct MultiThreadRenderTests {
  let soundFont = InstalledSoundFont.path ?? ""

  /// A shipped example sketch: chords, melody, bass and drums on four channels.
  static let lofiSketch = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples/lofi-drive/sketch.mid").path

  func render(_ score: Score, threads: Int, rate: Double = 44100) throws -> [Float] {
    try Renderer(soundFontPath: soundFont, sampleRate: rate, threads: threads).renderSamples(score)
  }

  /// The largest sample difference, without handing Swift Testing two huge arrays to describe.
  func largestDifference(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
  }

  @Test func aSketchOnTwoThreadsSoundsLikeOneThread() throws {
    let score = try MIDIFile.read(path: Self.lofiSketch)
    #expect(Set(score.tracks.map(\.channel)).count >= 3, "the example has several channels")
    let single = try render(score, threads: 1)
    let double = try render(score, threads: 2)
    #expect(single.count == double.count, "the same length, tail included")
    #expect(single.reduce(0) { max($0, abs($1)) } > 0.02, "the render is audible")
    // Float rounding at most (FluidSynth sums the threads' voices in a fixed order: in practice 0).
    #expect(largestDifference(single, double) < 1e-6)
  }

  @Test func manyThreadsOnAShortScoreGiveTheSameSamplesEveryTime() throws {
    let score = cadenceScore()
    let first = try render(score, threads: 4, rate: 22050)
    let second = try render(score, threads: 4, rate: 22050)
    #expect(first.count == second.count)
    #expect(first.indices.first { first[$0] != second[$0] } == nil)
    #expect(largestDifference(first, try render(score, threads: 1, rate: 22050)) < 1e-6)
  }

  @Test func theThreadCountIsKeptInFluidSynthsRange() throws {
    #expect(try Renderer(soundFontPath: soundFont, threads: 0).threads == 1)
    #expect(try Renderer(soundFontPath: soundFont).threads == Renderer.defaultThreads)
  }
}

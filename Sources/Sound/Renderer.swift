import Foundation
import Theory

/// Renders a ``Score`` to stereo audio with libfluidsynth, in-process, the way `fluidsynth -F` would:
/// the same SoundFont, reverb and chorus on, and the release and reverb tail kept.
///
/// ```swift
/// let soundFont = try SoundFontLocator.locate(explicit: nil)
/// let renderer = try Renderer(soundFontPath: soundFont)
/// let report = try renderer.render(score, to: "sketch.wav", bitDepth: .pcm16)
/// ```
///
/// `init` loads the SoundFont (so a bad one fails early) and the first render uses that synth; later renders
/// each get a fresh synth, because a reset FluidSynth still carries chorus and reverb state, and the same
/// score must give the same samples every time. One renderer must not be used from two threads at once;
/// make one per task to render in parallel.
public struct Renderer {
  /// Output rate in Hz (default 44,100).
  public let sampleRate: Double
  public let soundFontPath: String
  private let synths: SynthSource
  /// FluidSynth's own rate: ``sampleRate`` up to its 96 kHz limit; above that, the output is resampled.
  private let synthRate: Double

  /// FluidSynth renders in blocks of this many frames (its `FLUID_BUFSIZE`); messages take effect at block
  /// starts, so they are scheduled on the nearest boundary (see `SynthMessage.schedule`).
  static let blockFrames = 64
  /// The tail ends once the output stays below this level (−90 dBFS) …
  static let silenceThreshold: Float = 3.1623e-5
  /// … for this long, in seconds …
  static let silenceHold = 0.2
  /// … or after this long at most, in seconds.
  static let maximumTail = 10.0

  /// Loads the SoundFont.
  ///
  /// - Parameters:
  ///   - soundFontPath: an `.sf2`/`.sf3` file, e.g. from ``SoundFontLocator/locate(explicit:environment:projectFolder:)``.
  ///   - sampleRate: output rate in Hz, 8,000–192,000; default 44,100.
  /// - Throws: ``SoundError/unsupportedSampleRate(_:)``, ``SoundError/missingFile(_:)`` or
  ///   ``SoundError/invalidSoundFont(_:)``.
  public init(soundFontPath: String, sampleRate: Double = 44100) throws {
    guard Self.sampleRates.contains(sampleRate) else {
      throw SoundError.unsupportedSampleRate(sampleRate)
    }
    try SoundFontLocator.validate(soundFontPath)
    self.soundFontPath = soundFontPath
    self.sampleRate = sampleRate
    synthRate = min(sampleRate, FluidSynth.maximumSampleRate)
    synths = try SynthSource(soundFontPath: soundFontPath, sampleRate: synthRate)
  }

  /// Output rates the renderer accepts, in Hz.
  public static let sampleRates: ClosedRange<Double> = 8000...192_000

  /// Renders `score` into `path` (container from the extension: `.wav`, `.flac`, `.aiff`, `.ogg`, `.opus`,
  /// `.mp3`), atomically.
  ///
  /// - Parameters:
  ///   - score: what to play; every track's program, controllers and notes, on its channel (9 = drums).
  ///   - path: the output file; its folder must exist.
  ///   - bitDepth: sample format; default `.pcm16`.
  ///   - progress: called about ten times a second of audio with the fraction of the score rendered
  ///     so far (0…1, then the tail); for a progress line on a terminal. Default: none.
  /// - Returns: frames, duration, tail and peak of what was written.
  /// - Throws: ``SoundError`` or `AtomicFile.Failure` when the file cannot be written; nothing is left behind then.
  public func render(
    _ score: Score, to path: String, bitDepth: BitDepth = .pcm16,
    progress: ((Double) -> Void)? = nil
  ) throws -> RenderReport {
    let writer = try AudioFileWriter(
      path: path, sampleRate: sampleRate, channels: 2, bitDepth: bitDepth,
      metadata: score.title.map { ["title": $0, "comment": "rendered by moodsketch"] } ?? [
        "comment": "rendered by moodsketch"
      ])
    let summary = try run(score, progress: progress) { block in try writer.write(block) }
    try writer.finish()
    return RenderReport(
      path: path, frames: summary.frames, sampleRate: sampleRate,
      seconds: Double(summary.frames) / sampleRate,
      tailSeconds: Double(summary.frames - summary.lastEventFrame) / sampleRate,
      peakDBFS: summary.peakDBFS,
      bitDepth: bitDepth)
  }

  /// Renders `score` into memory: interleaved stereo (left, right, left, …) at ``sampleRate``, tail included.
  /// For tests and analysis; use ``render(_:to:bitDepth:)`` for long pieces.
  public func renderSamples(_ score: Score) throws -> [Float] {
    var samples: [Float] = []
    _ = try run(score, progress: nil) { block in samples.append(contentsOf: block) }
    return samples
  }

  struct Summary {
    var frames: Int
    var lastEventFrame: Int
    var peak: Float
    var peakDBFS: Double { peak > 0 ? 20 * log10(Double(peak)) : -200 }
  }

  /// Drives the synth through the score, handing interleaved stereo blocks to `sink`.
  private func run(
    _ score: Score, progress: ((Double) -> Void)?, sink: ([Float]) throws -> Void
  ) throws -> Summary {
    let synth = try synths.take()
    let messages = SynthMessage.schedule(
      score, sampleRate: synthRate, blockFrames: Self.blockFrames)
    let upsampler =
      synthRate == sampleRate ? nil : try StereoResampler(from: synthRate, to: sampleRate)
    // The last note-off (the end of the last note) or the last controller, whichever is later.
    let lastEventFrame = messages.last?.frame ?? 0

    // Output is collected in chunks of ~0.1 s so libsndfile gets few, large writes.
    let chunkFrames = 4096
    var chunk = [Float](repeating: 0, count: chunkFrames * 2)
    var filled = 0
    var rendered = 0
    var written = 0
    var peak: Float = 0

    func renderFrames(_ count: Int) throws {
      var left = count
      while left > 0 {
        let n = min(left, chunkFrames - filled)
        synth.render(frames: n, into: &chunk, atFrame: filled)
        filled += n
        left -= n
        if filled == chunkFrames { try flush() }
      }
    }
    func deliver(_ block: [Float]) throws {
      for sample in block { peak = max(peak, abs(sample)) }
      try sink(block)
      written += block.count / 2
    }
    func flush() throws {
      guard filled > 0 else { return }
      let block = filled == chunkFrames ? chunk : Array(chunk[0..<(filled * 2)])
      rendered += filled
      filled = 0
      try deliver(upsampler?.process(block, endOfInput: false) ?? block)
      if let progress, lastEventFrame > 0 {
        progress(min(1, Double(rendered) / Double(lastEventFrame)))
      }
    }

    var position = 0
    var index = 0
    while index < messages.count {
      let frame = messages[index].frame
      if frame > position {
        try renderFrames(frame - position)
        position = frame
      }
      while index < messages.count && messages[index].frame == frame {
        synth.send(messages[index])
        index += 1
      }
    }
    // The tail: keep rendering until ~0.2 s in a row stays below −90 dBFS, at most 10 s.
    let holdFrames = Int(Self.silenceHold * sampleRate)
    let maximumTailFrames = Int(Self.maximumTail * sampleRate)
    var quietFrames = 0
    var tailFrames = 0
    while quietFrames < holdFrames && tailFrames < maximumTailFrames {
      let n = Self.blockFrames
      if chunkFrames - filled < n { try flush() }
      synth.render(frames: n, into: &chunk, atFrame: filled)
      var loudest: Float = 0
      for i in (filled * 2)..<((filled + n) * 2) { loudest = max(loudest, abs(chunk[i])) }
      quietFrames = loudest < Self.silenceThreshold ? quietFrames + n : 0
      tailFrames += n
      filled += n
      // A full chunk is flushed at the top of the next pass, so the last one is still here below.
    }
    if quietFrames < holdFrames {
      // Cut off at the cap while still sounding (an endless pad or a held pedal): fade the last
      // ~50 ms out rather than end on a click.
      let fadeFrames = min(filled, Int(0.05 * sampleRate))
      for frame in 0..<fadeFrames {
        let gain = Float(fadeFrames - frame - 1) / Float(fadeFrames)
        let base = (filled - fadeFrames + frame) * 2
        chunk[base] *= gain
        chunk[base + 1] *= gain
      }
    }
    try flush()
    if let upsampler { try deliver(upsampler.process([], endOfInput: true)) }
    return Summary(
      frames: written, lastEventFrame: Int(Double(lastEventFrame) * sampleRate / synthRate),
      peak: peak)
  }
}

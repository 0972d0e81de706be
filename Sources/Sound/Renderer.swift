import Foundation
import Theory

/// Renders a ``Score`` to stereo audio with libfluidsynth, in-process, the way `fluidsynth -F` would:
/// the same SoundFont, reverb and chorus on, and the release and reverb tail kept.
///
/// ```swift
/// let soundFont = try SoundFontLocator.locate(explicit: nil)
/// let renderer = try Renderer(soundFontPath: soundFont)
/// let report = try renderer.render(score, to: "sketch.wav", bitDepth: .pcm16)
/// let loud = try renderer.render(score, to: "demo.wav", loudness: .demo)  // ≈ −16 LUFS, peaks ≤ −1 dBFS
/// ```
///
/// Level: by default the renderer plays at FluidSynth's own master gain (0.2, as `fluidsynth -F`), which
/// leaves gentle material far below what a listener expects (a calm sketch measures about −40 LUFS).
/// Pass a ``LoudnessTarget`` to scale the finished render to a loudness with a peak ceiling, or raise
/// `gain` as `fluidsynth -g` would.
///
/// `init` loads the SoundFont (so a bad one fails early) and the first render uses that synth; later renders
/// each get a fresh synth, because a reset FluidSynth still carries chorus and reverb state, and the same
/// score must give the same samples every time. One renderer must not be used from two threads at once;
/// make one per task to render in parallel.
public struct Renderer {
  /// Output rate in Hz (default 44,100).
  public let sampleRate: Double
  public let soundFontPath: String
  /// FluidSynth's master gain (`synth.gain`), 0–10; default 0.2. Output level scales linearly with it
  /// (doubling it adds 6 dB) until the mix clips.
  public let gain: Double
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

  /// Synthesis threads (FluidSynth's `synth.cpu-cores`).
  public let threads: Int
  /// Every active core: what `threads` is unless a caller asks for fewer.
  public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// FluidSynth's default master gain, as `fluidsynth -g` uses.
  public static let defaultGain = FluidSynth.defaultGain
  /// Master gains the renderer accepts (FluidSynth's own range).
  public static let gains: ClosedRange<Double> = 0...10
  /// Normalising needs the whole render before the first sample can be written. Up to this many
  /// stereo frames (score plus the longest tail; 64 MB of samples, 3 min 10 s at 44.1 kHz) it is kept
  /// in memory and rendered once; anything longer is rendered twice, streaming: once to measure, then
  /// again (the same samples, since each render gets a fresh synth) scaled and written.
  static let defaultInMemoryFrameLimit = 8 * 1024 * 1024
  /// ``defaultInMemoryFrameLimit`` unless a test lowers it to exercise the two-pass path.
  var inMemoryFrameLimit = Renderer.defaultInMemoryFrameLimit

  /// Loads the SoundFont.
  ///
  /// - Parameters:
  ///   - soundFontPath: an `.sf2`/`.sf3` file, e.g. from ``SoundFontLocator/locate(explicit:environment:projectFolder:)``.
  ///   - sampleRate: output rate in Hz, 8,000–192,000; default 44,100.
  ///   - gain: FluidSynth's master gain (`synth.gain`), 0–10; default 0.2 like `fluidsynth -g`.
  ///   - threads: synthesis threads (FluidSynth's `synth.cpu-cores`), 1–256; default: every active
  ///     core. Any value gives the same samples; more only render faster.
  /// - Throws: ``SoundError/unsupportedSampleRate(_:)``, ``SoundError/unsupportedGain(_:)``,
  ///   ``SoundError/missingFile(_:)`` or ``SoundError/invalidSoundFont(_:)``.
  public init(
    soundFontPath: String, sampleRate: Double = 44100, gain: Double = Renderer.defaultGain,
    threads: Int = Renderer.defaultThreads
  )
    throws
  {
    guard Self.sampleRates.contains(sampleRate) else {
      throw SoundError.unsupportedSampleRate(sampleRate)
    }
    guard Self.gains.contains(gain) else { throw SoundError.unsupportedGain(gain) }
    try SoundFontLocator.validate(soundFontPath)
    self.soundFontPath = soundFontPath
    self.sampleRate = sampleRate
    self.gain = gain
    synthRate = min(sampleRate, FluidSynth.maximumSampleRate)
    self.threads = max(1, min(threads, 256))
    synths = try SynthSource(
      soundFontPath: soundFontPath, sampleRate: synthRate, gain: gain, threads: self.threads)
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
  ///   - loudness: where to put the level (see ``LoudnessTarget``); default nil: as FluidSynth plays it at
  ///     ``gain``. Short renders are normalised in memory, long ones in two streaming passes.
  ///   - progress: called about ten times a second of audio with the fraction of the score rendered
  ///     so far (0…1, then the tail); for a progress line on a terminal. Default: none.
  /// - Returns: frames, duration, tail, peak and loudness of what was written.
  /// - Throws: ``SoundError`` or `AtomicFile.Failure` when the file cannot be written; nothing is left behind then.
  public func render(
    _ score: Score, to path: String, bitDepth: BitDepth = .pcm16, loudness: LoudnessTarget? = nil,
    progress: ((Double) -> Void)? = nil
  ) throws -> RenderReport {
    if let loudness { try Self.check(loudness) }
    let writer = try AudioFileWriter(
      path: path, sampleRate: sampleRate, channels: 2, bitDepth: bitDepth,
      metadata: score.title.map { ["title": $0, "comment": "rendered by moodsketch"] } ?? [
        "comment": "rendered by moodsketch"
      ], expectedFrames: expectedFrames(score))
    guard let meter = LoudnessMeter(channels: 2, sampleRate: sampleRate) else {
      throw SoundError.cannotWrite(
        path: path, reason: "the loudness meter cannot measure \(sampleRate) Hz (16 Hz … 2.8 MHz)")
    }
    let summary: Summary
    var scale = 1.0
    if let loudness, fitsInMemory(score) {
      var samples = try renderIntoMemory(score, progress: progress)
      meter.add(samples.samples)
      scale = loudness.scale(measuredLUFS: meter.integratedLUFS, peak: samples.summary.peak)
      Self.apply(scale, to: &samples.samples)
      try writer.write(samples.samples)
      summary = samples.summary
    } else if let loudness {
      // Too long to hold: measure in a first pass, then render again and write scaled.
      let half = progress.map { report in { (fraction: Double) in report(fraction / 2) } }
      let measured = try run(score, progress: half) { block in meter.add(block) }
      scale = loudness.scale(measuredLUFS: meter.integratedLUFS, peak: measured.peak)
      let second = progress.map { report in { (fraction: Double) in report(0.5 + fraction / 2) } }
      summary = try run(score, progress: second) { block in
        var scaled = block
        Self.apply(scale, to: &scaled)
        try writer.write(scaled)
      }
    } else {
      summary = try run(score, progress: progress) { block in
        meter.add(block)
        try writer.write(block)
      }
    }
    try writer.finish()
    let scaleDB = 20 * log10(scale)
    return RenderReport(
      path: path, frames: summary.frames, sampleRate: sampleRate,
      seconds: Double(summary.frames) / sampleRate,
      tailSeconds: Double(summary.frames - summary.lastEventFrame) / sampleRate,
      peakDBFS: summary.peak > 0 ? summary.peakDBFS + scaleDB : summary.peakDBFS,
      bitDepth: bitDepth, gain: gain,
      loudnessLUFS: meter.integratedLUFS.map { $0 + scaleDB },
      normalizationDB: loudness == nil ? nil : scaleDB, loudnessTarget: loudness)
  }

  /// Renders `score` into memory: interleaved stereo (left, right, left, …) at ``sampleRate``, tail included,
  /// scaled to `loudness` when given (default: nil, as FluidSynth plays it).
  /// For tests and analysis; use ``render(_:to:bitDepth:loudness:progress:)`` for long pieces.
  ///
  /// - Throws: ``SoundError/unsupportedLoudness(_:)`` for a target outside ``LoudnessTarget``'s ranges.
  public func renderSamples(_ score: Score, loudness: LoudnessTarget? = nil) throws -> [Float] {
    if let loudness { try Self.check(loudness) }
    var rendered = try renderIntoMemory(score, progress: nil)
    if let loudness, let meter = LoudnessMeter(channels: 2, sampleRate: sampleRate) {
      meter.add(rendered.samples)
      Self.apply(
        loudness.scale(measuredLUFS: meter.integratedLUFS, peak: rendered.summary.peak),
        to: &rendered.samples)
    }
    return rendered.samples
  }

  /// The most frames a render of `score` can produce: the score plus the longest tail.
  func expectedFrames(_ score: Score) -> Int64 {
    let seconds = score.durationSeconds + Self.maximumTail + 1
    return seconds.isFinite ? Int64(min(seconds * sampleRate, 1e15)) : Int64(1e15)
  }

  /// How long a render of `score` lasts, in seconds (the score plus at most ``maximumTail``), and
  /// about how many bytes it would take uncompressed at `bitDepth`: what a caller checks against a
  /// limit before rendering a file whose last event is absurdly far away.
  public func estimate(_ score: Score, bitDepth: BitDepth) -> (seconds: Double, bytes: Double) {
    let seconds = score.durationSeconds + Self.maximumTail
    return (seconds, seconds * sampleRate * 2 * Double(bitDepth.bytesPerSample))
  }

  /// Renders longer than this (30 minutes) are refused unless the caller raises the limit: a
  /// 44-byte MIDI file can hold a note 78 hours long, which would fill a disk.
  public static let defaultMaximumSeconds = 1800.0

  /// Whether `score`, with the longest possible tail, stays within ``inMemoryFrameLimit``.
  func fitsInMemory(_ score: Score) -> Bool {
    let seconds = score.durationSeconds + Self.maximumTail + 1
    return seconds.isFinite && seconds * sampleRate <= Double(inMemoryFrameLimit)
  }

  private func renderIntoMemory(_ score: Score, progress: ((Double) -> Void)?) throws -> (
    samples: [Float], summary: Summary
  ) {
    var samples: [Float] = []
    if fitsInMemory(score) {
      samples.reserveCapacity(Int((score.durationSeconds + 3) * sampleRate) * 2)
    }
    let summary = try run(score, progress: progress) { block in samples.append(contentsOf: block) }
    return (samples, summary)
  }

  static func check(_ loudness: LoudnessTarget) throws {
    guard LoudnessTarget.targetRange.contains(loudness.targetLUFS),
      LoudnessTarget.ceilingRange.contains(loudness.peakCeilingDBFS)
    else { throw SoundError.unsupportedLoudness(loudness) }
  }

  private static func apply(_ scale: Double, to samples: inout [Float]) {
    guard scale != 1 else { return }
    let factor = Float(scale)
    samples.withUnsafeMutableBufferPointer { buffer in
      for i in buffer.indices { buffer[i] *= factor }
    }
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
      synthRate == sampleRate
      ? nil : try SoxrResampler(from: synthRate, to: sampleRate, channels: 2)
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
    // The synth renders the tail ahead in runs of 16 blocks (the same samples as block by block: no
    // message arrives any more), which spares its worker threads a hand-off per 64 frames; the quiet
    // test below still goes block by block, so the file ends on the same frame.
    let aheadFrames = 16 * Self.blockFrames
    var ahead = [Float](repeating: 0, count: aheadFrames * 2)
    var aheadUsed = aheadFrames
    while quietFrames < holdFrames && tailFrames < maximumTailFrames {
      let n = Self.blockFrames
      if chunkFrames - filled < n { try flush() }
      if aheadUsed == aheadFrames {
        synth.render(frames: aheadFrames, into: &ahead, atFrame: 0)
        aheadUsed = 0
      }
      for i in 0..<(n * 2) { chunk[filled * 2 + i] = ahead[aheadUsed * 2 + i] }
      aheadUsed += n
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

import Dispatch

/// A ``Renderer`` being made on another thread: loading the SoundFont (about 0.15 s for FluidR3 GM)
/// overlaps whatever the caller does meanwhile, such as composing the score it will render.
///
/// ```swift
/// let pending = PendingRenderer(soundFontPath: path)
/// let score = composer.compose(plan, seed: seed)      // runs while the SoundFont loads
/// let report = try pending.renderer().render(score, to: "sketch.wav")
/// ```
public final class PendingRenderer: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  // Written once on the worker before `done` is signalled, read only after waiting on it.
  private var result: Result<Renderer, Error>?

  /// Starts loading; the arguments are those of ``Renderer/init(soundFontPath:sampleRate:gain:threads:)``.
  public init(
    soundFontPath: String, sampleRate: Double = 44100, gain: Double = Renderer.defaultGain,
    threads: Int = Renderer.defaultThreads
  ) {
    DispatchQueue.global(qos: .userInitiated).async {
      self.result = Result {
        try Renderer(
          soundFontPath: soundFontPath, sampleRate: sampleRate, gain: gain, threads: threads)
      }
      self.done.signal()
    }
  }

  /// Waits for the renderer.
  ///
  /// - Throws: what ``Renderer/init(soundFontPath:sampleRate:gain:threads:)`` threw.
  public func renderer() throws -> Renderer {
    done.wait()
    done.signal()  // later calls return at once
    return try result!.get()
  }
}

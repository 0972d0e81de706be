/// What ``Renderer/render(_:to:bitDepth:)`` wrote.
public struct RenderReport: Sendable, Hashable, Codable {
  /// The file written.
  public var path: String
  /// Stereo frames written.
  public var frames: Int
  public var sampleRate: Double
  /// Length of the file in seconds: the score plus its release and reverb tail.
  public var seconds: Double
  /// The part of ``seconds`` after the last MIDI event, in seconds.
  public var tailSeconds: Double
  /// Highest absolute sample in dB relative to full scale (0 dBFS = 1.0); −∞ is reported as −200 for silence.
  public var peakDBFS: Double
  public var bitDepth: BitDepth

  public init(
    path: String, frames: Int, sampleRate: Double, seconds: Double, tailSeconds: Double,
    peakDBFS: Double,
    bitDepth: BitDepth
  ) {
    self.path = path
    self.frames = frames
    self.sampleRate = sampleRate
    self.seconds = seconds
    self.tailSeconds = tailSeconds
    self.peakDBFS = peakDBFS
    self.bitDepth = bitDepth
  }
}

/// What ``Renderer/render(_:to:bitDepth:loudness:progress:)`` wrote.
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
  /// FluidSynth's master gain the render was played at (`synth.gain`); 0.2 unless chosen.
  public var gain: Double
  /// Integrated loudness of the file (EBU R128, ``LoudnessMeter``), in LUFS; nil for silence.
  public var loudnessLUFS: Double?
  /// The gain applied to reach ``loudnessTarget``, in dB; nil when not normalised.
  public var normalizationDB: Double?
  /// The level asked for; nil when not normalised.
  public var loudnessTarget: LoudnessTarget?

  public init(
    path: String, frames: Int, sampleRate: Double, seconds: Double, tailSeconds: Double,
    peakDBFS: Double,
    bitDepth: BitDepth, gain: Double = 0.2, loudnessLUFS: Double? = nil,
    normalizationDB: Double? = nil, loudnessTarget: LoudnessTarget? = nil
  ) {
    self.gain = gain
    self.loudnessLUFS = loudnessLUFS
    self.normalizationDB = normalizationDB
    self.loudnessTarget = loudnessTarget
    self.path = path
    self.frames = frames
    self.sampleRate = sampleRate
    self.seconds = seconds
    self.tailSeconds = tailSeconds
    self.peakDBFS = peakDBFS
    self.bitDepth = bitDepth
  }
}

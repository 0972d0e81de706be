/// What ``AudioDecoder`` learned about a file while decoding it.
public struct AudioFileInfo: Sendable, Hashable, Codable {
  public var path: String
  /// The file's own sample rate, in Hz (before resampling).
  public var originalSampleRate: Double
  public var channels: Int
  /// Duration of the audio actually decoded, in seconds.
  public var durationSeconds: Double
  /// Mono samples delivered at the requested rate.
  public var decodedFrames: Int
  /// Container and encoding, e.g. `"FLAC (FLAC Lossless Audio Codec), Signed 16 bit PCM"`.
  public var formatName: String
  /// Text tags: `title`, `artist`, `album`, `genre`, `date`, `comment` (only those present).
  public var metadata: [String: String]

  public init(
    path: String, originalSampleRate: Double, channels: Int, durationSeconds: Double,
    decodedFrames: Int,
    formatName: String, metadata: [String: String]
  ) {
    self.path = path
    self.originalSampleRate = originalSampleRate
    self.channels = channels
    self.durationSeconds = durationSeconds
    self.decodedFrames = decodedFrames
    self.formatName = formatName
    self.metadata = metadata
  }
}

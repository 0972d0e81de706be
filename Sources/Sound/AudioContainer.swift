import CSndFile

/// The file types we write, chosen from the output path's extension.
public enum AudioContainer: String, Sendable, CaseIterable {
  case wav, flac, aiff, ogg, opus, mp3

  /// The container for `path`'s extension (`.wav`, `.flac`, `.aiff`/`.aif`, `.ogg` (Vorbis), `.opus`
  /// (Ogg/Opus, 8/12/16/24/48 kHz only), `.mp3`), or nil.
  public init?(path: String) {
    let ext =
      path.split(separator: "/").last?.split(separator: ".").last.map { $0.lowercased() } ?? ""
    switch ext {
    case "wav", "wave": self = .wav
    case "flac": self = .flac
    case "aiff", "aif": self = .aiff
    case "ogg", "oga": self = .ogg
    case "opus": self = .opus
    case "mp3": self = .mp3
    default: return nil
    }
  }

  /// Whether `depth` can be stored; the lossy formats (Vorbis, Opus, MP3) ignore it.
  public func supports(_ depth: BitDepth) -> Bool {
    self == .flac ? depth != .float32 : true
  }

  /// libsndfile's format code for this container and depth.
  func format(_ depth: BitDepth) -> Int32 {
    let major: Int
    switch self {
    case .wav: major = SF_FORMAT_WAV
    case .flac: major = SF_FORMAT_FLAC
    case .aiff: major = SF_FORMAT_AIFF
    case .ogg: return Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
    case .opus: return Int32(SF_FORMAT_OGG | SF_FORMAT_OPUS)
    case .mp3: return Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
    }
    let sub: Int
    switch depth {
    case .pcm16: sub = SF_FORMAT_PCM_16
    case .pcm24: sub = SF_FORMAT_PCM_24
    case .float32: sub = SF_FORMAT_FLOAT
    }
    return Int32(major | sub)
  }
}

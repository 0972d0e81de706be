import CSndFile
import Foundation
import Theory

/// Streams audio out of a file through libsndfile: WAV, AIFF, FLAC, Ogg/Vorbis, Opus and MP3
/// (libsndfile 1.2); M4A/MP4 (AAC, ALAC), WMA, WebM/MKA, APE and WavPack through FFmpeg
/// (``FFmpegDecoder``); any channel count, never holding more than one block in memory.
///
/// ```swift
/// let reader = try AudioFileReader(path: "draft.flac")
/// while case let block = try reader.readMono(maxFrames: 65536), !block.isEmpty { … }
/// ```
public final class AudioFileReader {
  /// The path as given.
  public let path: String
  /// Frames per second of the file, in Hz.
  public let sampleRate: Double
  public let channels: Int
  /// Frames (samples per channel) the file declares. For compressed formats libsndfile may estimate it.
  public let frameCount: Int64
  /// Text tags found in the file: `title`, `artist`, `album`, `genre`, `date`, `comment` (only those present).
  public var metadata: [String: String]
  /// The container and encoding as libsndfile names them, e.g. `"FLAC (Free Lossless Audio Codec), Signed 24 bit PCM"`.
  public let formatName: String

  /// The decoder: libsndfile for what it reads, FFmpeg for the rest.
  private enum Backend {
    case sndfile(SoundFile)
    case ffmpeg(FFmpegDecoder)
  }
  private let backend: Backend
  /// Float and double files can hold NaN and infinity (integer and compressed ones cannot); their
  /// samples are checked as they are read.
  private let holdsFloats: Bool
  /// Frames delivered so far, to tell a truncated file from a finished one.
  public private(set) var framesRead: Int64 = 0
  private var interleaved: [Float] = []

  /// Opens `path` for streaming.
  ///
  /// - Throws: ``SoundError/missingFile(_:)`` when there is no such file;
  ///   ``SoundError/unreadableAudio(path:reason:)`` when it is empty, not audio, or declares no frames.
  public init(path: String) throws {
    self.path = path
    switch InputFile.problem(at: path) {
    case .missing?: throw SoundError.missingFile(path)
    case let problem?: throw SoundError.unreadableAudio(path: path, reason: problem.reason)
    case nil: break
    }
    if FFmpegDecoder.reads(path) {
      let decoder = try FFmpegDecoder(path: path)
      backend = .ffmpeg(decoder)
      // FFmpeg's AAC, WMA and Monkey's decoders output float: a damaged stream can hold NaN.
      holdsFloats = true
      sampleRate = decoder.sampleRate
      channels = decoder.channels
      frameCount = decoder.declaredFrames
      formatName = decoder.formatName
      metadata = decoder.metadata
      return
    }
    let file: SoundFile
    switch SoundFile.openForReading(path) {
    case .failure(let failure):
      let reason = WAVHeader.impossibleFormat(at: path) ?? Self.explain(failure.reason)
      throw SoundError.unreadableAudio(path: path, reason: reason)
    case .success(let opened):
      file = opened
    }
    backend = .sndfile(file)
    let info = file.info
    guard info.channels > 0, info.samplerate > 0 else {
      throw SoundError.unreadableAudio(
        path: path, reason: "it declares no channels or no sample rate")
    }
    guard info.frames > 0 else {
      throw SoundError.unreadableAudio(path: path, reason: "it holds no audio (zero length)")
    }
    if let shortfall = Self.truncatedChunk(in: file) {
      throw SoundError.unreadableAudio(
        path: path,
        reason:
          "it is truncated (the header declares \(shortfall.declared) bytes of audio, the file holds \(shortfall.present)); re-export or re-copy it"
      )
    }
    let subtype = info.format & Int32(SF_FORMAT_SUBMASK)
    holdsFloats = subtype == Int32(SF_FORMAT_FLOAT) || subtype == Int32(SF_FORMAT_DOUBLE)
    sampleRate = Double(info.samplerate)
    channels = Int(info.channels)
    frameCount = info.frames
    formatName = Self.describe(format: info.format)
    var tags: [String: String] = [:]
    for (name, type) in Self.tagTypes {
      if let value = sf_get_string(file.handle, type) {
        let text = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { tags[name] = text }
      }
    }
    metadata = tags
  }

  /// Decodes up to `maxFrames` interleaved frames into `buffer`; 0 at the end (or a libsndfile error).
  private func decode(into buffer: UnsafeMutablePointer<Float>, maxFrames: Int) throws -> Int {
    switch backend {
    case .sndfile(let file): Int(max(0, sf_readf_float(file.handle, buffer, sf_count_t(maxFrames))))
    case .ffmpeg(let decoder): try decoder.read(into: buffer, maxFrames: maxFrames)
    }
  }

  /// Duration in seconds from the declared frame count (0 when an FFmpeg container does not say).
  public var durationSeconds: Double { Double(frameCount) / sampleRate }

  /// Reads up to `maxFrames` frames, interleaved (`channels` values per frame); empty at the end.
  ///
  /// - Throws: ``SoundError/unreadableAudio(path:reason:)`` when decoding fails or the file ends
  ///   well before the length its header declares (a truncated download or copy).
  public func readInterleaved(maxFrames: Int) throws -> [Float] {
    let got = try fill(maxFrames: maxFrames)
    return Array(interleaved[0..<(got * channels)])
  }

  /// Decodes up to `maxFrames` frames into `interleaved`, checked as the read methods promise;
  /// returns how many, 0 at the end.
  private func fill(maxFrames: Int) throws -> Int {
    precondition(maxFrames > 0, "maxFrames must be positive")
    let wanted = maxFrames * channels
    if interleaved.count < wanted { interleaved = [Float](repeating: 0, count: wanted) }
    let got = try interleaved.withUnsafeMutableBufferPointer { buffer in
      try decode(into: buffer.baseAddress!, maxFrames: maxFrames)
    }
    if got <= 0 {
      try checkEnd()
      return 0
    }
    if holdsFloats { try checkFinite(got * channels) }
    framesRead += Int64(got)
    return got
  }

  /// Reads up to `maxFrames` frames averaged over the channels to mono; empty at the end.
  ///
  /// - Throws: as ``readInterleaved(maxFrames:)``.
  public func readMono(maxFrames: Int) throws -> [Float] {
    let got = try fill(maxFrames: maxFrames)
    if got == 0 { return [] }
    if channels == 1 { return Array(interleaved[0..<got]) }
    let channelCount = channels
    let scale = 1 / Float(channelCount)
    return [Float](unsafeUninitializedCapacity: got) { mono, initialized in
      interleaved.withUnsafeBufferPointer { source in
        for frame in 0..<got {
          var sum: Float = 0
          let base = frame * channelCount
          for channel in 0..<channelCount { sum += source[base + channel] }
          mono[frame] = sum * scale
        }
      }
      initialized = got
    }
  }

  /// NaN or infinity is no sound at all: an exporter's bug. Every descriptor would be meaningless
  /// (or look like silence), so the file is refused with the time of the first bad sample.
  private func checkFinite(_ count: Int) throws {
    let bad = interleaved.withUnsafeBufferPointer { buffer in
      buffer[0..<count].firstIndex { !$0.isFinite }
    }
    guard let bad else { return }
    let seconds = (Double(framesRead) + Double(bad / channels)) / sampleRate
    let kind = interleaved[bad].isNaN ? "NaN (not a number)" : "infinite"
    throw SoundError.unreadableAudio(
      path: path,
      reason: String(
        format:
          "it holds %@ samples, first at %.3f s; the file is broken — export or render it again",
        kind, seconds))
  }

  /// At the end of the data: a decoder error, or far fewer frames than declared, means the file is damaged.
  private func checkEnd() throws {
    if case .sndfile(let file) = backend, file.hasError {
      throw SoundError.unreadableAudio(
        path: path, reason: "decoding failed (\(file.lastError)); the file may be damaged")
    }
    // Compressed formats estimate their length; allow a small shortfall before calling a file truncated.
    let tolerance = max(Int64(sampleRate / 10), frameCount / 100)
    if framesRead + tolerance < frameCount {
      let got = String(format: "%.1f", Double(framesRead) / sampleRate)
      let declared = String(format: "%.1f", durationSeconds)
      // A cut file ends on one partial packet; more that do not decode is damage inside the file.
      if case .ffmpeg(let decoder) = backend, decoder.rejectedPackets > 1 {
        throw SoundError.unreadableAudio(
          path: path,
          reason:
            "it is damaged (\(decoder.rejectedPackets) packets of its audio do not decode; it plays to \(got) s of a declared \(declared) s); re-export or re-copy it"
        )
      }
      throw SoundError.unreadableAudio(
        path: path,
        reason:
          "it is truncated (audio stops at \(got) s of a declared \(declared) s); re-export or re-copy it"
      )
    }
  }

  static let tagTypes: [(String, Int32)] = [
    ("title", Int32(SF_STR_TITLE)), ("artist", Int32(SF_STR_ARTIST)),
    ("album", Int32(SF_STR_ALBUM)),
    ("genre", Int32(SF_STR_GENRE)), ("date", Int32(SF_STR_DATE)),
    ("comment", Int32(SF_STR_COMMENT)),
  ]

  /// WAV and AIFF declare their data size up front; libsndfile quietly plays what is there when the file is
  /// shorter, but its log says `data : <declared> (should be <present>)`. Streaming writers that never went
  /// back to fill in the size leave 0 or 0xFFFFFFFF, which is not truncation.
  private static func truncatedChunk(in file: SoundFile) -> (declared: Int64, present: Int64)? {
    var log = [CChar](repeating: 0, count: 4096)
    let length = sf_command(file.handle, Int32(SFC_GET_LOG_INFO), &log, Int32(log.count))
    guard length > 0 else { return nil }
    let text = String(
      decoding: log.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    for line in text.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("data :") || trimmed.hasPrefix("SSND :"),
        trimmed.contains("(should be")
      else { continue }
      let numbers = trimmed.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
      guard numbers.count >= 2 else { continue }
      let declared = numbers[0]
      let present = numbers[1]
      if declared > present && declared != 0 && declared < 0xFFFF_FF00 {
        return (declared, present)
      }
    }
    return nil
  }

  /// libsndfile's reasons name its internals; say what it means for the user.
  private static func explain(_ reason: String) -> String {
    // The file was checked to be a readable regular file, so libsndfile's "does not exist or is not
    // a regular file" (what its MP3 decoder says about text named .mp3) means it is not audio.
    if reason.contains("unknown format") || reason.contains("not recognised")
      || reason.contains("unknown file format") || reason.contains("not a regular file")
    {
      return
        "not an audio file libsndfile understands (WAV, AIFF, FLAC, Ogg/Vorbis, Opus, MP3; M4A, WMA, WebM, APE and WavPack go through FFmpeg)"
    }
    return reason.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private static func describe(format: Int32) -> String {
    var major = SF_FORMAT_INFO()
    major.format = format & Int32(SF_FORMAT_TYPEMASK)
    var sub = SF_FORMAT_INFO()
    sub.format = format & Int32(SF_FORMAT_SUBMASK)
    let size = Int32(MemoryLayout<SF_FORMAT_INFO>.size)
    var parts: [String] = []
    if sf_command(nil, Int32(SFC_GET_FORMAT_INFO), &major, size) == 0, let name = major.name {
      parts.append(String(cString: name))
    }
    if sf_command(nil, Int32(SFC_GET_FORMAT_INFO), &sub, size) == 0, let name = sub.name {
      parts.append(String(cString: name))
    }
    return parts.isEmpty ? "audio" : parts.joined(separator: ", ")
  }
}

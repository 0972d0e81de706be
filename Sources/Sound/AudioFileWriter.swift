import CSndFile
import Foundation
import Theory

/// Streams interleaved float audio into a file through libsndfile, atomically.
///
/// Samples go to a hidden temporary file in the target folder; ``finish()`` closes it and renames it
/// over the target. If anything fails, or the writer is dropped without `finish()`, the temporary file
/// is removed, so the target is never left half written.
///
/// ```swift
/// let writer = try AudioFileWriter(path: "out.flac", sampleRate: 44100, channels: 2, bitDepth: .pcm24)
/// try writer.write(interleavedBlock)
/// try writer.finish()
/// ```
public final class AudioFileWriter {
  public let path: String
  public let sampleRate: Double
  public let channels: Int
  public let container: AudioContainer
  public let bitDepth: BitDepth
  /// Frames written so far.
  public private(set) var framesWritten: Int64 = 0
  /// Whether the file is written as RF64 (a `.wav` expected past 4 GiB).
  public var isRF64: Bool { !isRIFFLimited && container == .wav }

  /// The most audio data a RIFF WAV or an AIFF can describe (32-bit chunk sizes), less room for
  /// the header and tag chunks.
  static let defaultRIFFByteLimit: Int64 = 0xFFFF_FFFF - 64 * 1024
  /// ``defaultRIFFByteLimit`` unless a test lowers it to reach the limit with a small file.
  var riffByteLimit = AudioFileWriter.defaultRIFFByteLimit
  private let bytesPerFrame: Int64
  private let isRIFFLimited: Bool

  private let temporaryPath: String
  /// Our claim on the temporary file: an interrupt removes it, a later run's sweep leaves it alone.
  private let tracked: TemporaryFiles.Tracked
  private var file: SoundFile?

  /// Creates the temporary file and sets the format.
  ///
  /// - Parameters:
  ///   - path: target; the extension picks the container (`.wav`, `.flac`, `.aiff`, `.ogg`, `.opus`, `.mp3`).
  ///   - sampleRate: in Hz (8,000–192,000 for FLAC; libsndfile checks).
  ///   - channels: interleaved channels per frame.
  ///   - bitDepth: default `.pcm16`; FLAC takes 16 or 24 only.
  ///   - metadata: tags to store (`title`, `artist`, `album`, `genre`, `date`, `comment`) where the container allows.
  ///   - expectedFrames: how many frames the caller means to write, if known. A `.wav` expected to pass
  ///     the 4 GiB a RIFF header can describe is written as RF64 (the EBU's 64-bit WAV, which
  ///     libsndfile, ffmpeg, sox and DAWs read); without it, a RIFF WAV or AIFF refuses to grow past 4 GiB.
  /// - Throws: ``SoundError/unsupportedOutput(path:reason:)`` for an unknown extension or FLAC at 32-bit float;
  ///   `AtomicFile.Failure` when the folder is missing or not writable; ``SoundError/cannotWrite(path:reason:)``
  ///   when libsndfile refuses.
  public init(
    path: String, sampleRate: Double, channels: Int, bitDepth: BitDepth = .pcm16,
    metadata: [String: String] = [:], expectedFrames: Int64? = nil, compressionLevel: Double? = nil
  ) throws {
    guard let container = AudioContainer(path: path) else {
      throw SoundError.unsupportedOutput(
        path: path, reason: "unknown audio extension; use .wav, .flac, .aiff, .ogg, .opus or .mp3")
    }
    guard container.supports(bitDepth) else {
      throw SoundError.unsupportedOutput(
        path: path,
        reason:
          "FLAC stores 16- or 24-bit samples only; use --bit-depth 16 or 24, or write a .wav for 32f"
      )
    }
    precondition(channels > 0, "channels must be positive")
    self.path = path
    self.sampleRate = sampleRate
    self.channels = channels
    self.container = container
    self.bitDepth = bitDepth

    if let failure = AtomicFile.Failure.checkFolder(of: path) { throw failure }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    TemporaryFiles.sweepStale(in: folder)
    temporaryPath = TemporaryFiles.filePath(for: path)
    tracked = try TemporaryFiles.create(temporaryPath, for: path)

    var info = SF_INFO()
    info.samplerate = Int32(sampleRate.rounded())
    info.channels = Int32(channels)
    info.format = container.format(bitDepth)
    bytesPerFrame = Int64(channels * bitDepth.bytesPerSample)
    if container == .wav, let expectedFrames,
      expectedFrames * bytesPerFrame > Self.defaultRIFFByteLimit
    {
      info.format = (info.format & Int32(SF_FORMAT_SUBMASK)) | Int32(SF_FORMAT_RF64)
    }
    isRIFFLimited =
      (container == .wav || container == .aiff)
      && (info.format & Int32(SF_FORMAT_TYPEMASK)) != Int32(SF_FORMAT_RF64)
    guard sf_format_check(&info) != 0 else {
      unlink(temporaryPath)
      TemporaryFiles.release(tracked)
      throw SoundError.unsupportedOutput(
        path: path,
        reason: "\(container.rawValue) cannot hold \(channels) channels at \(Int(sampleRate)) Hz")
    }
    switch SoundFile.openForWriting(temporaryPath, info: info) {
    case .failure(let failure):
      let reason = failure.reason
      unlink(temporaryPath)
      TemporaryFiles.release(tracked)
      throw SoundError.cannotWrite(path: path, reason: reason)
    case .success(let file):
      self.file = file
    }
    // Integer formats: clip instead of wrapping round when a mix peaks above full scale.
    sf_command(file?.handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
    if var level = compressionLevel.map({ max(0, min(1, $0)) }) {
      sf_command(
        file?.handle, Int32(SFC_SET_COMPRESSION_LEVEL), &level, Int32(MemoryLayout<Double>.size))
    }
    for (name, type) in AudioFileReader.tagTypes {
      if let value = metadata[name], !value.isEmpty, let handle = file?.handle {
        sf_set_string(handle, type, value)
      }
    }
  }

  /// Frames passed to libsndfile per call.
  static let blockFrames = 8192

  /// Appends interleaved samples (`channels` values per frame, nominally −1…1).
  ///
  /// - Throws: ``SoundError/cannotWrite(path:reason:)`` (e.g. disk full); the temporary file is then removed.
  public func write(_ interleaved: [Float]) throws {
    guard let file else {
      throw SoundError.cannotWrite(path: path, reason: "the writer is already finished")
    }
    precondition(interleaved.count % channels == 0, "interleaved samples must be whole frames")
    let frames = interleaved.count / channels
    guard frames > 0 else { return }
    if isRIFFLimited, (framesWritten + Int64(frames)) * bytesPerFrame > riffByteLimit {
      discard()
      throw SoundError.cannotWrite(
        path: path,
        reason:
          "the audio would pass 4 GiB, more than a \(container == .wav ? "RIFF WAV" : "AIFF") can hold; write a .flac, or a .wav of known length (rendered WAVs switch to RF64)"
      )
    }
    errno = 0
    // In blocks: libvorbis (inside libsndfile's Ogg writer) sizes a stack buffer by the frames
    // handed to it at once, so a whole two-minute render in one call overflows the stack.
    let written = interleaved.withUnsafeBufferPointer { buffer -> Int in
      var done = 0
      while done < frames {
        let block = min(Self.blockFrames, frames - done)
        let n = Int(
          sf_writef_float(
            file.handle, buffer.baseAddress! + done * channels, sf_count_t(block)))
        done += n
        if n < block { break }
      }
      return done
    }
    guard written == frames else {
      // libsndfile's own text is often "Unspecified internal error"; the system's reason is clearer.
      let code = errno
      let reason = file.lastError
      discard()
      if code != 0 { throw AtomicFile.Failure.system(path: path, code: code) }
      throw SoundError.cannotWrite(path: path, reason: "\(reason); check free disk space")
    }
    framesWritten += Int64(frames)
  }

  /// Closes the file and renames it over ``path``.
  ///
  /// - Throws: ``SoundError/cannotWrite(path:reason:)``; the temporary file is then removed.
  public func finish() throws {
    guard let file else {
      throw SoundError.cannotWrite(path: path, reason: "the writer is already finished")
    }
    let closedCleanly = file.close()
    self.file = nil
    guard closedCleanly else {
      unlink(temporaryPath)
      TemporaryFiles.release(tracked)
      throw SoundError.cannotWrite(
        path: path, reason: "closing the file failed; check free disk space")
    }
    let renamed = TemporaryFiles.commit(tracked) {
      rename(temporaryPath, path) == 0 ? nil : errno
    }
    if let code = renamed {
      unlink(temporaryPath)
      throw AtomicFile.Failure.system(path: path, code: code)
    }
  }

  /// Abandons the file: closes and removes the temporary; the target is untouched.
  public func cancel() { discard() }

  private func discard() {
    if let file {
      _ = file.close()
      self.file = nil
      unlink(temporaryPath)
      TemporaryFiles.release(tracked)
    }
  }

  deinit { discard() }
}

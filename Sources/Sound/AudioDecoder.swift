/// Decode → downmix → resample, streaming: what analysis reads audio through.
///
/// Memory stays flat whatever the file's length: one block of the file and one block of output.
public enum AudioDecoder {
  /// Calls `body` with consecutive mono blocks of exactly `blockFrames` samples at `sampleRate`
  /// (the last block may be shorter); concatenated they are the whole file.
  ///
  /// ```swift
  /// let info = try AudioDecoder.forEachMonoBlock(path: "draft.mp3", sampleRate: 22050) { block in
  ///   stft.feed(block)
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - path: any file libsndfile reads (WAV, AIFF, FLAC, Ogg/Vorbis, Opus, MP3).
  ///   - sampleRate: the rate `body` receives, in Hz; when it equals the file's rate, no resampling happens.
  ///   - blockFrames: samples per block; default 65,536 (about 3 s at 22,050 Hz).
  /// - Returns: the file's original rate, channels, decoded duration and tags.
  /// - Throws: ``SoundError`` for a missing, empty, non-audio or truncated file; whatever `body` throws.
  @discardableResult
  public static func forEachMonoBlock(
    path: String, sampleRate: Double, blockFrames: Int = 65536,
    _ body: ([Float]) throws -> Void
  ) throws -> AudioFileInfo {
    precondition(blockFrames > 0, "blockFrames must be positive")
    let reader = try AudioFileReader(path: path)
    let resampler =
      reader.sampleRate == sampleRate
      ? nil : try SoxrResampler(from: reader.sampleRate, to: sampleRate)
    // Read the file in blocks of about the same duration as the output blocks.
    let readFrames = max(1024, Int(Double(blockFrames) * reader.sampleRate / sampleRate))
    var pending: [Float] = []
    pending.reserveCapacity(blockFrames * 2)
    var delivered = 0

    func emitFullBlocks() throws {
      var start = 0
      while pending.count - start >= blockFrames {
        try body(Array(pending[start..<(start + blockFrames)]))
        delivered += blockFrames
        start += blockFrames
      }
      if start > 0 { pending.removeFirst(start) }
    }

    while true {
      let block = try reader.readMono(maxFrames: readFrames)
      let atEnd = block.isEmpty
      if let resampler {
        pending.append(contentsOf: resampler.process(block, endOfInput: atEnd))
      } else {
        pending.append(contentsOf: block)
      }
      try emitFullBlocks()
      if atEnd { break }
    }
    if !pending.isEmpty {
      try body(pending)
      delivered += pending.count
    }
    return AudioFileInfo(
      path: path, originalSampleRate: reader.sampleRate, channels: reader.channels,
      durationSeconds: Double(reader.framesRead) / reader.sampleRate, decodedFrames: delivered,
      formatName: reader.formatName, metadata: reader.metadata)
  }
}

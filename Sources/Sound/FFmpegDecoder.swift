import CAVFormat
import Foundation

/// Streams the audio libsndfile does not read through FFmpeg (libavformat demuxes, libavcodec decodes,
/// libswresample interleaves to 32-bit float): AAC and ALAC in MP4/M4A, WMA, Matroska/WebM, Monkey's
/// Audio, WavPack. Users' own libraries are full of `.m4a` files; the rest of moodsketch reads them
/// through ``AudioFileReader`` like any other file.
///
/// It holds one decoded packet (a few thousand frames) beyond what the caller asked for.
final class FFmpegDecoder {
  /// Extensions read through FFmpeg rather than libsndfile (which reads WAV, AIFF, FLAC, Ogg, MP3 itself).
  static let extensions: Set<String> = [
    "m4a", "m4b", "mp4", "aac", "alac", "wma", "webm", "mka", "ape", "wv",
  ]

  /// Whether `path` is read through FFmpeg, by its extension.
  static func reads(_ path: String) -> Bool {
    extensions.contains((path as NSString).pathExtension.lowercased())
  }

  let sampleRate: Double
  let channels: Int
  /// Frames the container declares for the stream; 0 when it does not say.
  let declaredFrames: Int64
  /// `title`, `artist`, `album`, `genre`, `date`, `comment` where the file has them (MP4 atoms, ASF,
  /// Matroska and APE tags all come out of libavformat under these names).
  let metadata: [String: String]
  /// Container and codec as FFmpeg names them, e.g. "QuickTime / MOV, AAC (Advanced Audio Coding)".
  let formatName: String

  private let path: String
  private var format: UnsafeMutablePointer<AVFormatContext>?
  private var codec: UnsafeMutablePointer<AVCodecContext>?
  private var resampler: OpaquePointer?
  private var packet: UnsafeMutablePointer<AVPacket>?
  private var frame: UnsafeMutablePointer<AVFrame>?
  private let streamIndex: Int32
  private let inputSampleFormat: Int32
  /// Decoded interleaved samples not handed out yet.
  private var pending: [Float] = []
  private var sentEndOfInput = false
  private var finished = false
  /// Packets or frames the decoder refused: a damaged frame is skipped (as players do) unless nothing
  /// decodes; ``AudioFileReader`` names them when the file then ends short of its length.
  private(set) var rejectedPackets = 0
  /// Decoder errors in a row; a decoder that never recovers ends the file as damaged.
  private var failuresInARow = 0
  private var decodedFrames = 0

  /// Why FFmpeg's libraries could not be opened, or nil once they are. They are opened the first time
  /// a file needs them; FFmpeg logs to stderr by default, and its messages would land between
  /// moodsketch's own lines.
  private static let loadFailure: String? = {
    if let failure = moodsketch_ffmpeg_load() { return String(cString: failure) }
    ms_av_log_set_level(AV_LOG_QUIET)
    return nil
  }()

  /// - Throws: ``SoundError/unreadableAudio(path:reason:)`` when FFmpeg cannot open the file, it has no
  ///   audio stream, its codec is not available, or FFmpeg's libraries are not installed.
  init(path: String) throws {
    if let failure = Self.loadFailure {
      throw SoundError.unreadableAudio(
        path: path,
        reason:
          "\(failure); install FFmpeg's libraries (Scripts/install-deps.sh) or convert it to FLAC")
    }
    self.path = path
    var format: UnsafeMutablePointer<AVFormatContext>?
    let opened = ms_avformat_open_input(&format, path, nil, nil)
    guard opened >= 0, let format else {
      throw SoundError.unreadableAudio(
        path: path,
        reason:
          "FFmpeg cannot open it (\(Self.describe(opened))): it is damaged, cut short, or not audio"
      )
    }
    var failure: String?
    if ms_avformat_find_stream_info(format, nil) < 0 {
      failure = "its streams cannot be read; the file may be damaged"
    }
    var decoder: UnsafePointer<AVCodec>?
    let index =
      failure == nil ? ms_av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0) : -1
    if failure == nil, index < 0 {
      failure =
        index == moodsketch_averror_decoder_not_found()
        ? "its audio codec is not one this FFmpeg decodes" : "it holds no audio stream"
    }
    guard failure == nil, let decoder, let stream = format.pointee.streams[Int(index)] else {
      var opened: UnsafeMutablePointer<AVFormatContext>? = format
      Self.close(format: &opened)
      throw SoundError.unreadableAudio(path: path, reason: failure ?? "it holds no audio stream")
    }
    self.format = format
    streamIndex = index
    let context = ms_avcodec_alloc_context3(decoder)
    codec = context
    guard let context, ms_avcodec_parameters_to_context(context, stream.pointee.codecpar) >= 0,
      ms_avcodec_open2(context, decoder, nil) >= 0
    else {
      Self.close(format: &self.format)
      ms_avcodec_free_context(&codec)
      throw SoundError.unreadableAudio(
        path: path,
        reason: "its audio codec (\(String(cString: decoder.pointee.name))) cannot be opened")
    }
    let rate = context.pointee.sample_rate
    let channelCount = context.pointee.ch_layout.nb_channels
    guard rate > 0, channelCount > 0 else {
      Self.close(format: &self.format)
      ms_avcodec_free_context(&codec)
      throw SoundError.unreadableAudio(
        path: path, reason: "it declares no channels or no sample rate")
    }
    sampleRate = Double(rate)
    channels = Int(channelCount)
    inputSampleFormat = context.pointee.sample_fmt.rawValue
    declaredFrames = Self.declaredFrames(stream: stream, format: format, rate: Double(rate))
    metadata = Self.tags(format.pointee.metadata, stream.pointee.metadata)
    let container = format.pointee.iformat.map { String(cString: $0.pointee.long_name) } ?? "audio"
    formatName = "\(container), \(String(cString: decoder.pointee.long_name))"

    // The same layout out as in, interleaved float: the caller downmixes and resamples.
    var inLayout = AVChannelLayout()
    if context.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC {
      ms_av_channel_layout_default(&inLayout, channelCount)
    } else {
      ms_av_channel_layout_copy(&inLayout, &context.pointee.ch_layout)
    }
    var outLayout = AVChannelLayout()
    ms_av_channel_layout_copy(&outLayout, &inLayout)
    defer {
      ms_av_channel_layout_uninit(&inLayout)
      ms_av_channel_layout_uninit(&outLayout)
    }
    var swr: OpaquePointer?
    guard
      ms_swr_alloc_set_opts2(
        &swr, &outLayout, AV_SAMPLE_FMT_FLT, rate, &inLayout, context.pointee.sample_fmt, rate, 0,
        nil) >= 0, ms_swr_init(swr) >= 0
    else {
      ms_swr_free(&swr)
      Self.close(format: &self.format)
      ms_avcodec_free_context(&codec)
      throw SoundError.unreadableAudio(
        path: path, reason: "its sample format cannot be converted to float")
    }
    resampler = swr
    packet = ms_av_packet_alloc()
    frame = ms_av_frame_alloc()
  }

  deinit {
    ms_av_frame_free(&frame)
    ms_av_packet_free(&packet)
    ms_swr_free(&resampler)
    ms_avcodec_free_context(&codec)
    Self.close(format: &format)
  }

  /// Decodes up to `maxFrames` interleaved frames into `buffer`; 0 at the end.
  ///
  /// - Throws: ``SoundError/unreadableAudio(path:reason:)`` when no packet of the file decodes, or
  ///   the stream changes its sample rate or channels midway.
  func read(into buffer: UnsafeMutablePointer<Float>, maxFrames: Int) throws -> Int {
    let wanted = maxFrames * channels
    while pending.count < wanted, !finished { try decodeMore() }
    let count = min(wanted, pending.count)
    pending.withUnsafeBufferPointer { source in
      buffer.update(from: source.baseAddress!, count: count)
    }
    pending.removeFirst(count)
    return count / channels
  }

  /// One step of FFmpeg's send/receive loop: a decoded frame if there is one, else the next packet.
  private func decodeMore() throws {
    let received = ms_avcodec_receive_frame(codec, frame)
    if received == 0 {
      defer { ms_av_frame_unref(frame) }
      failuresInARow = 0
      try convert(frame!)
      return
    }
    if received == moodsketch_averror_eof() {
      finished = true
      if decodedFrames == 0 && rejectedPackets > 0 {
        throw SoundError.unreadableAudio(
          path: path,
          reason: "decoding failed (no packet of its audio decodes); the file is damaged")
      }
      return
    }
    guard received == moodsketch_averror_eagain() else {
      try reject(received)
      return
    }
    guard !sentEndOfInput else {
      finished = true
      return
    }
    // The end of the file, or a damaged container past which nothing can be demuxed: flush the
    // decoder either way; a file that stops early is then found short of its declared length.
    if ms_av_read_frame(format, packet) < 0 {
      ms_avcodec_send_packet(codec, nil)
      sentEndOfInput = true
      return
    }
    defer { ms_av_packet_unref(packet) }
    if packet!.pointee.stream_index == streamIndex {
      let sent = ms_avcodec_send_packet(codec, packet)
      if sent < 0 { try reject(sent) }
    }
  }

  /// A damaged packet or frame: skipped, as players do, unless the decoder keeps failing.
  private func reject(_ code: Int32) throws {
    rejectedPackets += 1
    failuresInARow += 1
    if failuresInARow > 100 {
      throw SoundError.unreadableAudio(
        path: path,
        reason:
          "decoding failed (\(Self.describe(code)), 100 packets in a row); the file is damaged")
    }
  }

  private func convert(_ frame: UnsafeMutablePointer<AVFrame>) throws {
    guard frame.pointee.sample_rate == Int32(sampleRate),
      frame.pointee.ch_layout.nb_channels == Int32(channels),
      frame.pointee.format == inputSampleFormat
    else {
      throw SoundError.unreadableAudio(
        path: path,
        reason:
          "its audio changes sample rate, channels or format midway; export it again as one stream")
    }
    let frames = Int(frame.pointee.nb_samples)
    guard frames > 0 else { return }
    let start = pending.count
    pending.append(contentsOf: repeatElement(0, count: frames * channels))
    let converted = pending.withUnsafeMutableBufferPointer { buffer -> Int32 in
      var out: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(buffer.baseAddress! + start)
        .assumingMemoryBound(to: UInt8.self)
      let input = UnsafeMutableRawPointer(frame.pointee.extended_data)!
        .assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
      return ms_swr_convert(resampler, &out, Int32(frames), input, Int32(frames))
    }
    guard converted >= 0 else {
      throw SoundError.unreadableAudio(
        path: path, reason: "decoding failed (\(Self.describe(converted))); the file may be damaged"
      )
    }
    pending.removeLast((frames - Int(converted)) * channels)
    decodedFrames += Int(converted)
  }

  private static func declaredFrames(
    stream: UnsafeMutablePointer<AVStream>, format: UnsafeMutablePointer<AVFormatContext>,
    rate: Double
  ) -> Int64 {
    // AV_NOPTS_VALUE (INT64_MIN) marks an unknown duration.
    let duration = stream.pointee.duration
    if duration != Int64.min, duration > 0 {
      return Int64(Double(duration) * av_q2d(stream.pointee.time_base) * rate)
    }
    if format.pointee.duration != Int64.min, format.pointee.duration > 0 {
      return Int64(Double(format.pointee.duration) / Double(AV_TIME_BASE) * rate)
    }
    return 0
  }

  /// The tags moodsketch keeps, from the stream (Matroska, Ogg in WebM) or else the container (MP4, ASF).
  private static func tags(_ dictionaries: OpaquePointer?...) -> [String: String] {
    var tags: [String: String] = [:]
    for name in ["title", "artist", "album", "genre", "date", "comment"] {
      for dictionary in dictionaries.reversed() {
        if let entry = ms_av_dict_get(dictionary, name, nil, 0), let value = entry.pointee.value {
          let text = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
          if !text.isEmpty {
            tags[name] = text
            break
          }
        }
      }
    }
    return tags
  }

  private static func describe(_ code: Int32) -> String {
    var text = [CChar](repeating: 0, count: 256)
    ms_av_strerror(code, &text, text.count)
    let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func close(format: inout UnsafeMutablePointer<AVFormatContext>?) {
    if format != nil { ms_avformat_close_input(&format) }
  }
}

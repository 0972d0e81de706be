import Foundation
import Sound

/// How an excerpt reaches the analyser: as cut, or degraded the way a user's copy of a track often is.
enum ExcerptVariant: String, CaseIterable, Sendable {
  /// A WAV at the track's own sample rate.
  case native
  /// Resampled to 22,050 Hz (libsoxr) and written as WAV.
  case resampled
  /// Ogg Vorbis at libsndfile's lowest quality (compression level 1, about 64 kbit/s stereo).
  case lowBitRate

  var fileExtension: String { self == .lowBitRate ? "ogg" : "wav" }
}

/// Cuts excerpts of real tracks through libsndfile, for the excerpt → own-track measurements.
enum Excerpts {
  /// Writes `seconds` of `path` starting at `start` seconds to `output`, in `variant`'s form.
  static func cut(
    _ path: String, start: Double, seconds: Double, variant: ExcerptVariant, to output: String
  ) throws {
    let reader = try AudioFileReader(path: path)
    let channels = reader.channels
    var skip = Int(start * reader.sampleRate)
    while skip > 0 {
      let block = try reader.readInterleaved(maxFrames: min(skip, 65536))
      if block.isEmpty { break }
      skip -= block.count / channels
    }
    var left = Int(seconds * reader.sampleRate)
    var samples: [Float] = []
    samples.reserveCapacity(left * channels)
    while left > 0 {
      let block = try reader.readInterleaved(maxFrames: min(left, 65536))
      if block.isEmpty { break }
      samples += block
      left -= block.count / channels
    }
    var rate = reader.sampleRate
    if variant == .resampled {
      let target = 22050.0
      let soxr = try SoxrResampler(from: rate, to: target, channels: channels)
      samples = soxr.process(samples, endOfInput: true)
      rate = target
    }
    let writer = try AudioFileWriter(
      path: output, sampleRate: rate, channels: channels,
      compressionLevel: variant == .lowBitRate ? 1 : nil)
    try writer.write(samples)
    try writer.finish()
  }

  /// Where an excerpt of `seconds` starts in a track of `duration` seconds: the middle, as a listener
  /// playing a track from a random place most often lands there.
  static func middleStart(duration: Double, seconds: Double) -> Double {
    max(0, duration / 2 - seconds / 2)
  }
}

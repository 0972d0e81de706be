import Foundation

/// Interleaved Float resampling (any channel count) through libsoxr at its default "HQ" quality (what librosa's `load` uses),
/// single-threaded, several times faster than libsamplerate's fastest sinc converter, which made up
/// over 40 % of an analysis.
///
/// libsoxr is loaded at run time (Debian `libsoxr0`) rather than linked, so a machine without it still
/// analyses: the initializer returns nil and ``Analyzer`` falls back to `Sound.Resampler` (libsamplerate).
final class SoxrResampler {
  private typealias Create =
    @convention(c) (
      Double, Double, UInt32, UnsafeMutablePointer<UnsafePointer<CChar>?>?, UnsafeRawPointer?,
      UnsafeRawPointer?,
      UnsafeRawPointer?
    ) -> OpaquePointer?
  private typealias Process =
    @convention(c) (
      OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?,
      Int,
      UnsafeMutablePointer<Int>?
    ) -> UnsafePointer<CChar>?
  private typealias Delete = @convention(c) (OpaquePointer?) -> Void

  private struct Library: @unchecked Sendable {
    var create: Create
    var process: Process
    var delete: Delete
  }

  /// The library's entry points, looked up once per process; nil when libsoxr is not installed.
  private static let library: Library? = {
    guard let handle = dlopen("libsoxr.so.0", RTLD_NOW) ?? dlopen("libsoxr.so", RTLD_NOW),
      let create = dlsym(handle, "soxr_create"), let process = dlsym(handle, "soxr_process"),
      let delete = dlsym(handle, "soxr_delete")
    else { return nil }
    return Library(
      create: unsafeBitCast(create, to: Create.self),
      process: unsafeBitCast(process, to: Process.self),
      delete: unsafeBitCast(delete, to: Delete.self))
  }()

  private let library: Library
  private let state: OpaquePointer
  private let ratio: Double
  let channels: Int
  private var output: [Float] = []

  /// A converter for interleaved frames of `channels` channels; nil when libsoxr is not installed.
  init?(from inputRate: Double, to outputRate: Double, channels: Int = 1) {
    guard let library = SoxrResampler.library else { return nil }
    var error: UnsafePointer<CChar>?
    // nil specs select the defaults: Float32 in and out, HQ quality, one thread.
    guard
      let state = library.create(inputRate, outputRate, UInt32(channels), &error, nil, nil, nil),
      error == nil
    else { return nil }
    self.library = library
    self.state = state
    self.channels = channels
    ratio = outputRate / inputRate
  }

  deinit { library.delete(state) }

  /// Converts the next block of interleaved frames; with `endOfInput` the filter's tail is flushed too.
  func process(_ input: [Float], endOfInput: Bool) -> [Float] {
    var result: [Float] = []
    let frames = input.count / channels
    let capacityFrames = Int(Double(frames) * ratio) + 1024
    if output.count < capacityFrames * channels {
      output = [Float](repeating: 0, count: capacityFrames * channels)
    }
    let outputFrames = output.count / channels
    var consumed = 0
    input.withUnsafeBufferPointer { source in
      while consumed < frames {
        var used = 0
        var produced = 0
        output.withUnsafeMutableBufferPointer { out in
          _ = library.process(
            state, source.baseAddress! + consumed * channels, frames - consumed, &used,
            out.baseAddress,
            outputFrames, &produced)
        }
        consumed += used
        result.append(contentsOf: output[0..<(produced * channels)])
        if used == 0, produced == 0 { break }
      }
    }
    if endOfInput {
      // A nil input asks soxr to flush what its filter still holds.
      while true {
        var produced = 0
        output.withUnsafeMutableBufferPointer { out in
          _ = library.process(state, nil, 0, nil, out.baseAddress, outputFrames, &produced)
        }
        if produced == 0 { break }
        result.append(contentsOf: output[0..<(produced * channels)])
      }
    }
    return result
  }
}

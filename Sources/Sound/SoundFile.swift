import CSndFile
import Foundation

/// The one Swift owner of a libsndfile handle (`SNDFILE*`); `deinit` closes it.
///
/// Reader and writer both hold one of these, so a handle can never be closed twice or leaked
/// when an error is thrown half-way through.
final class SoundFile {
  let handle: OpaquePointer
  /// libsndfile's reason for refusing to open a file.
  struct OpenFailure: Error {
    var reason: String
    /// libsndfile prefixes some reasons with "Error : ", which reads badly inside our own sentence.
    init(_ message: String) {
      var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
      if text.hasPrefix("Error : ") { text.removeFirst("Error : ".count) }
      reason = text
    }
  }
  var info: SF_INFO

  private init(handle: OpaquePointer, info: SF_INFO) {
    self.handle = handle
    self.info = info
  }

  /// Opens `path` for reading; on failure returns libsndfile's reason.
  static func openForReading(_ path: String) -> Result<SoundFile, SoundFile.OpenFailure> {
    var info = SF_INFO()
    // libmpg123 prints notes about files that are not MP3; our error says it in one line instead.
    let (opened, _) = CLibraryOutput.capturing { sf_open(path, Int32(SFM_READ), &info) }
    guard let handle = opened else {
      return .failure(OpenFailure(String(cString: sf_strerror(nil))))
    }
    return .success(SoundFile(handle: handle, info: info))
  }

  /// Opens `path` for writing with the format in `info`; on failure returns libsndfile's reason.
  static func openForWriting(_ path: String, info: SF_INFO) -> Result<
    SoundFile, SoundFile.OpenFailure
  > {
    var info = info
    guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
      return .failure(OpenFailure(String(cString: sf_strerror(nil))))
    }
    return .success(SoundFile(handle: handle, info: info))
  }

  /// libsndfile's description of the last error on this handle.
  var lastError: String { String(cString: sf_strerror(handle)) }
  var hasError: Bool { sf_error(handle) != 0 }

  /// Closes now (reporting a failed flush) instead of waiting for `deinit`.
  private var closed = false
  func close() -> Bool {
    guard !closed else { return true }
    closed = true
    return sf_close(handle) == 0
  }

  deinit {
    if !closed { sf_close(handle) }
  }
}

import Foundation

/// Keeps C libraries' own stderr chatter off the user's terminal.
///
/// libmpg123 (inside libsndfile) prints `Note: Illegal Audio-MPEG-Header …` when a file named `.mp3`
/// is not MP3, and libinstpatch (inside FluidSynth) prints a GLib `CRITICAL` line for a truncated
/// SoundFont. Neither offers a log hook we can reach through libsndfile or FluidSynth, so for the
/// few calls that do this (opening a file, loading a SoundFont) standard error's descriptor is
/// pointed at an unlinked temporary file and restored afterwards; the failure is then reported as
/// our one `moodsketch:` line instead. Lines we print ourselves from another thread in that window
/// (they start with `moodsketch:` or a carriage return) are passed through.
enum CLibraryOutput {
  private static let lock = NSLock()

  /// Runs `body` with the C libraries' stderr output captured; returns its result and what it printed.
  static func capturing<T>(_ body: () throws -> T) rethrows -> (value: T, text: String) {
    lock.lock()
    defer { lock.unlock() }
    fflush(nil)  // every C stream, stderr among them
    guard let sink = tmpfile() else { return (try body(), "") }
    defer { fclose(sink) }
    let saved = dup(STDERR_FILENO)
    guard saved >= 0, dup2(fileno(sink), STDERR_FILENO) >= 0 else {
      if saved >= 0 { close(saved) }
      return (try body(), "")
    }
    let value: T
    do {
      value = try body()
    } catch {
      restore(saved, passing: read(sink))
      throw error
    }
    let text = read(sink)
    restore(saved, passing: text)
    return (value, text)
  }

  private static func read(_ sink: UnsafeMutablePointer<FILE>) -> String {
    fflush(nil)  // every C stream, stderr among them
    rewind(sink)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buffer, 1, buffer.count, sink)
      if n <= 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func restore(_ saved: Int32, passing text: String) {
    dup2(saved, STDERR_FILENO)
    close(saved)
    let ours = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { $0.hasPrefix("moodsketch:") || $0.hasPrefix("\r") }
    if !ours.isEmpty {
      FileHandle.standardError.write(Data((ours.joined(separator: "\n") + "\n").utf8))
    }
  }
}

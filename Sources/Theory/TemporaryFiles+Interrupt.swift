import Dispatch
import Foundation

extension TemporaryFiles {
  /// Signals after which our unfinished files are removed, with the shell's exit status for each
  /// (128 + the signal number: 130 for Ctrl-C, 143 for `kill`, 129 for a closed terminal).
  static let interruptSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Installs the handlers once per process: on SIGINT, SIGTERM or SIGHUP every tracked temporary
  /// file and staging folder is deleted, one line says so on stderr, and the process exits with
  /// 128 + the signal number.
  ///
  /// The work runs on a dispatch queue, not inside the signal handler, so it may allocate and take
  /// locks; a rename in ``commit(_:_:)`` finishes before the cleanup starts.
  public static func removeOnInterrupt() {
    interruptSources.install()
  }

  static let interruptSources = InterruptSources()

  final class InterruptSources: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()

    func install() {
      lock.lock()
      defer { lock.unlock() }
      guard sources.isEmpty else { return }
      let queue = DispatchQueue(label: "moodsketch.interrupt")
      for number in TemporaryFiles.interruptSignals {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler { TemporaryFiles.interrupted(by: number) }
        source.resume()
        sources.append(source)
      }
    }
  }

  private static func interrupted(by number: Int32) -> Never {
    let removed = registry.removeAllAndHold()
    let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "SIGHUP"
    // "\r\e[K" first clears a progress line a terminal may be showing.
    let clear = isatty(STDERR_FILENO) == 1 ? "\r\u{1B}[K" : ""
    let note = removed > 0 ? "; removed the unfinished output" : ""
    FileHandle.standardError.write(Data("\(clear)moodsketch: interrupted (\(name))\(note)\n".utf8))
    _exit(128 + number)
  }
}

import Foundation
import Sound
import Theory

/// The output folder of a sketch: created when missing (its parent must exist), filled through a
/// hidden staging folder, and its sketch files replaced as one unit — either every new file appears
/// and every old one of ``fileNames`` is gone, or the folder is as it was.
///
/// Without the unit rule a `--no-render` sketch would leave an older `sketch.wav` beside the new
/// MIDI, and `references` would mix the new key and tempo with the old recording's mood.
struct SketchFolder {
  /// The files a sketch owns in its folder. A new sketch removes those it does not write.
  static let fileNames = [
    "sketch.mid", "sketch.musicxml", "sketch.svg", "sketch.wav", "sketch.json",
  ]

  let path: String
  /// The folder itself when this run created it: removed again if the sketch fails or is interrupted.
  private let createdTracking: TemporaryFiles.Tracked?

  /// Checks (and if needed creates) the folder, and that no sketch file's place is taken by a
  /// folder or a device, before anything is written.
  init(path: String) throws {
    self.path = path
    createdTracking = try OutputFolder.prepare(path, createParents: false).first
    for name in Self.fileNames {
      var existing = stat()
      guard lstat(finalPath(name), &existing) == 0 else { continue }
      let type = existing.st_mode & S_IFMT
      guard type == S_IFREG || type == S_IFLNK else {
        abandon()
        throw AtomicFile.Failure.cannotWrite(
          path: finalPath(name),
          reason:
            "\(type == S_IFDIR ? "a folder" : "something that is not a file") is in the way; remove or rename it"
        )
      }
    }
  }

  func finalPath(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  /// Lets `write` fill a staging folder, then swaps the new files in for the old ones; on error
  /// removes all traces and leaves the old files in place. Errors name the final paths, never the
  /// hidden staging folder.
  func commit(_ write: (_ staging: String) throws -> Void) throws {
    TemporaryFiles.sweepStale(in: path)
    let staging = TemporaryFiles.folderPath(named: "sketch", in: path)
    var tracked: TemporaryFiles.Tracked?
    do {
      tracked = try TemporaryFiles.createFolder(staging, for: finalPath(Self.fileNames[0]))
      try write(staging)
      try TemporaryFiles.uninterrupted { try swapIn(from: staging) }
    } catch {
      try? FileManager.default.removeItem(atPath: staging)
      if let tracked { TemporaryFiles.release(tracked) }
      abandon()
      throw relabel(error, staging: staging)
    }
    try? FileManager.default.removeItem(atPath: staging)
    if let tracked { TemporaryFiles.release(tracked) }
    OutputFolder.keep(createdTracking.map { [$0] } ?? [])
  }

  /// Moves the old sketch files aside into the staging folder, then the new ones into place; if a
  /// rename fails, undoes the ones done so far.
  private func swapIn(from staging: String) throws {
    let fm = FileManager.default
    let previous = staging + "/.previous"
    let new = try fm.contentsOfDirectory(atPath: staging).sorted()
    try fm.createDirectory(atPath: previous, withIntermediateDirectories: false)
    var movedAside: [String] = []
    var placed: [String] = []
    func undo() {
      for name in placed.reversed() { rename(finalPath(name), "\(staging)/\(name)") }
      for name in movedAside.reversed() { rename("\(previous)/\(name)", finalPath(name)) }
    }
    for name in Self.fileNames where fm.fileExists(atPath: finalPath(name)) {
      guard rename(finalPath(name), "\(previous)/\(name)") == 0 else {
        let code = errno
        undo()
        throw AtomicFile.Failure.system(path: finalPath(name), code: code)
      }
      movedAside.append(name)
    }
    for name in new {
      guard rename("\(staging)/\(name)", finalPath(name)) == 0 else {
        let code = errno
        undo()
        throw AtomicFile.Failure.system(path: finalPath(name), code: code)
      }
      placed.append(name)
    }
  }

  /// Removes the folder again if this run created it (it is empty by now), and stops tracking it.
  private func abandon() {
    OutputFolder.removeCreated(createdTracking.map { [$0] } ?? [])
  }

  /// The same error with the staging folder's paths replaced by the sketch folder's: the staging
  /// folder is gone by the time the user reads the message.
  private func relabel(_ error: Error, staging: String) -> Error {
    func fix(_ text: String) -> String {
      text.replacingOccurrences(of: staging + "/", with: path + "/")
        .replacingOccurrences(of: staging, with: path)
    }
    switch error {
    case AtomicFile.Failure.folderMissing(let p): return AtomicFile.Failure.folderMissing(fix(p))
    case AtomicFile.Failure.cannotWrite(let p, let reason):
      return AtomicFile.Failure.cannotWrite(path: fix(p), reason: fix(reason))
    case AtomicFile.Failure.system(let p, let code):
      return AtomicFile.Failure.system(path: fix(p), code: code)
    case SoundError.cannotWrite(let p, let reason):
      return SoundError.cannotWrite(path: fix(p), reason: fix(reason))
    case SoundError.unsupportedOutput(let p, let reason):
      return SoundError.unsupportedOutput(path: fix(p), reason: fix(reason))
    default: return error
    }
  }
}

import Foundation
import Theory

/// Reads and writes Standard MIDI Files (`.mid`) as ``Theory/Score`` values.
///
/// Reading accepts format 0, 1 and 2 (read like 1), running status, sysex and every meta event;
/// tempo, time signature, key signature and track names become the score's maps and names. Writing
/// produces format 1: a conductor track, then one named track per ``Theory/Track`` with its program,
/// controls and notes. The same score always gives the same bytes.
///
/// ```swift
/// let score = try MIDIFile.read(path: "song.mid")
/// try MIDIFile.write(score, to: "copy.mid")
/// ```
public enum MIDIFile {
  /// Reads a file from disk.
  ///
  /// - Parameter path: the `.mid` file (a RIFF `.rmi` wrapper is accepted too).
  /// - Throws: ``SMFError/missing(path:)`` when there is no such file, ``SMFError/notReadable(path:problem:)``
  ///   for a folder, a FIFO or device, or a file this user may not read, ``SMFError/unreadable(path:reason:)``,
  ///   and every error of ``decode(_:name:)``.
  public static func read(path: String) throws -> Score {
    try decode(bytes(path: path), name: path)
  }

  /// The bytes of a file, with the errors ``read(path:)`` documents for a missing or unreadable file.
  static func bytes(path: String) throws -> Data {
    switch InputFile.problem(at: path, allowEmpty: true) {
    case .missing?: throw SMFError.missing(path: path)
    case let problem?: throw SMFError.notReadable(path: path, problem: problem)
    case nil: break
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw SMFError.unreadable(path: path, reason: (error as NSError).localizedDescription)
    }
    return data
  }

  /// Decodes the bytes of a Standard MIDI File.
  ///
  /// Each track chunk becomes one ``Theory/Track`` per MIDI channel it plays on (a format 0 file is
  /// split by channel; names get a `(channel N)` suffix when a chunk is split). A track's `program`
  /// is the program sounding at its first note (0 when none is set); later program changes,
  /// controllers, pitch bend and pressure are kept in `controls`. Note-on with velocity 0 ends a
  /// note; overlapping notes of one pitch are paired first in, first out; a note never ended lasts
  /// to the end of its track. In a format 1 file, the name of a first track without notes is the
  /// score's `title`. System exclusive messages and other meta events are parsed and skipped, since a
  /// score has no place for them; markers are not read here (`chords` stays empty): ``readMarked(path:)``
  /// returns them, and ``MarkedScore/scoreWithMarkedChords`` turns chord-symbol markers into `chords`.
  ///
  /// - Parameters:
  ///   - data: the file's bytes.
  ///   - name: the file name or path used in error messages.
  /// - Throws: ``SMFError/empty(path:)``, ``SMFError/notMIDI(path:)``, ``SMFError/truncated(path:at:)``,
  ///   ``SMFError/smpteTiming(path:)`` or ``SMFError/malformed(path:reason:)``.
  public static func decode(_ data: Data, name: String) throws -> Score {
    ScoreBuilder.score(from: try ChunkParser.parse([UInt8](data), path: name))
  }

  /// Encodes a score as a Standard MIDI File.
  ///
  /// Format 1 (the default) writes a conductor track (title as its name, time signatures, key
  /// signatures, tempos, and chord symbols as marker events) and then one track per score track with
  /// its name, program change (omitted for drums on channel 9 unless a kit other than 0 is chosen),
  /// controls and notes. Format 0 merges all of it into one track. At one tick, note-offs come before
  /// note-ons so repeated notes retrigger. Values out of MIDI range are clamped (velocity to 1–127,
  /// channel to 0–15); notes whose pitch is outside 0–127 are left out. A church-mode key is written as
  /// the major or minor key on the same tonic, since a MIDI key signature knows only those two.
  ///
  /// - Parameters:
  ///   - score: what to write.
  ///   - format: 0 or 1; default 1. Any other value writes format 1.
  /// - Returns: the file's bytes; the same score always gives the same bytes.
  public static func encode(_ score: Score, format: Int = 1) -> Data {
    Data(ChunkSerializer.serialize(ScoreFlattener.chunks(for: score, format: format == 0 ? 0 : 1)))
  }

  /// Writes a score to disk as a Standard MIDI File (see ``encode(_:format:)``), atomically: a failure
  /// never leaves a half-written file, and an existing file is replaced only when the new one is complete.
  ///
  /// - Parameters:
  ///   - score: what to write.
  ///   - path: the `.mid` file to create or replace; its folder must exist.
  ///   - format: 0 or 1; default 1.
  /// - Throws: `AtomicFile.Failure` when the folder is missing or not writable.
  public static func write(_ score: Score, to path: String, format: Int = 1) throws {
    try AtomicFile.write(encode(score, format: format), to: path)
  }
}

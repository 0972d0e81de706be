import Foundation
import Theory

/// The licensed training data read from disk: POP909 (MIT) chords and melodies, and the McGill
/// Billboard chord annotations (CC0). No other data set may feed the shipped model
/// (see ../shared/data/README.md).
public struct TrainingCorpus: Sendable {
  public var chordSongs: [ChordSong]
  /// One melody per POP909 song whose MIDI could be read.
  public var melodies: [[MelodyNote]]
  public var pop909Songs: Int
  public var billboardFiles: Int
  /// Song folders skipped, with the reason (missing annotation, unreadable MIDI).
  public var skipped: [String]

  /// Reads `data/pop909/POP909/NNN/` and `data/mcgill_billboard/billboard-2.0-salami_chords/NNNN/`.
  ///
  /// - Parameters:
  ///   - data: the shared data folder (`../shared/data`).
  ///   - readMIDI: reads a MIDI file into a ``Score`` (the caller's SMF reader; Compose does not parse MIDI).
  ///   - progress: called with a short status now and then (for a terminal).
  /// - Throws: ``ComposeError/noTrainingData(_:)`` when neither data set is there.
  public static func load(
    data: String, readMIDI: (String) throws -> Score, progress: ((String) -> Void)? = nil
  ) throws -> TrainingCorpus {
    let fm = FileManager.default
    let popFolder = "\(data)/pop909/POP909"
    let billboardFolder = "\(data)/mcgill_billboard/billboard-2.0-salami_chords"
    guard fm.fileExists(atPath: popFolder) || fm.fileExists(atPath: billboardFolder) else {
      throw ComposeError.noTrainingData(data)
    }
    var corpus = TrainingCorpus(
      chordSongs: [], melodies: [], pop909Songs: 0, billboardFiles: 0, skipped: [])
    let songFolders = ((try? fm.contentsOfDirectory(atPath: popFolder)) ?? [])
      .filter { $0.allSatisfy(\.isNumber) }.sorted()
    for (i, id) in songFolders.enumerated() {
      let folder = "\(popFolder)/\(id)"
      guard let song = Pop909Song.read(folder: folder, id: id) else {
        corpus.skipped.append("pop909/\(id): missing annotations")
        continue
      }
      corpus.pop909Songs += 1
      corpus.chordSongs += song.chordSongs()
      do {
        let score = try readMIDI("\(folder)/\(id).mid")
        corpus.melodies.append(song.melodyNotes(from: score))
      } catch {
        corpus.skipped.append("pop909/\(id): \(error)")
      }
      if i % 100 == 99 { progress?("POP909: \(i + 1)/\(songFolders.count) songs") }
    }
    let billboard = (try? BillboardReader.songs(inFolder: billboardFolder)) ?? []
    corpus.billboardFiles = Set(billboard.map { $0.id.split(separator: "#").first ?? "" }).count
    corpus.chordSongs += billboard
    return corpus
  }
}

import Foundation
import Theory

/// The Groove MIDI Dataset read from disk (`../shared/data/groove_midi`, CC BY 4.0): its 4/4 takes as
/// ``DrumPerformance`` values, with genre and beat-or-fill from `info.csv`.
public enum GrooveCorpus {
  /// The folder inside the shared data folder.
  public static let folderName = "groove_midi"
  /// The credit GMD's SOURCE.md asks for, stored in the table it feeds.
  public static let credit =
    "Groove MIDI Dataset v1.0.0 (Gillick, Roberts, Engel, Eck, Bamman: \"Learning to Groove with "
    + "Inverse Sequence Transformations\", ICML 2019), Magenta/Google, CC BY 4.0"

  /// Reads every 4/4 take listed in `data/groove_midi/info.csv`.
  ///
  /// - Parameters:
  ///   - data: the shared data folder (`../shared/data`).
  ///   - genres: when given, only takes of these genres are read (tests use a few).
  ///   - readMIDI: reads a MIDI file into a ``Score`` (the caller's SMF reader).
  /// - Returns: the takes, and the files that could not be read with the reason.
  /// - Throws: ``ComposeError/noTrainingData(_:)`` when `info.csv` is not there.
  public static func load(
    data: String, genres: Set<String>? = nil, readMIDI: (String) throws -> Score
  ) throws -> (performances: [DrumPerformance], skipped: [String]) {
    let folder = "\(data)/\(folderName)"
    guard let text = try? String(contentsOfFile: "\(folder)/info.csv", encoding: .utf8) else {
      throw ComposeError.noTrainingData(folder)
    }
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { throw ComposeError.noTrainingData(folder) }
    let header = lines.removeFirst().split(separator: ",").map(String.init)
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    guard let styleColumn = column("style"), let bpmColumn = column("bpm"),
      let typeColumn = column("beat_type"), let meterColumn = column("time_signature"),
      let fileColumn = column("midi_filename")
    else { throw ComposeError.noTrainingData("\(folder)/info.csv (unexpected columns)") }
    var performances: [DrumPerformance] = []
    var skipped: [String] = []
    for line in lines {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == header.count, fields[meterColumn] == "4-4" else { continue }
      let genre = String(fields[styleColumn].split(separator: "/").first ?? "")
      if let genres, !genres.contains(genre) { continue }
      let file = fields[fileColumn]
      do {
        let score = try readMIDI("\(folder)/\(file)")
        let hits = score.tracks.flatMap(\.notes).map {
          (tick: $0.start, key: $0.pitch.midi, velocity: $0.velocity)
        }
        .sorted { ($0.tick, $0.key) < ($1.tick, $1.key) }
        performances.append(
          DrumPerformance(
            genre: genre, isFill: fields[typeColumn] == "fill",
            bpm: Double(fields[bpmColumn]) ?? score.initialTempo,
            ticksPerQuarter: score.ticksPerQuarter, hits: hits, name: file))
      } catch {
        skipped.append("\(file): \(error)")
      }
    }
    return (performances, skipped)
  }
}

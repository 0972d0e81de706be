import Foundation
import Theory

/// Reads McGill Billboard `salami_chords.txt` files (CC0): `# tonic:` and `# metre:` headers, then
/// timed lines with bar-delimited Harte chords such as `| A:min | A:min C:maj | F:maj . G:maj . | x2`.
///
/// Within a bar the slots share its length equally and `.` repeats the previous chord for one slot;
/// `xN` repeats the line's bars; `(2/4)` at the start of a bar changes that bar's length; `N`, `X` and
/// `silence` end a run of harmony. The source gives only the tonic, so the mode of each tonic
/// section is inferred from its chords (``ChordSong/inferMode(tonic:chords:)``).
public enum BillboardReader {
  /// One ``ChordSong`` per tonic section of the file (most songs have one).
  public static func songs(fromText text: String, id: String) -> [ChordSong] {
    var songs: [ChordSong] = []
    var tonic: NoteClass?
    var quartersPerBar = 4.0
    // Chords of the current tonic section, with nil marking a break in the harmony.
    var section: [(chord: Chord, beats: Double)?] = []

    func closeSection() {
      defer { section = [] }
      guard let tonic else { return }
      let mode = ChordSong.inferMode(tonic: tonic.pitchClass, chords: section.compactMap { $0 })
      let key = Key(tonic, mode)
      var runs: [[ChordEvent]] = [[]]
      for item in section {
        guard let (chord, beats) = item, let (token, colour) = ChordToken.token(for: chord, in: key)
        else {
          runs.append([])
          continue
        }
        ChordSong.append(
          ChordEvent(token: token, colour: colour, beats: beats), to: &runs[runs.count - 1])
      }
      songs.append(ChordSong(id: "\(id)#\(songs.count + 1)", mode: mode, runs: runs))
    }

    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("#") {
        let parts = line.dropFirst().split(separator: ":", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 2 else { continue }
        if parts[0] == "tonic" {
          closeSection()
          tonic = NoteClass(parts[1])
        } else if parts[0] == "metre", let meter = Meter(parsing: parts[1]) {
          quartersPerBar = meter.quarterNotesPerBar
        }
        continue
      }
      guard let first = line.firstIndex(of: "|"), let last = line.lastIndex(of: "|"), first < last
      else {
        // "silence", "end" and other bar-less lines break the harmony.
        section.append(nil)
        continue
      }
      let bars = line[line.index(after: first)..<last].split(separator: "|")
      var repeats = 1
      let tail = line[line.index(after: last)...]
      if let match = tail.firstMatch(of: /x(\d+)/), let n = Int(match.1) { repeats = min(n, 16) }
      var lineItems: [(chord: Chord, beats: Double)?] = []
      for bar in bars {
        var slots = bar.split(separator: " ").map(String.init)
        var barQuarters = quartersPerBar
        if let first = slots.first, first.hasPrefix("(") {
          if let meter = Meter(parsing: String(first.dropFirst().dropLast())) {
            barQuarters = meter.quarterNotesPerBar
          }
          slots.removeFirst()
        }
        guard !slots.isEmpty else { continue }
        let each = barQuarters / Double(slots.count)
        var previous: Chord?
        for slot in slots {
          if slot == "." {
            if let p = previous { lineItems.append((p, each)) }
            continue
          }
          if let chord = Chord(harte: slot) {
            previous = chord
            lineItems.append((chord, each))
          } else {
            previous = nil
            lineItems.append(nil)
          }
        }
      }
      for _ in 0..<repeats { section.append(contentsOf: lineItems) }
    }
    closeSection()
    return songs
  }

  /// Reads every `*/salami_chords.txt` under `folder` (the data set's `billboard-2.0-salami_chords`),
  /// in sorted order so training is deterministic.
  public static func songs(inFolder folder: String) throws -> [ChordSong] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    var songs: [ChordSong] = []
    for name in names {
      let path = "\(folder)/\(name)/salami_chords.txt"
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
      songs += Self.songs(fromText: text, id: "billboard/\(name)")
    }
    return songs
  }
}

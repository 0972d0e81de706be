import Foundation
import Theory

/// The text annotations of one POP909 song (MIT): `chord_midi.txt` (`start end Harte-label`, seconds),
/// `key_audio.txt` (`start end key`) and `beat_midi.txt` (`time isHalfBar isDownbeat`).
///
/// Times are in seconds of the song's MIDI file, so melody notes read from it can be placed on
/// beats and bars and matched with the chord sounding under them.
public struct Pop909Song: Sendable, Hashable {
  public struct TimedChord: Sendable, Hashable {
    public var start: Double
    public var end: Double
    /// nil for `N` (no chord).
    public var chord: Chord?
  }
  public struct TimedKey: Sendable, Hashable {
    public var start: Double
    public var end: Double
    public var key: Key
  }

  public var id: String
  public var chords: [TimedChord]
  public var keys: [TimedKey]
  /// Beat times in seconds, ascending.
  public var beats: [Double]
  /// Indices into ``beats`` of the bar downbeats.
  public var downbeatIndices: [Int]

  public init(
    id: String, chords: [TimedChord], keys: [TimedKey], beats: [Double], downbeatIndices: [Int]
  ) {
    self.id = id
    self.chords = chords
    self.keys = keys
    self.beats = beats
    self.downbeatIndices = downbeatIndices
  }

  /// Parses the three annotation texts.
  public init(id: String, chordText: String, keyText: String, beatText: String) {
    func rows(_ text: String) -> [[Substring]] {
      text.split(whereSeparator: \.isNewline).map {
        $0.split(whereSeparator: { $0 == " " || $0 == "\t" })
      }
    }
    var chords: [TimedChord] = []
    for row in rows(chordText) where row.count >= 3 {
      guard let s = Double(row[0]), let e = Double(row[1]) else { continue }
      chords.append(TimedChord(start: s, end: e, chord: Chord(harte: String(row[2]))))
    }
    var keys: [TimedKey] = []
    for row in rows(keyText) where row.count >= 3 {
      guard let s = Double(row[0]), let e = Double(row[1]), let key = Key(parsing: String(row[2]))
      else { continue }
      keys.append(TimedKey(start: s, end: e, key: Key(key.tonic, key.mode.parallelMajorMinor)))
    }
    var beats: [Double] = []
    var downbeats: [Int] = []
    for row in rows(beatText) where row.count >= 1 {
      guard let t = Double(row[0]) else { continue }
      if row.count >= 3, Double(row[2]) == 1 { downbeats.append(beats.count) }
      beats.append(t)
    }
    self.init(id: id, chords: chords, keys: keys, beats: beats, downbeatIndices: downbeats)
  }

  /// Reads `folder/{chord_midi,key_audio,beat_midi}.txt`; nil when one is missing.
  public static func read(folder: String, id: String) -> Pop909Song? {
    func text(_ name: String) -> String? {
      try? String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
    }
    guard let c = text("chord_midi.txt"), let k = text("key_audio.txt"),
      let b = text("beat_midi.txt")
    else {
      return nil
    }
    return Pop909Song(id: id, chordText: c, keyText: k, beatText: b)
  }

  /// The key sounding at a time (the nearest segment when the time falls outside all of them).
  public func key(at time: Double) -> Key? {
    if let k = keys.first(where: { $0.start <= time && time < $0.end }) { return k.key }
    return keys.min(by: { abs($0.start - time) < abs($1.start - time) })?.key
  }

  /// The chord sounding at a time, if any.
  public func chord(at time: Double) -> Chord? {
    var lo = 0
    var hi = chords.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      if chords[mid].end <= time {
        lo = mid + 1
      } else if chords[mid].start > time {
        hi = mid - 1
      } else {
        return chords[mid].chord
      }
    }
    return nil
  }

  /// Position in beats (fractional) of a time, interpolating between annotated beats and
  /// extrapolating with the nearest beat length outside them.
  public func beatPosition(at time: Double) -> Double {
    guard beats.count >= 2 else { return time * 2 }
    if time <= beats[0] { return (time - beats[0]) / (beats[1] - beats[0]) }
    if time >= beats[beats.count - 1] {
      let n = beats.count
      return Double(n - 1) + (time - beats[n - 1]) / (beats[n - 1] - beats[n - 2])
    }
    var lo = 0
    var hi = beats.count - 1
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if beats[mid] <= time { lo = mid } else { hi = mid }
    }
    return Double(lo) + (time - beats[lo]) / (beats[hi] - beats[lo])
  }

  /// The harmony as the chord model learns it, split where the key changes or `N` interrupts;
  /// one ``ChordSong`` per mode that the song visits (most have one).
  public func chordSongs() -> [ChordSong] {
    var runs: [(mode: Mode, events: [ChordEvent])] = []
    var runKey: Key?
    var broken = true
    for item in chords {
      let mid = (item.start + item.end) / 2
      guard let chord = item.chord, let key = key(at: mid),
        let (token, colour) = ChordToken.token(for: chord, in: key)
      else {
        broken = true
        continue
      }
      if broken || key != runKey {
        runs.append((key.mode, []))
        runKey = key
        broken = false
      }
      let beats = beatPosition(at: item.end) - beatPosition(at: item.start)
      ChordSong.append(
        ChordEvent(token: token, colour: colour, beats: beats), to: &runs[runs.count - 1].events)
    }
    return [Mode.major, .minor].compactMap { mode in
      let mine = runs.filter { $0.mode == mode }.map(\.events)
      return mine.isEmpty ? nil : ChordSong(id: "pop909/\(id)", mode: mode, runs: mine)
    }
  }
}

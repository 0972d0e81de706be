import Theory

/// One chord of a training song: its key-relative token, its colour and how long it lasts.
public struct ChordEvent: Sendable, Hashable, Codable {
  /// Triad-level Roman numeral (`I`, `bVII`, `V/ii`).
  public var token: String
  /// The full quality as played (`dominant7` for a `V7`).
  public var colour: ChordQuality
  /// Length in beats.
  public var beats: Double

  public init(token: String, colour: ChordQuality, beats: Double) {
    self.token = token
    self.colour = colour
    self.beats = beats
  }
}

/// A song's harmony as the chord model learns it: runs of chord changes in a major or minor key.
///
/// A song splits into several runs where the harmony stops (`N`, silence) or the key changes.
/// Consecutive chords with the same token are merged: the model learns *changes*, and their
/// durations feed the harmonic-rhythm statistics.
public struct ChordSong: Sendable, Hashable, Codable {
  public var id: String
  /// `.major` or `.minor`.
  public var mode: Mode
  public var runs: [[ChordEvent]]

  public init(id: String, mode: Mode, runs: [[ChordEvent]]) {
    self.id = id
    self.mode = mode
    self.runs = runs.filter { !$0.isEmpty }
  }

  /// Number of chord changes.
  public var tokenCount: Int { runs.reduce(0) { $0 + $1.count } }

  /// Appends a chord to a run, merging it into the previous chord when the token repeats.
  static func append(_ event: ChordEvent, to run: inout [ChordEvent]) {
    if let last = run.last, last.token == event.token {
      run[run.count - 1].beats += event.beats
      // Keep the richer colour: a bar of C then Cmaj7 is heard as one Cmaj7.
      if ChordToken.isSeventh(event.colour) { run[run.count - 1].colour = event.colour }
    } else {
      run.append(event)
    }
  }

  /// Major or minor for a stretch of harmony given only its tonic (the McGill Billboard set):
  /// minor when chords on the tonic with a minor third outweigh those with a major third, by duration.
  static func inferMode(tonic: Int, chords: [(chord: Chord, beats: Double)]) -> Mode {
    var major = 0.0
    var minor = 0.0
    for (chord, beats) in chords where chord.root.pitchClass == tonic {
      if chord.quality.intervals.contains(3), !chord.quality.intervals.contains(4) {
        minor += beats
      }
      if chord.quality.intervals.contains(4) { major += beats }
    }
    return minor > major ? .minor : .major
  }
}

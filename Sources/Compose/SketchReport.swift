import Affect
import Foundation
import Theory

/// What a sketch is, in musicians' terms: the facts `moodsketch sketch` saves as `sketch.json` and
/// prints for people (the progression bar by bar with numerals, the melody as note names).
public struct SketchReport: Sendable, Hashable, Codable {
  public struct Bar: Sendable, Hashable, Codable {
    /// 1-based bar number.
    public var bar: Int
    public var chords: [ChordEntry]
    /// Melody note names in the key's spelling (`C#5`), in order.
    public var melody: [String]
  }
  public struct ChordEntry: Sendable, Hashable, Codable {
    public var symbol: String
    public var roman: String
    /// Beat in the bar where the chord starts (1-based, in felt beats).
    public var beat: Double
  }
  public struct MelodyNote: Sendable, Hashable, Codable {
    public var name: String
    public var midi: Int
    /// Start and length in beats (quarter notes) from the beginning.
    public var startBeats: Double
    public var lengthBeats: Double
    public var velocity: Int
  }
  public struct Instrument: Sendable, Hashable, Codable {
    public var part: String
    public var program: Int
    public var channel: Int
  }

  public var prompt: String
  public var seed: UInt64
  public var mood: Mood
  public var key: String
  public var mode: String
  public var tempoBPM: Double
  public var meter: String
  public var bars: Int
  public var style: String
  public var instruments: [Instrument]
  public var progression: [Bar]
  public var melody: [MelodyNote]
  public var reasons: [String]
  /// Files written, by kind ("midi", "wav", "json").
  public var files: [String: String]
  public var durationSeconds: Double
  /// The song's sections, for a sketch written with a song form (`--form`, or a mood journey).
  public var sections: [SongSketch.Section]?
  /// Set when this sketch is a variation of another (`moodsketch vary`): what was rewritten.
  public var variation: Variation?

  /// One part of an earlier sketch rewritten, every other track kept note for note.
  public struct Variation: Sendable, Hashable, Codable {
    /// The part rewritten: melody, chords, bass or drums.
    public var part: String
    /// The variation's seed (`--seed`), and which of `--count` alternatives this is (1-based).
    public var seed: UInt64
    public var index: Int
    /// The folder the original sketch was read from, and the tracks kept from it unchanged.
    public var source: String
    public var kept: [String]

    public init(part: String, seed: UInt64, index: Int, source: String, kept: [String]) {
      self.part = part
      self.seed = seed
      self.index = index
      self.source = source
      self.kept = kept
    }
  }

  /// The report for a composed score.
  public init(
    prompt: String, seed: UInt64, mood: Mood, plan: Plan, score: Score,
    files: [String: String] = [:]
  ) {
    self.prompt = prompt
    self.seed = seed
    self.mood = mood
    self.key = plan.key.description
    self.mode = plan.key.mode.rawValue
    self.tempoBPM = plan.tempoBPM
    self.meter = plan.meter.description
    self.bars = plan.bars
    self.style = plan.style.rawValue
    self.instruments = score.tracks.map {
      Instrument(part: $0.name, program: $0.program, channel: $0.channel)
    }
    self.reasons = plan.reasons
    self.files = files
    self.durationSeconds = score.durationSeconds
    let tpq = Double(score.ticksPerQuarter)
    let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter)
    let beatTicks = plan.meter.ticksPerBeat(ticksPerQuarter: score.ticksPerQuarter)
    let melodyNotes = score.tracks.first { $0.name == "Melody" }?.notes ?? []
    self.melody = melodyNotes.map {
      MelodyNote(
        name: Self.spell($0.pitch, in: plan.key), midi: $0.pitch.midi,
        startBeats: Double($0.start) / tpq,
        lengthBeats: Double($0.duration) / tpq, velocity: $0.velocity)
    }
    self.progression = (0..<max(1, plan.bars)).map { bar in
      let range = (bar * barTicks)..<((bar + 1) * barTicks)
      let chords = score.chords.filter { range.contains($0.start) }.map {
        ChordEntry(
          symbol: $0.chord.symbol, roman: $0.roman.description,
          beat: 1 + Double($0.start - bar * barTicks) / Double(beatTicks))
      }
      let names = melodyNotes.filter { range.contains($0.start) }.map {
        Self.spell($0.pitch, in: plan.key)
      }
      return Bar(bar: bar + 1, chords: chords, melody: names)
    }
  }

  /// A note name as a musician reads it in the key.
  ///
  /// Scale tones and the leading tone come from ``Key/spell(pitchClass:)`` (so F♯ minor's leading tone
  /// is E♯, not F). Other chromatic notes are read as an altered scale degree, by the chord they
  /// usually come from: flats for the minor-mode colours in major (♭2, ♭3, ♭6, ♭7: B♭ over a borrowed
  /// ♭VII in C), sharps for the raised degrees (♯4 in major; the major third and ♯6 in minor). The
  /// octave follows the letter (B♯3 sounds as C4).
  static func spell(_ pitch: Pitch, in key: Key) -> String {
    let pc = pitch.pitchClass
    let offset = (pc - key.tonic.pitchClass + 12) % 12
    let intervals = key.mode.intervals
    var name = key.spell(pitchClass: pc)
    if !intervals.contains(offset), offset != 11 {
      let sharp = key.mode.hasMinorThird ? [4, 9].contains(offset) : offset == 6
      let below = intervals.firstIndex(of: (offset + 11) % 12)
      let above = intervals.firstIndex(of: (offset + 1) % 12)
      if let degree = sharp ? (below ?? above) : (above ?? below) {
        let letter = NoteClass.Letter.allCases[(key.tonic.letter.rawValue + degree) % 7]
        var accidental = pc - letter.naturalPitchClass
        if accidental > 6 { accidental -= 12 }
        if accidental < -6 { accidental += 12 }
        if (-2...2).contains(accidental) { name = NoteClass(letter, accidental: accidental) }
      }
    }
    var octave = pitch.octave
    if name.letter == .B, name.accidental > 0, pc < 3 { octave -= 1 }
    if name.letter == .C, name.accidental < 0, pc > 8 { octave += 1 }
    return "\(name)\(octave)"
  }

  /// The progression as a chord chart, four bars a line, numerals under the symbols:
  ///
  ///     | Am7      | Fmaj7    | C        | G        |
  ///     | i7       | VImaj7   | III      | VII      |
  public var chart: String {
    var lines: [String] = []
    for start in stride(from: 0, to: progression.count, by: 4) {
      let bars = progression[start..<min(progression.count, start + 4)]
      // A bar that keeps the previous chord shows the repeat sign, as on a lead sheet.
      let symbols = bars.map {
        $0.chords.isEmpty ? "%" : $0.chords.map(\.symbol).joined(separator: " ")
      }
      let numerals = bars.map {
        $0.chords.isEmpty ? "" : $0.chords.map(\.roman).joined(separator: " ")
      }
      let widths = zip(symbols, numerals).map { max(8, $0.count, $1.count) }
      func pad(_ s: String, _ w: Int) -> String {
        s + String(repeating: " ", count: max(0, w - s.count))
      }
      lines.append("| " + zip(symbols, widths).map { pad($0, $1) }.joined(separator: " | ") + " |")
      lines.append("| " + zip(numerals, widths).map { pad($0, $1) }.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }

  /// Any part, one line per bar: note names in the key (drums: the number of hits).
  public static func partLines(_ track: Track, plan: Plan, ticksPerQuarter: Int) -> String {
    let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter)
    return (0..<max(1, plan.bars)).map { bar in
      let notes = track.notes.filter { $0.start / barTicks == bar }
      let text =
        notes.isEmpty
        ? "(rest)"
        : track.isDrums
          ? "\(notes.count) hits"
          : notes.map { spell($0.pitch, in: plan.key) }.joined(separator: " ")
      return "bar \(bar + 1): \(text)"
    }
    .joined(separator: "\n")
  }

  /// The melody, one line per bar: `bar 1: E5 D5 C5 A4`.
  public var melodyLines: String {
    progression.map {
      "bar \($0.bar): " + ($0.melody.isEmpty ? "(rest)" : $0.melody.joined(separator: " "))
    }
    .joined(separator: "\n")
  }
}

/// Seeds derived from text, stable across runs and machines (Swift's `hashValue` is randomised per process).
public enum SketchSeed {
  /// FNV-1a (64-bit) of the prompt's UTF-8 bytes, after trimming and lower-casing, so the same
  /// prompt always gives the same sketch.
  public static func fromPrompt(_ prompt: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in prompt.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }
}

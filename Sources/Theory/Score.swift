/// The symbolic sketch: what a Standard MIDI File holds, in musical terms.
///
/// Times are in ticks at ``ticksPerQuarter``. A score made by `Compose` also carries
/// its harmony (``chords``); a score read from any MIDI file may have none.
public struct Score: Sendable, Hashable, Codable {
  public var ticksPerQuarter: Int
  /// Tempo changes, sorted by tick; the first applies from tick 0. Empty means 120 BPM.
  public var tempos: [TempoChange]
  public var meters: [MeterChange]
  public var keys: [KeyChange]
  public var tracks: [Track]
  /// The chord progression, one entry per chord change, for scores whose harmony is known.
  public var chords: [ChordSpan]
  /// Free-form text such as the title (written as a meta text event).
  public var title: String?
  /// Song sections ("Verse 1", "Chorus 1" at their first tick), written as MIDI markers so a DAW's
  /// timeline shows them; empty for a sketch without a song form.
  public var sections: [ScoreMarker]

  public init(
    ticksPerQuarter: Int = 480, tempos: [TempoChange] = [], meters: [MeterChange] = [],
    keys: [KeyChange] = [],
    tracks: [Track] = [], chords: [ChordSpan] = [], title: String? = nil,
    sections: [ScoreMarker] = []
  ) {
    self.ticksPerQuarter = ticksPerQuarter
    self.tempos = tempos
    self.meters = meters
    self.keys = keys
    self.tracks = tracks
    self.chords = chords
    self.title = title
    self.sections = sections
  }

  // Scores saved before sections existed have no `sections` field.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      ticksPerQuarter: try c.decode(Int.self, forKey: .ticksPerQuarter),
      tempos: try c.decode([TempoChange].self, forKey: .tempos),
      meters: try c.decode([MeterChange].self, forKey: .meters),
      keys: try c.decode([KeyChange].self, forKey: .keys),
      tracks: try c.decode([Track].self, forKey: .tracks),
      chords: try c.decode([ChordSpan].self, forKey: .chords),
      title: try c.decodeIfPresent(String.self, forKey: .title),
      sections: try c.decodeIfPresent([ScoreMarker].self, forKey: .sections) ?? [])
  }

  /// The tempo at the start, in BPM (quarter notes per minute); 120 when none is given (the SMF default).
  public var initialTempo: Double { tempos.first?.bpm ?? 120 }
  public var initialMeter: Meter { meters.first?.meter ?? .commonTime }
  public var initialKey: Key? { keys.first?.key }

  /// The tick just after the last note ends (0 for an empty score).
  public var endTick: Int { tracks.flatMap(\.notes).map { $0.start + $0.duration }.max() ?? 0 }

  /// Seconds at a tick, following the tempo map.
  public func seconds(atTick tick: Int) -> Double {
    var seconds = 0.0
    var lastTick = 0
    var bpm = 120.0
    for change in tempos.sorted(by: { $0.tick < $1.tick }) where change.tick <= tick {
      seconds += Double(change.tick - lastTick) / Double(ticksPerQuarter) * 60 / bpm
      lastTick = change.tick
      bpm = change.bpm
    }
    return seconds + Double(tick - lastTick) / Double(ticksPerQuarter) * 60 / bpm
  }

  /// Length in seconds up to the end of the last note.
  public var durationSeconds: Double { seconds(atTick: endTick) }
}

/// One instrument part.
public struct Track: Sendable, Hashable, Codable {
  public var name: String
  /// General MIDI program 0–127 (0 = Acoustic Grand Piano). Ignored for drums.
  public var program: Int
  /// MIDI channel 0–15; drums use 9 (channel 10 as musicians count).
  public var channel: Int
  public var notes: [NoteEvent]
  /// Other channel events worth keeping when reading and writing (controllers, pitch bend, …).
  public var controls: [ControlEvent]

  public init(
    name: String, program: Int, channel: Int, notes: [NoteEvent] = [], controls: [ControlEvent] = []
  ) {
    self.name = name
    self.program = program
    self.channel = channel
    self.notes = notes
    self.controls = controls
  }

  public var isDrums: Bool { channel == 9 }
  /// The GM drum channel (channel 10 counted from one).
  public static let drumChannel = 9
}

/// A sounding note.
public struct NoteEvent: Sendable, Hashable, Codable {
  public var start: Int
  public var duration: Int
  public var pitch: Pitch
  /// 1–127.
  public var velocity: Int

  public init(start: Int, duration: Int, pitch: Pitch, velocity: Int) {
    self.start = start
    self.duration = duration
    self.pitch = pitch
    self.velocity = velocity
  }
}

/// A channel event other than a note: controller, pitch bend, channel pressure, later program change.
public struct ControlEvent: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case controller, pitchBend, channelPressure, programChange, polyPressure
  }
  public var tick: Int
  public var kind: Kind
  /// Controller number, note (poly pressure) or program; 0 where unused.
  public var number: Int
  /// Controller value, pressure, or pitch-bend value 0–16383 (8192 = centre).
  public var value: Int

  public init(tick: Int, kind: Kind, number: Int, value: Int) {
    self.tick = tick
    self.kind = kind
    self.number = number
    self.value = value
  }
}

public struct TempoChange: Sendable, Hashable, Codable {
  public var tick: Int
  public var bpm: Double
  public init(tick: Int, bpm: Double) {
    self.tick = tick
    self.bpm = bpm
  }
}

public struct MeterChange: Sendable, Hashable, Codable {
  public var tick: Int
  public var meter: Meter
  public init(tick: Int, meter: Meter) {
    self.tick = tick
    self.meter = meter
  }
}

public struct KeyChange: Sendable, Hashable, Codable {
  public var tick: Int
  public var key: Key
  public init(tick: Int, key: Key) {
    self.tick = tick
    self.key = key
  }
}

/// A chord held from `start` for `duration` ticks, with its Roman numeral in the score's key.
public struct ChordSpan: Sendable, Hashable, Codable {
  public var start: Int
  public var duration: Int
  public var chord: Chord
  public var roman: RomanNumeral

  public init(start: Int, duration: Int, chord: Chord, roman: RomanNumeral) {
    self.start = start
    self.duration = duration
    self.chord = chord
    self.roman = roman
  }
}

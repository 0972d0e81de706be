import Theory

/// The symbols the melody model is trained on and generates, shared by trainer and generator
/// so both read the grid the same way.
///
/// - Rhythm: a note is `"<length>"` (legato to the next onset) or `"<length>r<rest>"`, in sixteenths.
/// - Pitch: the step to the next note in scale steps (`"+1"`, `"-2"`), and the note's pitch class
///   above the chord root (`"0"` root, `"4"` major third, `"2"` a ninth…).
/// - Context: the metric position class (`D0` on the downbeat, `S0` on beat 3 of 4/4, `W2` the
///   "and" of a weak beat…), and the chord's triad class.
public enum MelodyVocabulary {
  /// Longest note or gap the rhythm model knows, in sixteenths; a longer silence starts a new phrase.
  public static let longestGap16 = 24

  /// The rhythm symbol for a note of `length16` followed by `rest16` of silence.
  public static func rhythmToken(length16: Int, rest16: Int) -> String {
    rest16 > 0 ? "\(length16)r\(rest16)" : "\(length16)"
  }

  /// Length and rest of a rhythm symbol.
  public static func parseRhythm(_ token: String) -> (length16: Int, rest16: Int)? {
    let parts = token.split(separator: "r")
    guard let length = parts.first.flatMap({ Int($0) }) else { return nil }
    let rest = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    return (length, rest)
  }

  /// Quantises a silence between notes: under an eighth it is articulation, not a rest.
  public static func quantiseRest(_ rest16: Int) -> Int {
    switch rest16 {
    case ..<2: 0
    case 2...3: 2
    case 4...6: 4
    case 7...10: 8
    case 11...14: 12
    default: 16
    }
  }

  /// The metric position of an onset: beat class (D downbeat, S secondary strong beat, W weak)
  /// and the sixteenth within the beat (0–3; scaled for beats that are not a quarter note).
  public static func positionClass(position16: Int, barLength16: Int, beatLength16: Int = 4)
    -> String
  {
    let beat = position16 / max(1, beatLength16)
    let beatsPerBar = max(1, barLength16 / max(1, beatLength16))
    let sub = (position16 % max(1, beatLength16)) * 4 / max(1, beatLength16)
    let cls: String
    if beat == 0 {
      cls = "D"
    } else if beatsPerBar >= 4, beatsPerBar % 2 == 0, beat == beatsPerBar / 2 {
      cls = "S"
    } else {
      cls = "W"
    }
    return "\(cls)\(sub)"
  }

  /// Whether an onset is on a strong beat: the downbeat, or the middle of an even bar (beat 3 of 4/4).
  public static func isStrong(position16: Int, barLength16: Int, beatLength16: Int = 4) -> Bool {
    let cls = positionClass(
      position16: position16, barLength16: barLength16, beatLength16: beatLength16)
    return cls == "D0" || cls == "S0"
  }

  /// Metric weight used to pick chord tones: "S" strong beat, "B" other beats, "W" off-beats.
  public static func metricClass(position16: Int, barLength16: Int, beatLength16: Int = 4) -> String
  {
    if isStrong(position16: position16, barLength16: barLength16, beatLength16: beatLength16) {
      return "S"
    }
    return position16 % max(1, beatLength16) == 0 ? "B" : "W"
  }

  /// "M", "m", "d" (diminished), "a" or "s" (suspended) for the chord-tone model's context.
  public static func chordClass(_ quality: ChordQuality) -> String {
    switch quality.triad {
    case .major: "M"
    case .minor: "m"
    case .diminished: "d"
    case .augmented: "a"
    default: "s"
    }
  }

  /// A pitch's position counted in scale steps (7 per octave) in a key; chromatic notes count as
  /// the scale step below.
  public static func diatonicIndex(of midi: Int, in key: Key) -> Int {
    let relative = midi - key.tonic.pitchClass
    let octave = Int((Double(relative) / 12).rounded(.down))
    let pcOffset = relative - octave * 12
    var degree = 0
    for (i, interval) in key.mode.intervals.enumerated() where interval <= pcOffset { degree = i }
    return octave * 7 + degree
  }

  /// The MIDI pitch of a diatonic index in a key (inverse of ``diatonicIndex(of:in:)`` on scale tones).
  public static func pitch(ofDiatonicIndex index: Int, in key: Key) -> Int {
    let octave = Int((Double(index) / 7).rounded(.down))
    let degree = index - octave * 7
    return key.tonic.pitchClass + octave * 12 + key.mode.intervals[degree]
  }

  /// A step symbol, clipped to an octave and a half.
  public static func stepToken(_ step: Int) -> String {
    let s = max(-10, min(10, step))
    return s >= 0 ? "+\(s)" : "\(s)"
  }
}

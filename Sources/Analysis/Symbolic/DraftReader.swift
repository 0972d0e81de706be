import Theory

/// Reads a draft ``Score`` (from ``SMF``, any DAW) for co-writing: see ``DraftReading``.
///
/// - Key: the file's first key signature when it has one, else the Krumhansl–Schmuckler estimate
///   over duration-weighted pitch classes of the pitched tracks.
/// - Melody: the track the caller names; else a track whose name says melody (MELODY, Lead, Vocal,
///   Voice, Tune, Melodie), else the monophonic track with the highest mean pitch. A track counts as
///   monophonic when under 10 % of its notes start while another of its notes still sounds
///   (legato overlaps of a few ticks are forgiven).
/// - Chords: ``ChordRecognizer`` on every bar of the pitched non-melody tracks (all pitched tracks
///   when the melody is the only one).
public struct DraftReader: Sendable {
  public var profile: KeyProfile = .krumhansl
  /// Share of overlapping notes above which a track is polyphonic.
  public static let polyphonyLimit = 0.1
  static let melodyNames = [
    "melody", "lead", "vocal", "voice", "tune", "melodie", "melodía", "singer",
  ]

  public init() {}

  /// - Parameter name: the file name, for messages.
  /// - Throws: ``DraftError``.
  public func read(_ score: Score, name: String, melody choice: MelodyTrackChoice = .automatic)
    throws(DraftError) -> DraftReading
  {
    let pitchedTracks = score.tracks.indices.filter {
      !score.tracks[$0].isDrums && !score.tracks[$0].notes.isEmpty
    }
    guard score.tracks.contains(where: { !$0.notes.isEmpty }) else { throw .noNotes(name) }
    guard !pitchedTracks.isEmpty else { throw .onlyDrums(name) }
    let (melody, reason) = try melodyTrack(
      score, pitched: pitchedTracks, choice: choice, name: name)

    let (key, keySource): (Key, String)
    if let signature = score.keys.first?.key {
      (key, keySource) = (signature, "key signature in the file")
    } else {
      var pcs = [Double](repeating: 0, count: 12)
      for i in pitchedTracks {
        for n in score.tracks[i].notes { pcs[n.pitch.pitchClass] += Double(n.duration) }
      }
      // No cadence tie-break (CadenceKey.swift): a draft brought to be continued may stop anywhere.
      let estimate = KeyEstimator(profile: profile).estimate(pitchClasses: pcs)
      key = estimate?.key ?? Key(NoteClass(.C))
      keySource =
        "estimated from the notes (\(profile.rawValue) profile, r = \(String(format: "%.2f", estimate?.strength ?? 0)))"
    }

    let harmony = pitchedTracks.count > 1 ? pitchedTracks.filter { $0 != melody } : pitchedTracks
    let notes = harmony.flatMap { score.tracks[$0].notes }
    let chords = Self.chordsByBar(notes, score: score, key: key)
    let bars = Self.barStarts(score).count
    return DraftReading(
      key: key, keySource: keySource, meters: score.meters, tempos: score.tempos,
      melodyTrack: melody, melodyTrackName: score.tracks[melody].name, melodyReason: reason,
      chords: chords, bars: bars)
  }

  func melodyTrack(_ score: Score, pitched: [Int], choice: MelodyTrackChoice, name: String)
    throws(DraftError) -> (Int, String)
  {
    let names = score.tracks.enumerated().map { "\($0.offset + 1) \($0.element.name)" }
    var chosen: Int?
    switch choice {
    case .named(let wanted):
      chosen = score.tracks.firstIndex { $0.name.lowercased() == wanted.lowercased() }
      if chosen == nil { throw .noSuchTrack(wanted, available: names) }
    case .number(let n):
      guard (1...score.tracks.count).contains(n) else {
        throw .noSuchTrack(String(n), available: names)
      }
      chosen = n - 1
    case .automatic:
      break
    }
    if let chosen {
      let track = score.tracks[chosen]
      guard !track.isDrums, !track.notes.isEmpty else {
        throw .noSuchTrack(track.name.isEmpty ? "\(chosen + 1)" : track.name, available: names)
      }
      let overlap = Self.overlapShare(track.notes)
      if overlap > Self.polyphonyLimit {
        throw .polyphonicMelody(track: track.name, overlapPercent: Int((overlap * 100).rounded()))
      }
      return (chosen, "track '\(track.name)' as asked")
    }
    if let named = pitched.first(where: { i in
      let lower = score.tracks[i].name.lowercased()
      return Self.melodyNames.contains { lower.contains($0) }
        && Self.overlapShare(score.tracks[i].notes) <= Self.polyphonyLimit
    }) {
      return (named, "track '\(score.tracks[named].name)': its name says melody")
    }
    let monophonic = pitched.filter {
      Self.overlapShare(score.tracks[$0].notes) <= Self.polyphonyLimit
    }
    guard
      let highest = monophonic.max(by: {
        Self.meanPitch(score.tracks[$0].notes) < Self.meanPitch(score.tracks[$1].notes)
      })
    else { throw .noMonophonicLine(name) }
    return (highest, "track '\(score.tracks[highest].name)': the highest single-line track")
  }

  /// Share of notes that start while an earlier note of the track still sounds (beyond a 1/32 note).
  static func overlapShare(_ notes: [NoteEvent]) -> Double {
    let sorted = notes.sorted { ($0.start, $0.pitch.midi) < ($1.start, $1.pitch.midi) }
    guard sorted.count > 1 else { return 0 }
    var overlapping = 0
    var latestEnd = 0
    for note in sorted {
      if note.start + 15 < latestEnd { overlapping += 1 }
      latestEnd = max(latestEnd, note.start + note.duration)
    }
    return Double(overlapping) / Double(sorted.count)
  }

  static func meanPitch(_ notes: [NoteEvent]) -> Double {
    notes.isEmpty ? 0 : Double(notes.map(\.pitch.midi).reduce(0, +)) / Double(notes.count)
  }

  /// Tick of every bar start up to the last note, following the metre changes.
  static func barStarts(_ score: Score) -> [Int] {
    let meters = score.meters.isEmpty ? [MeterChange(tick: 0, meter: .commonTime)] : score.meters
    let end = score.endTick
    var starts: [Int] = []
    var tick = 0
    var index = 0
    while tick < end {
      while index + 1 < meters.count, meters[index + 1].tick <= tick { index += 1 }
      starts.append(tick)
      tick += max(1, meters[index].meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter))
    }
    return starts
  }

  /// One recognised chord per bar with pitched notes.
  static func chordsByBar(_ notes: [NoteEvent], score: Score, key: Key) -> [RecognisedChord] {
    let starts = barStarts(score)
    let recogniser = ChordRecognizer()
    var result: [RecognisedChord] = []
    for (bar, start) in starts.enumerated() {
      let end = bar + 1 < starts.count ? starts[bar + 1] : max(start + 1, score.endTick)
      if let (chord, fit) = recogniser.recognise(notes, in: start..<end, key: key) {
        result.append(
          RecognisedChord(bar: bar, start: start, duration: end - start, chord: chord, fit: fit))
      }
    }
    return result
  }
}

import Affect
import Theory

/// What was read from a draft, as plain values (the reading itself lives in Analysis).
public struct DraftFacts: Sendable, Hashable {
  public var key: Key
  /// Index of the melody track in the draft's tracks.
  public var melodyTrack: Int
  /// The recognised chord of each bar, nil where no chord was found.
  public var chordsByBar: [Int: Chord]

  public init(key: Key, melodyTrack: Int, chordsByBar: [Int: Chord]) {
    self.key = key
    self.melodyTrack = melodyTrack
    self.chordsByBar = chordsByBar
  }
}

/// A draft followed by its new bars.
public struct DraftContinuation: Sendable {
  /// The draft's tracks, tempos, metres and keys unchanged, each track's new notes appended.
  public var score: Score
  /// The chords of the new bars, one per bar.
  public var chords: [GeneratedChord]
  public var firstNewBar: Int
  public var firstNewTick: Int
  /// The draft bars the melody motif came from (0-based) and its notes.
  public var motifBars: ClosedRange<Int>
  public var motif: [NoteEvent]
  /// What each track does in the new bars, by track index.
  public var trackRoles: [String]
  public var reasons: [String]
}

/// Continues a draft by `bars` new bars: harmony from the chord model conditioned on the draft's
/// last chords, a melody developed from a draft motif, and every other track continued in its own
/// pattern. The draft's own events are never touched.
///
/// - Harmony: one chord per bar. The draft's last three bar chords become fixed model tokens and
///   the new bars gaps for ``GapFiller`` (exact forward filtering, backward sampling), so the first
///   new chord follows the draft's cadence as the n-gram model would; colours as ``ChordGenerator``.
/// - Melody: the motif is the last draft bar whose melody has at least four onsets (two bars when
///   no single bar has). The new bars state it in units of its own length, in groups of four: the
///   motif exactly (pitches and rhythm), a diatonic sequence (the shift in scale steps that puts
///   most strong-beat notes on the new chord), a variation (an inner interval turned, the last two
///   notes merged), and a cadence (its first half, then a long chord tone; the tonic at the end).
/// - Other tracks: not the ``Accompaniment``/``DrumWriter`` parts but the draft's own last two bars,
///   cycled: a plan's generic patterns would change the draft's groove and voicing at the seam,
///   which a user hears at once. Drum tracks repeat their bars unchanged; pitched tracks (bass when
///   their mean pitch is below C3, else chords) move each chord tone to the same chord member of
///   the new bar's chord in the nearest octave, and other notes by the root motion, kept in the scale.
public struct DraftContinuer: Sendable {
  public let model: CompositionModel

  public init(model: CompositionModel) { self.model = model }

  /// - Throws: ``ContinueError`` for a metre map that cannot be continued or a length out of range.
  public func continueDraft(
    _ draft: Score, facts: DraftFacts, bars: Int, mood: Mood? = nil, seed: UInt64
  ) throws(ContinueError) -> DraftContinuation {
    guard (1...256).contains(bars) else { throw .barsOutOfRange(bars) }
    let tpq = draft.ticksPerQuarter
    if let change = draft.meters.first(where: { $0.tick > 0 && $0.meter != draft.initialMeter }) {
      let barTicks = draft.initialMeter.ticksPerBar(ticksPerQuarter: tpq)
      throw .meterChange(
        from: draft.initialMeter.description, to: change.meter.description,
        bar: change.tick / max(1, barTicks) + 1)
    }
    let meter = draft.initialMeter
    let barTicks = meter.ticksPerBar(ticksPerQuarter: tpq)
    let draftBars = max(1, (draft.endTick + barTicks - 1) / barTicks)
    let startTick = draftBars * barTicks
    let key = facts.key
    let mode: Mode = key.mode.hasMinorThird ? .minor : .major
    let harmonyKey = Key(key.tonic, mode)
    let generator = SeededGenerator(seed: seed)
    var reasons: [String] = []

    // Harmony.
    let table = model.chords(for: mode)
    let tail = (max(0, draftBars - 3)..<draftBars).compactMap { facts.chordsByBar[$0] }
    let tailTokens = UserChordTokens.tokens(tail, in: key, table: table).map {
      $0 ?? UserChordTokens.unknown
    }
    var chordStream = generator.derived(11)
    // The last new bar is the tonic, so the continuation closes in the draft's key; the fills
    // between are drawn from both sides (they lead into the tonic as the model would).
    let tonic = mode == .minor ? "i" : "I"
    let closes = bars >= 2 && table.index(of: tonic) != nil
    // Each later four-bar phrase opens on it too, as pop phrases do (the first new bar is left to
    // the model, so it follows the draft's last chords).
    let gaps: [String?] = (0..<bars).map { j in
      closes && (j == bars - 1 || (j > 0 && j % 4 == 0 && j < bars - 1)) ? tonic : nil
    }
    // New chords stay in the draft's key: diatonic triads, or chords the draft itself uses (its
    // own borrowed bVII or applied V/vi), never a colour it never touched.
    let scale = Set(key.scalePitchClasses)
    let drafted = Set(
      UserChordTokens.tokens(Array(facts.chordsByBar.values), in: key, table: table).compactMap {
        $0
      })
    let filled = GapFiller(model: model).fill(
      tailTokens + gaps, mode: mode, mood: mood, opensPiece: tailTokens.isEmpty,
      admits: { token in
        drafted.contains(token)
          || (ChordToken.numeral(token)?.chord(in: harmonyKey).pitchClasses.allSatisfy {
            scale.contains($0)
          } ?? false)
      }, generator: &chordStream)
    let colourer = ChordGenerator(model: model)
    let chords: [GeneratedChord] = filled.suffix(bars).enumerated().map { i, token in
      let roman = colourer.colour(
        token, mode: mode, seventh: 0.15, key: harmonyKey, bluesy: false, generator: &chordStream)
      return GeneratedChord(
        token: token, roman: roman, chord: roman.chord(in: harmonyKey), bar: draftBars + i,
        start: startTick + i * barTicks, duration: barTicks)
    }
    reasons.append(
      tail.isEmpty
        ? "harmony: no chords recognised in the draft's last bars; the chord model starts afresh"
        : "harmony: continues from the draft's last chords \(tail.map(\.symbol).joined(separator: " ")) with the chord model (both-sided n-gram fill)\(closes ? ", with the tonic opening each later four-bar phrase and closing" : "")"
    )

    // Melody.
    var score = draft
    let melodyNotes = draft.tracks[facts.melodyTrack].notes.sorted { $0.start < $1.start }
    let (motifBars, motif) = Self.motif(melodyNotes, barTicks: barTicks, draftBars: draftBars)
    let writer = MotifDeveloper(
      key: harmonyKey, meter: meter, ticksPerQuarter: tpq, motif: motif,
      unitBars: motifBars.count, range: Self.range(melodyNotes))
    let newMelody = writer.develop(chords: chords, startTick: startTick, bars: bars)
    score.tracks[facts.melodyTrack].notes += newMelody
    reasons.append(
      "melody: motif from draft bar\(motifBars.count > 1 ? "s \(motifBars.lowerBound + 1)–\(motifBars.upperBound + 1)" : " \(motifBars.lowerBound + 1)") (\(motif.map { $0.pitch.description }.joined(separator: " "))), stated, sequenced, varied and cadenced"
    )

    // Other tracks.
    var roles = [String](repeating: "", count: draft.tracks.count)
    roles[facts.melodyTrack] = "melody"
    for i in draft.tracks.indices where i != facts.melodyTrack {
      let track = draft.tracks[i]
      guard !track.notes.isEmpty else {
        roles[i] = "silent"
        continue
      }
      let pitched = !track.isDrums
      let mean =
        Double(track.notes.map(\.pitch.midi).reduce(0, +)) / Double(track.notes.count)
      roles[i] = track.isDrums ? "drums" : mean < 48 ? "bass" : "chords"
      var added: [NoteEvent] = []
      let sources = Self.lastBarsWithNotes(track.notes, barTicks: barTicks, draftBars: draftBars)
      for j in 0..<bars {
        let source = sources[j % sources.count]
        let target = chords[j].chord
        for note in track.notes
        where note.start >= source * barTicks && note.start < (source + 1) * barTicks {
          var copy = note
          copy.start = note.start - source * barTicks + startTick + j * barTicks
          copy.duration = min(note.duration, startTick + bars * barTicks - copy.start)
          if pitched {
            copy.pitch = Pitch(
              Self.move(
                note.pitch.midi, from: facts.chordsByBar[source], to: target, key: harmonyKey))
          }
          added.append(copy)
        }
      }
      score.tracks[i].notes += added
    }
    reasons.append(
      "other tracks: "
        + draft.tracks.indices.filter { $0 != facts.melodyTrack }.map {
          "'\(draft.tracks[$0].name)' \(roles[$0])"
        }.joined(separator: ", ")
        + " — each continues its own last bars on its instrument and channel, following the new chords"
    )
    score.chords =
      draft.chords
      + chords.map {
        ChordSpan(start: $0.start, duration: $0.duration, chord: $0.chord, roman: $0.roman)
      }
    return DraftContinuation(
      score: score, chords: chords, firstNewBar: draftBars, firstNewTick: startTick,
      motifBars: motifBars, motif: motif, trackRoles: roles, reasons: reasons)
  }

  /// The last bar with ≥ 4 melody onsets, else the last 2, 4 or 8 bars with ≥ 4, else the busiest bar.
  static func motif(_ notes: [NoteEvent], barTicks: Int, draftBars: Int) -> (
    ClosedRange<Int>, [NoteEvent]
  ) {
    func inBars(_ r: ClosedRange<Int>) -> [NoteEvent] {
      notes.filter {
        $0.start >= r.lowerBound * barTicks && $0.start < (r.upperBound + 1) * barTicks
      }
    }
    for b in stride(from: draftBars - 1, through: 0, by: -1) where inBars(b...b).count >= 4 {
      return (b...b, inBars(b...b))
    }
    for span in [2, 4, 8] {
      for b in stride(from: draftBars - span, through: 0, by: -1)
      where inBars(b...(b + span - 1)).count >= 4 {
        return (b...(b + span - 1), inBars(b...(b + span - 1)))
      }
    }
    let busiest = (0..<draftBars).max { inBars($0...$0).count < inBars($1...$1).count } ?? 0
    return (busiest...busiest, inBars(busiest...busiest))
  }

  static func range(_ notes: [NoteEvent]) -> ClosedRange<Int> {
    let pitches = notes.map(\.pitch.midi)
    return (pitches.min() ?? 60)...(pitches.max() ?? 79)
  }

  /// The draft's last two bars that hold notes of this track (one when it has only one).
  static func lastBarsWithNotes(_ notes: [NoteEvent], barTicks: Int, draftBars: Int) -> [Int] {
    let used = Set(notes.map { $0.start / barTicks }).filter { $0 < draftBars }.sorted()
    return Array(used.suffix(2))
  }

  /// A pitch of a source bar moved onto the target chord: a chord tone to the same member of the
  /// target chord (root to root, third to third…) in the nearest octave; any other note by the
  /// root motion, then onto the nearest scale tone.
  static func move(_ pitch: Int, from source: Chord?, to target: Chord, key: Key) -> Int {
    let targetPCs = target.pitchClasses
    if let source, let member = source.pitchClasses.firstIndex(of: pitch % 12) {
      let pc = targetPCs[min(member, targetPCs.count - 1)]
      return nearest(pc, to: pitch)
    }
    guard let source else {
      return targetPCs.map { nearest($0, to: pitch) }.min {
        (abs($0 - pitch), $0) < (abs($1 - pitch), $1)
      } ?? pitch
    }
    var motion = (target.root.pitchClass - source.root.pitchClass + 12) % 12
    if motion > 6 { motion -= 12 }
    let moved = pitch + motion
    // An array, not a Set: between two equally near scale tones the lower wins in every run.
    let scale = key.scalePitchClasses
    if scale.contains(moved % 12) { return clampMIDI(moved) }
    return clampMIDI(
      scale.map { nearest($0, to: moved) }.min {
        (abs($0 - moved), $0) < (abs($1 - moved), $1)
      } ?? moved)
  }

  static func nearest(_ pc: Int, to pitch: Int) -> Int {
    let base = pitch - ((pitch % 12 - pc + 12) % 12)
    let up = base + 12
    return clampMIDI(pitch - base <= up - pitch ? base : up)
  }

  static func clampMIDI(_ p: Int) -> Int {
    var p = p
    while p > 127 { p -= 12 }
    while p < 0 { p += 12 }
    return p
  }
}

/// What makes a draft impossible to continue.
public enum ContinueError: UserFacingError, Equatable {
  case meterChange(from: String, to: String, bar: Int)
  case barsOutOfRange(Int)

  public var category: ErrorCategory {
    switch self {
    case .meterChange: .badData
    case .barsOutOfRange: .usage
    }
  }

  public var description: String {
    switch self {
    case .meterChange(let from, let to, let bar):
      "the draft changes metre from \(from) to \(to) at bar \(bar); continue needs one metre throughout (cut the draft before the change, or export it in one metre)"
    case .barsOutOfRange(let n): "--bars \(n) is out of range; use 1–256"
    }
  }
}

import Affect
import Foundation
import Theory

/// Chords, bass and drums around a melody the user brings (`moodsketch harmonize`): the user's notes
/// are kept exactly, and everything else is written for them.
///
/// The chords are the ``MelodyHarmonizer``'s most likely sequence (the chord model's transitions,
/// the melody–chord fit as observations, Viterbi), coloured with the style's sevenths; the accompaniment is then written on those chords
/// by the same ``Composer`` a sketch uses, in the plan's style and mood, and the composer's own
/// melody is replaced by the user's track (its name, program, channel and every event as given).
/// The result keeps the tune's resolution and tempo map, so its notes land on the same ticks and
/// the same seconds.
public struct MelodyArrangement: Sendable {
  public let composer: Composer

  public init(composer: Composer) { self.composer = composer }

  public struct Result: Sendable {
    public var score: Score
    public var chords: [GeneratedChord]
    public var bars: Int
  }

  /// - Parameters:
  ///   - melody: the user's melody track, in `tune`'s ticks.
  ///   - tune: the file it came from (resolution, tempo map, metre, key signature, other tracks).
  ///   - plan: key, metre and tempo as read from the tune; style, instruments and the mood's weights
  ///     from the prompt. Its `bars` is replaced by the tune's length.
  public func arrange(melody: Track, tune: Score, plan: Plan, seed: UInt64) -> Result {
    let working = Composer.ticksPerQuarter
    let scale = Double(working) / Double(max(1, tune.ticksPerQuarter))
    let toWorking = { (tick: Int) in Int((Double(tick) * scale).rounded()) }
    let toTune = { (tick: Int) in Int((Double(tick) / scale).rounded()) }
    // The harmonizer reads the tune on a sixteenth grid: played or exported MIDI sits a few ticks
    // off the beat (a pickup offset, a human touch), and a note 10 ticks late is still on beat 1.
    let sixteenth = working / 4
    let notes = melody.notes.map { note in
      var n = note
      n.start = (toWorking(note.start) + sixteenth / 2) / sixteenth * sixteenth
      n.duration = max(1, toWorking(note.duration))
      return n
    }
    let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: working)
    let end = notes.map { $0.start + $0.duration }.max() ?? barTicks
    let bars = max(1, (end + barTicks - 1) / barTicks)
    var planned = plan
    planned.bars = bars
    // The band plays straight: the user's melody is kept as played, never swung, and a swung band
    // (lo-fi, jazz) would drift from it on every off-beat.
    planned.swing = 0.5
    let harmonizer = MelodyHarmonizer(model: composer.model)
    let chords = harmonizer.coloured(
      harmonizer.harmonize(
        melody: notes, key: plan.key, meter: plan.meter, bars: bars, ticksPerQuarter: working),
      plan: plan, generator: SeededGenerator(seed: seed).derived(6))
    let written = composer.compose(planned, seed: seed, chords: chords)

    // Accompaniment on the tune's grid, on channels the tune's melody does not use.
    var used: Set<Int> = [melody.channel, Track.drumChannel]
    var tracks: [Track] = []
    for track in written.tracks where track.name != "Melody" {
      var t = track
      t.notes = track.notes.map { note in
        var n = note
        n.start = toTune(note.start)
        n.duration = max(1, toTune(note.duration))
        return n
      }
      t.controls = track.controls.map { control in
        var c = control
        c.tick = toTune(control.tick)
        return c
      }
      if !t.isDrums {
        if used.contains(t.channel), let free = (0..<16).first(where: { !used.contains($0) }) {
          t.channel = free
        }
        used.insert(t.channel)
      }
      tracks.append(t)
    }
    // The tune's melody first among the parts, exactly as given.
    tracks.insert(melody, at: min(1, tracks.count))
    var score = tune
    score.tracks = tracks
    score.keys = tune.keys.isEmpty ? [KeyChange(tick: 0, key: plan.key)] : tune.keys
    score.tempos = tune.tempos.isEmpty ? written.tempos : tune.tempos
    score.meters = tune.meters.isEmpty ? written.meters : tune.meters
    score.chords = written.chords.map { span in
      var s = span
      s.start = toTune(span.start)
      s.duration = max(1, toTune(span.duration))
      return s
    }
    score.title = tune.title ?? written.title
    return Result(score: score, chords: chords, bars: bars)
  }
}

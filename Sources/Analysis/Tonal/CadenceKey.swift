import Theory

/// Choosing among keys that fit a piece's pitch classes nearly equally by how the piece ends.
///
/// A global profile cannot tell keys that share a scale apart when the music dwells on the "wrong"
/// chords: an aeolian rock riff i–VII–VI–VII in B minor has as many A and D chords as B minor ones, and
/// correlates best with D major. Listeners take the tonic from the cadence, and pieces overwhelmingly
/// end on their tonic chord. So when other keys correlate within ``tieMargin`` of the best, the one
/// whose tonic triad the final sonority sounds wins (tonic 1, third and fifth ½, the other mode's
/// third −½); otherwise the best correlation stands. Measured (Krumhansl profiles, symbolic, with the
/// gate below): on the 757 POP909 songs whose annotated key does not change (`key_audio.txt`, MIT),
/// 650 → 655 keys right (without the gate 659; margins of 0.05–0.12 gave 659–662 in a prototype); on
/// 528 sketches' MIDI (3 × 176, Benchmarks/mood/sketch_renders.sh) the planned key 467 → 509.
///
/// Only an ending that is held counts: music cut off mid-phrase (an excerpt, a loop, a draft) ends on
/// whatever chord was passing. The gate is a last onset at least a beat before the music stops, and
/// in audio also ``minimumAudioHoldSeconds``, because an audio ending includes the instrument's
/// release. Measured, against no tie-break: POP909 as above (requiring 1.5 s of the MIDI as well:
/// 651); vgmidi's renders of cut phrase excerpts, valence sign 65.2 → 66.2 % with
/// the audio gate (ungated 62.7 %, one beat only 62.7 %), their MIDI 63.7 → 62.7 %. In the audio of
/// our sketches (last chord held through its bar) 90 % of endings ring 1.4 s or more; in vgmidi's
/// renders 70 % ring less than 1.5 s (median 0.65 s).
extension KeyEstimator {
  /// How far below the best correlation a key may be and still be chosen by the ending.
  static let tieMargin = 0.1
  /// The last onset must be at least this many beats before the music stops for the ending to be a
  /// cadence rather than a cut.
  static let minimumHoldBeats = 1.0
  /// In audio, where the end is where the sound fades below a tenth of the file's mean level, the
  /// hold must also last this long.
  static let minimumAudioHoldSeconds = 1.5

  /// Whether the music ends on a held sonority: the last onset (in seconds) lies at least
  /// ``minimumHoldBeats`` beats of `beatSeconds` (half a second when no tempo was found) and
  /// `minimumSeconds` before the end.
  static func endsHeld(
    lastOnset: Double?, end: Double, beatSeconds: Double?, minimumSeconds: Double = 0
  ) -> Bool {
    guard let lastOnset else { return false }
    let hold = end - lastOnset
    return hold >= minimumSeconds && hold >= minimumHoldBeats * (beatSeconds ?? 0.5)
  }

  /// The key of `pitchClasses`, with near-ties settled by `ending`, the pitch classes of the final
  /// sonority (nil or silent: the best correlation, as ``estimate(pitchClasses:)``).
  func estimate(pitchClasses: [Double], ending: [Double]?) -> (key: Key, strength: Double)? {
    guard let best = estimate(pitchClasses: pitchClasses) else { return nil }
    guard let ending, ending.count == 12, ending.reduce(0, +) > 0 else { return best }
    var choice = best
    var choiceFit = Self.cadenceFit(ending, tonic: best.key.tonic.pitchClass, mode: best.key.mode)
    for (tonic, mode, r) in correlations(pitchClasses) where r >= best.strength - Self.tieMargin {
      let fit = Self.cadenceFit(ending, tonic: tonic, mode: mode)
      if fit > choiceFit + 1e-12 {
        choiceFit = fit
        choice = (Self.spelled(tonic: tonic, mode: mode), r)
      }
    }
    return choice
  }

  /// How much of the final sonority is the tonic triad of the key (tonic, its third and fifth), less
  /// the other mode's third.
  static func cadenceFit(_ ending: [Double], tonic: Int, mode: Mode) -> Double {
    let total = ending.reduce(0, +)
    guard total > 0 else { return 0 }
    let minor = mode.hasMinorThird
    let third = ending[(tonic + (minor ? 3 : 4)) % 12]
    let otherThird = ending[(tonic + (minor ? 4 : 3)) % 12]
    return (ending[tonic % 12] + 0.5 * third + 0.5 * ending[(tonic + 7) % 12] - 0.5 * otherThird)
      / total
  }

  /// Pitch classes sounding in the last `beats` quarter notes before the last note of `score` ends
  /// (duration-weighted), of `notes` (drums excluded by the caller); nil unless the ending is held
  /// (``endsHeld(lastOnset:end:beatSeconds:)``).
  static func endingPitchClasses(of notes: [NoteEvent], in score: Score, beats: Int = 2)
    -> [Double]?
  {
    var out = [Double](repeating: 0, count: 12)
    let ticksPerQuarter = score.ticksPerQuarter
    guard let end = notes.map({ $0.start + $0.duration }).max(), ticksPerQuarter > 0,
      let lastOnset = notes.map(\.start).max()
    else { return nil }
    let endSeconds = score.seconds(atTick: end)
    let beatSeconds = endSeconds - score.seconds(atTick: max(0, end - ticksPerQuarter))
    guard
      endsHeld(
        lastOnset: score.seconds(atTick: lastOnset), end: endSeconds, beatSeconds: beatSeconds)
    else { return nil }
    let cut = end - beats * ticksPerQuarter
    for note in notes {
      let overlap = note.start + note.duration - max(note.start, cut)
      if overlap > 0 { out[note.pitch.pitchClass] += Double(overlap) }
    }
    return out
  }
}

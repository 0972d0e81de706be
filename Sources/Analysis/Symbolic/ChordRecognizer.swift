import Theory

/// A chord heard in a stretch of notes.
public struct RecognisedChord: Sendable, Hashable, Codable {
  /// 0-based bar.
  public var bar: Int
  /// Start and length in ticks.
  public var start: Int
  public var duration: Int
  public var chord: Chord
  /// How much of the sounding weight the chord's tones explain, 0–1.
  public var fit: Double
}

/// Names the chord of a stretch of notes by template matching over pitch classes.
///
/// Each note adds its duration (clipped to the stretch) to its pitch class; notes below the
/// stretch's median pitch count 1.5×, since the low voices usually carry the root. The bass note
/// is the pitch class holding most duration within a tritone of the lowest note. Each of 12 roots × the qualities in
/// ``templates`` is scored as
///
///     score = (weight on chord tones − weight on other tones) / total + 0.1 · [root is the bass]
///              − 0.02 · (tones − 3)
///
/// so a chord must explain more than it leaves out, the bass breaks ties between relatives
/// (C/E vs Em), and a seventh chord wins only when its seventh is really there. The bass note,
/// when it is a chord tone other than the root, is kept as an inversion (`C/E`).
public struct ChordRecognizer: Sendable {
  /// Qualities tried, plainest first (ties go to the simpler chord).
  public static let templates: [ChordQuality] = [
    .major, .minor, .dominant7, .minor7, .major7, .diminished, .halfDiminished7, .sus4,
  ]

  public init() {}

  /// The best chord for notes sounding in `range` (ticks), or nil when nothing pitched sounds there.
  public func recognise(_ notes: [NoteEvent], in range: Range<Int>, key: Key?) -> (Chord, Double)? {
    var weights = [Double](repeating: 0, count: 12)
    let sounding = notes.filter {
      $0.start < range.upperBound && $0.start + $0.duration > range.lowerBound
    }
    guard !sounding.isEmpty else { return nil }
    let pitches = sounding.map(\.pitch.midi).sorted()
    let median = pitches[pitches.count / 2]
    var bassWeights = [Double](repeating: 0, count: 12)
    for note in sounding {
      let overlap = Double(
        min(range.upperBound, note.start + note.duration) - max(range.lowerBound, note.start))
      guard overlap > 0 else { continue }
      let low = note.pitch.midi < median
      weights[note.pitch.pitchClass] += overlap * (low ? 1.5 : 1)
      if note.pitch.midi <= pitches[0] + 6 { bassWeights[note.pitch.pitchClass] += overlap }
    }
    let total = weights.reduce(0, +)
    guard total > 0 else { return nil }
    let bass = bassWeights.indices.max { bassWeights[$0] < bassWeights[$1] } ?? 0
    var best: (root: Int, quality: ChordQuality, score: Double, fit: Double)?
    for root in 0..<12 {
      for quality in Self.templates {
        let tones = Set(quality.intervals.map { (root + $0) % 12 })
        let inside = tones.reduce(0) { $0 + weights[$1] }
        let score =
          (2 * inside - total) / total + (root == bass ? 0.1 : 0)
          - 0.02 * Double(tones.count - 3)
        if best == nil || score > best!.score + 1e-12 {
          best = (root, quality, score, inside / total)
        }
      }
    }
    guard let best else { return nil }
    let spelledRoot =
      key?.spell(pitchClass: best.root)
      ?? NoteClass.spelling(ofPitchClass: best.root, preferFlats: false)
    let tones = best.quality.intervals.map { (best.root + $0) % 12 }
    let bassNote: NoteClass? =
      bass != best.root && tones.contains(bass)
      ? (key?.spell(pitchClass: bass) ?? NoteClass.spelling(ofPitchClass: bass, preferFlats: false))
      : nil
    return (Chord(spelledRoot, best.quality, bass: bassNote), best.fit)
  }
}

import Affect
import Theory

/// Harmony idioms the pop-trained chord model does not know, written as rules over its output.
///
/// POP909 and the Billboard charts hold pop harmony: they almost never play a 12-bar blues, a
/// tritone substitute or a gospel passing diminished chord. So, by style:
/// - **blues** replaces the model's progression with the 12-bar form in dominant sevenths
///   (I7 IV7 I7 I7 | IV7 IV7 I7 I7 | V7 IV7 I7 V7, the "quick change" IV7 in bar 2 by seed; minor
///   blues in i7 iv7 V7), chorus after chorus, the last chorus ending on the tonic; 8-bar sketches
///   get the 8-bar blues (I7 V7 IV7 IV7 I7 V7 I7 I7);
/// - **jazz** keeps the model's chords as the tune's "changes" and reharmonises as players do: every
///   arrival on the tonic is approached by ii7–V7 (iiø7–V7 in minor), chords other than the tonic
///   are sometimes approached by their own dominant (V7/x), and some dominants become their tritone
///   substitute (♭II7);
/// - **gospel** ends on the plagal "amen" cadence IV–I, passing through ♯iv°7.
enum StyleHarmony {
  static func apply(
    _ chords: [GeneratedChord], plan: Plan, ticksPerQuarter: Int, generator: inout SeededGenerator
  ) -> [GeneratedChord] {
    guard !chords.isEmpty else { return chords }
    switch plan.style {
    case .blues: return blues(plan: plan, ticksPerQuarter: ticksPerQuarter, generator: &generator)
    case .jazz: return jazz(chords, plan: plan, generator: &generator)
    case .gospel: return gospel(chords, plan: plan)
    default: return chords
    }
  }

  static func harmonyKey(_ plan: Plan) -> Key {
    Key(plan.key.tonic, plan.key.mode.hasMinorThird ? .minor : .major)
  }

  /// A chord of the progression from a numeral in the plan's major or minor key, named in the plan's mode.
  static func make(_ roman: RomanNumeral, plan: Plan, bar: Int, start: Int, duration: Int)
    -> GeneratedChord
  {
    let key = harmonyKey(plan)
    let chord = roman.chord(in: key)
    let named = key == plan.key ? roman : RomanNumeral(chord: chord, in: plan.key)
    // The model's triad-level token (`I` for Imaj7), which the melody writer reads for cadences.
    let token = ChordToken.token(for: chord, in: key)?.token ?? roman.description
    return GeneratedChord(
      token: token, roman: named, chord: chord, bar: bar, start: start, duration: duration)
  }

  // MARK: - Blues

  static func blues(plan: Plan, ticksPerQuarter: Int, generator: inout SeededGenerator)
    -> [GeneratedChord]
  {
    let minor = plan.key.mode.hasMinorThird
    let one = RomanNumeral(degree: 1, quality: minor ? .minor7 : .dominant7)
    let four = RomanNumeral(degree: 4, quality: minor ? .minor7 : .dominant7)
    let five = RomanNumeral(degree: 5, quality: .dominant7)
    let ticksPerBar = plan.meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter)
    let bars = max(1, plan.bars)
    var result: [GeneratedChord] = []
    var chorusStart = 0
    while chorusStart < bars {
      let length = min(bars - chorusStart, bars - chorusStart >= 12 ? 12 : 8)
      let quickChange = generator.nextUnit() < 0.5
      let isLastChorus = chorusStart + length >= bars
      var form: [RomanNumeral] =
        length >= 12
        ? [one, quickChange ? four : one, one, one, four, four, one, one, five, four, one, five]
        : [one, five, four, four, one, five, one, five]
      form = Array(form.prefix(length))
      // The turnaround's V7 leads into the next chorus; the last chorus ends at home.
      if isLastChorus { form[form.count - 1] = one }
      for (i, roman) in form.enumerated() {
        let bar = chorusStart + i
        result.append(
          make(roman, plan: plan, bar: bar, start: bar * ticksPerBar, duration: ticksPerBar))
      }
      chorusStart += length
    }
    return result
  }

  // MARK: - Jazz

  static func jazz(_ chords: [GeneratedChord], plan: Plan, generator: inout SeededGenerator)
    -> [GeneratedChord]
  {
    let minor = plan.key.mode.hasMinorThird
    let key = harmonyKey(plan)
    var result = chords
    let tonicPC = key.tonic.pitchClass
    func isTonic(_ c: GeneratedChord) -> Bool { c.chord.root.pitchClass == tonicPC }
    func reroot(_ i: Int, _ roman: RomanNumeral) {
      let c = result[i]
      result[i] = make(roman, plan: plan, bar: c.bar, start: c.start, duration: c.duration)
    }
    var approached = Set<Int>()
    // ii–V into every tonic arrival (not the opening chord).
    for i in result.indices.dropFirst() where isTonic(result[i]) && !isTonic(result[i - 1]) {
      reroot(i - 1, RomanNumeral(degree: 5, quality: .dominant7))
      approached.insert(i - 1)
      if i >= 2, !isTonic(result[i - 2]), !approached.contains(i - 2) {
        reroot(i - 2, RomanNumeral(degree: 2, quality: minor ? .halfDiminished7 : .minor7))
        approached.insert(i - 2)
      }
    }
    // The tonic as jazz plays it: maj7 (or minor 7) rather than a triad.
    for i in result.indices where isTonic(result[i]) {
      reroot(i, RomanNumeral(degree: 1, quality: minor ? .minor7 : .major7))
    }
    // Secondary dominants into other chords, sometimes.
    for i in result.indices.dropFirst()
    where !isTonic(result[i]) && !approached.contains(i - 1) && !approached.contains(i)
      && !isTonic(result[i - 1])
    {
      guard generator.nextUnit() < 0.35 else { continue }
      let target = result[i].chord.root.pitchClass
      let offset = ((target - tonicPC) % 12 + 12) % 12
      guard let degree = key.mode.intervals.firstIndex(of: offset), degree != 0 else { continue }
      reroot(i - 1, RomanNumeral(degree: 5, quality: .dominant7, secondaryOf: degree + 1))
      approached.insert(i - 1)
    }
    // Tritone substitutes for some dominants that resolve down a fifth: ♭II7 for V7, slipping by a semitone.
    // Not the final cadence: the piece ends with a plain V7–I.
    for i in result.indices.dropLast(2) where result[i].chord.quality == .dominant7 {
      let root = result[i].chord.root.pitchClass
      let next = result[i + 1].chord.root.pitchClass
      guard (root - next + 12) % 12 == 7, generator.nextUnit() < 0.3 else { continue }
      // Spelled a semitone above its resolution (Ab7 to G, not G#7).
      let resolution = RomanNumeral(chord: result[i + 1].chord, in: key)
      var sub = RomanNumeral(
        degree: resolution.degree % 7 + 1, accidental: 0, quality: .dominant7)
      let natural = sub.rootOffset(in: key)
      let wanted = (((next + 1) - key.tonic.pitchClass) % 12 + 12) % 12
      sub.accidental = ((wanted - natural + 18) % 12) - 6
      reroot(i, sub)
    }
    return result
  }

  // MARK: - Gospel

  static func gospel(_ chords: [GeneratedChord], plan: Plan) -> [GeneratedChord] {
    guard chords.count >= 2 else { return chords }
    var result = chords
    let last = result.count - 1
    let approach = result[last - 1]
    let minor = plan.key.mode.hasMinorThird
    let four = RomanNumeral(degree: 4, quality: minor ? .minor7 : .major)
    // IV, then ♯iv°7 on the second half of the same span, then I: the church's "amen" with its passing chord.
    let half = approach.duration / 2
    let passing = RomanNumeral(degree: 4, accidental: 1, quality: .diminished7)
    result[last - 1] = make(
      four, plan: plan, bar: approach.bar, start: approach.start,
      duration: half > 0 ? half : approach.duration)
    if half > 0 {
      result.insert(
        make(
          passing, plan: plan, bar: approach.bar, start: approach.start + half,
          duration: approach.duration - half), at: last)
    }
    return result
  }
}

import Affect
import Theory

extension MelodyHarmonizer {
  /// The harmonizer's triads with the style's sevenths and colours, as the chord model's own
  /// chords get them (``ChordGenerator``), so a lo-fi sketch keeps its seventh chords.
  public func coloured(_ chords: [GeneratedChord], plan: Plan, generator: SeededGenerator)
    -> [GeneratedChord]
  {
    var stream = generator
    let mode: Mode = plan.key.mode.hasMinorThird ? .minor : .major
    let harmonyKey = Key(plan.key.tonic, mode)
    let colourer = ChordGenerator(model: model)
    return chords.map { span in
      var roman = colourer.colour(
        span.token, mode: mode, seventh: plan.seventhProbability, key: plan.key, bluesy: false,
        generator: &stream)
      let chord = roman.chord(in: harmonyKey)
      // A triad an applied numeral names (V/IV on the tonic) reads as its place in the key.
      let stillDominant = [.major, .dominant7, .dominant9].contains(roman.quality)
      if harmonyKey != plan.key || roman.secondaryOf != nil && !stillDominant
        || roman.secondaryOf != nil && roman.quality == .major
      {
        roman = RomanNumeral(chord: chord, in: plan.key)
      }
      var result = span
      result.roman = roman
      result.chord = chord
      return result
    }
  }
}

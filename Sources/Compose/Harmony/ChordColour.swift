import Affect
import Foundation
import Theory

/// The colour of each chord: sevenths and richer extensions by the plan's probability, kept inside the
/// key's scale (the model writes triads; this decides what the players add).
extension ChordGenerator {
  /// The numeral as played: the token with a seventh (or suspension) chosen from corpus colour
  /// counts, moved in logit space by the plan's `seventhProbability`.
  func colour(
    _ token: String, mode: Mode, seventh: Double, key: Key, bluesy: Bool,
    generator: inout SeededGenerator
  ) -> RomanNumeral {
    guard let base = ChordToken.numeral(token) else {
      return RomanNumeral(degree: 1, quality: mode == .minor ? .minor : .major)
    }
    let counts = model.colours[mode == .minor ? "minor" : "major"]?[token] ?? [:]
    // Colours that leave the plan's scale (a IV7 in lydian, a Imaj7 in mixolydian) are damped,
    // except in the styles that live on dominant sevenths (blues, rock, funk, soul, gospel, jazz).
    let scale = Set(key.scalePitchClasses)
    let harmonyKey = Key(key.tonic, mode)
    let entries = counts.sorted { $0.key < $1.key }.compactMap { entry -> (ChordQuality, Double)? in
      guard let quality = ChordQuality(rawValue: entry.key) else { return nil }
      var roman = base
      roman.quality = quality
      let inScale = roman.chord(in: harmonyKey).pitchClasses.allSatisfy { scale.contains($0) }
      let triadInScale = base.chord(in: harmonyKey).pitchClasses.allSatisfy { scale.contains($0) }
      // A church mode is heard only if its scale is kept, so there a colour that leaves it is out.
      let modal = key.mode != mode
      if !inScale, triadInScale, modal { return nil }
      let factor = inScale || !triadInScale || (bluesy && quality == .dominant7) ? 1.0 : 0.15
      return (quality, Double(entry.value) * factor)
    }
    let total = entries.reduce(0) { $0 + $1.1 }
    var sevenths = entries.filter { ChordToken.isSeventh($0.0) }
    // The seventh the plan's own scale gives this root (F7 on IV in C dorian) is always a candidate,
    // so a mode is not forced into the corpus's usual colour when that leaves the scale.
    let chordRoot = base.chord(in: harmonyKey).root.pitchClass
    if let diatonic = Self.diatonicSeventh(root: chordRoot, scale: scale),
      base.chord(in: harmonyKey).pitchClasses.allSatisfy({ scale.contains($0) })
    {
      let others = sevenths.filter { $0.0 != diatonic }.reduce(0) { $0 + $1.1 }
      let own = sevenths.first { $0.0 == diatonic }?.1 ?? 0
      sevenths = sevenths.filter { $0.0 != diatonic } + [(diatonic, max(own, 9 * others, 1))]
    }
    let plain = entries.filter { !ChordToken.isSeventh($0.0) }
    let corpusShare = total > 0 ? sevenths.reduce(0) { $0 + $1.1 } / total : 0.2
    let q = min(0.97, max(0.03, corpusShare))
    let logit = log(q / (1 - q)) + 4 * (seventh - 0.3)
    let pSeventh = 1 / (1 + exp(-logit))
    var roman = base
    if generator.nextUnit() < pSeventh {
      if sevenths.isEmpty {
        roman.quality = Self.defaultSeventh(for: base.quality)
      } else {
        roman.quality = sevenths[generator.pick(weights: sevenths.map(\.1))].0
      }
    } else if !plain.isEmpty {
      roman.quality = plain[generator.pick(weights: plain.map(\.1))].0
    }
    return roman
  }

  /// The seventh chord a scale builds on a root by stacking its thirds, if the scale has one.
  static func diatonicSeventh(root: Int, scale: Set<Int>) -> ChordQuality? {
    func has(_ semitones: Int) -> Bool { scale.contains((root + semitones) % 12) }
    guard scale.contains(root) else { return nil }
    let third = has(4) ? 4 : (has(3) ? 3 : nil)
    let fifth = has(7) ? 7 : (has(6) ? 6 : (has(8) ? 8 : nil))
    let seventh = has(10) ? 10 : (has(11) ? 11 : (has(9) ? 9 : nil))
    switch (third, fifth, seventh) {
    case (4, 7, 11): return .major7
    case (4, 7, 10): return .dominant7
    case (3, 7, 10): return .minor7
    case (3, 6, 10): return .halfDiminished7
    case (3, 6, 9): return .diminished7
    case (3, 7, 11): return .minorMajor7
    default: return nil
    }
  }

  static func defaultSeventh(for triad: ChordQuality) -> ChordQuality {
    switch triad {
    case .minor: .minor7
    case .diminished: .halfDiminished7
    case .augmented: .augmented
    default: .dominant7
    }
  }
}

import Theory

/// A chord voiced for the keyboard or pad: its pitches, low to high.
///
/// ``next(for:after:register:)`` chooses the voicing with the least total movement from the previous
/// one (smooth voice leading, as in four-part writing), among voicings that keep every chord tone,
/// avoid muddy close intervals in the low register and stay in the register.
public struct Voicing: Sendable, Hashable {
  public var pitches: [Int]

  public init(pitches: [Int]) { self.pitches = pitches.sorted() }

  /// The default register for accompaniment chords: G2…G5 (MIDI 43…79), centred around middle C.
  public static let defaultRegister = 48...76

  /// All voicings of `chord` in `register` with 3–4 notes: each chord tone once (the root or fifth doubled in
  /// triads), spanning at most two octaves, no seconds below C3.
  public static func candidates(for chord: Chord, register: ClosedRange<Int> = defaultRegister)
    -> [Voicing]
  {
    var base = chord.pitchClasses.map { $0 % 12 }
    // Five-note colours drop the fifth: the ninth and seventh carry the colour.
    if base.count > 4 { base.remove(at: 2) }
    // Triads double the root or the fifth, as in four-part writing (never the third).
    let toneSets = base.count == 3 ? [base + [base[0]], base + [base[2]]] : [base]
    var result: [Voicing] = []
    var tones: [Int] = []
    func place(_ index: Int, _ chosen: [Int]) {
      if index == tones.count {
        let sorted = chosen.sorted()
        guard Set(sorted).count == sorted.count, sorted.last! - sorted.first! <= 24 else { return }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a < 48 && b - a < 3 { return }
        result.append(Voicing(pitches: sorted))
        return
      }
      var p = register.lowerBound + ((tones[index] - register.lowerBound) % 12 + 12) % 12
      while p <= register.upperBound {
        place(index + 1, chosen + [p])
        p += 12
      }
    }
    for set in toneSets {
      tones = set
      place(0, [])
    }
    return Array(Set(result)).sorted { $0.pitches.lexicographicallyPrecedes($1.pitches) }
  }

  /// The voicing of `chord` closest to `previous` (sum of the sorted voices' distances); without a
  /// previous voicing, the one whose centre is nearest two thirds of the way up the register.
  public static func next(
    for chord: Chord, after previous: Voicing?, register: ClosedRange<Int> = defaultRegister
  )
    -> Voicing
  {
    let options = candidates(for: chord, register: register)
    guard !options.isEmpty else {
      let root =
        register.lowerBound + ((chord.root.pitchClass - register.lowerBound) % 12 + 12) % 12
      return Voicing(pitches: chord.quality.intervals.map { root + $0 })
    }
    // Aim at the upper part of the register: close chords low down sound muddy.
    let middle = Double(register.lowerBound + 2 * register.upperBound) / 3
    func cost(_ v: Voicing) -> Double {
      let centre = Double(v.pitches.reduce(0, +)) / Double(v.pitches.count)
      // A gentle pull to the middle keeps a long progression from drifting up or down.
      let drift = abs(centre - middle) * 0.35
      guard let previous else { return drift + Double(v.pitches.last! - v.pitches.first!) * 0.1 }
      let a = previous.pitches
      let b = v.pitches
      var movement = 0
      for i in 0..<min(a.count, b.count) { movement += abs(a[i] - b[i]) }
      return Double(movement) + drift
    }
    return options.min {
      cost($0) < cost($1)
        || (cost($0) == cost($1) && $0.pitches.lexicographicallyPrecedes($1.pitches))
    }!
  }
}

extension ChordQuality {
  /// The fifth a guitarist's two-note power chord keeps: the chord's own (6 for diminished chords,
  /// 8 for augmented), 7 otherwise.
  var powerChordFifth: Int {
    intervals.contains(7) ? 7 : intervals.contains(6) ? 6 : intervals.contains(8) ? 8 : 7
  }
}

import Affect

/// Drum idioms GMD has no genre for, written as rules in the learned table's shape (bars, transitions,
/// fills) so ``GrooveDrummer`` plays them the same way: several bars that vary, and several fills.
///
/// These are programmed styles, so they sit on the grid (rolls use exact 32nd and triplet offsets):
/// - trap: half-time snare and clap on beat 3, 808-style kick patterns, hi-hats in eighths and
///   sixteenths with 32nd-note and triplet rolls;
/// - house and EDM: four-on-the-floor kick, clap on 2 and 4, open hats on the off-beats; the fills are
///   builds (snare eighths to sixteenths, the kick dropping out before the drop);
/// - metal: double-kick sixteenths, gallops, half-time and blast-beat bars, tom runs;
/// - synthwave: gated snare (electric snare layered with a clap) on 2 and 4, straight hats, tom fills;
/// - cinematic: a taiko-like ensemble (bass drum and low toms in 3+3+2 ostinati), snare-roll swells.
enum RuleGrooves {
  static func grooves(for style: Style) -> GenreGrooves? {
    switch style {
    case .trap: trap
    case .edm, .house: house
    case .metal: metal
    case .synthwave: synthwave
    case .cinematic: cinematic
    default: nil
    }
  }

  /// Lo-fi's "dusty" take on a learned hip-hop groove: softer, swung harder and laid back behind the
  /// beat, the hats duller than the backbeat (the sound of a sampled, slowed-down break).
  static func dusty(_ learned: GenreGrooves) -> GenreGrooves {
    var g = learned
    let lazy = { (bar: GrooveBar) -> GrooveBar in
      GrooveBar(
        hits: bar.hits.map { hit in
          var h = hit
          let hat = [42, 44, 46, 51].contains(hit.key)
          if hit.step % 4 == 2, hit.offset < 40 { h.offset = min(59, hit.offset + 30) }
          if hit.key == 38 || hit.key == 40 { h.offset = min(59, h.offset + 12) }
          h.velocity = max(1, Int(Double(hit.velocity) * (hat ? 0.7 : 0.85)))
          return h
        })
    }
    g.beats = g.beats.map(lazy)
    g.fills = g.fills.map(lazy)
    return g
  }

  // MARK: - Building blocks

  typealias Hit = (key: Int, step: Int, velocity: Int)

  static func bar(_ hits: [Hit], extra: [GrooveHit] = []) -> GrooveBar {
    GrooveBar(
      hits: (hits.map { GrooveHit(key: $0.key, step: $0.step, offset: 0, velocity: $0.velocity) }
        + extra).sorted { ($0.step, $0.offset, $0.key) < ($1.step, $1.offset, $1.key) })
  }

  static func on(_ key: Int, _ steps: [Int], _ velocity: Int) -> [Hit] {
    steps.map { (key, $0, velocity) }
  }

  /// Evenly spaced hits from `step` for `count` hits, `spacing` ticks apart (60 = 32nds, 80 = 16th triplets).
  static func roll(_ key: Int, from step: Int, count: Int, spacing: Int, velocity: ClosedRange<Int>)
    -> [GrooveHit]
  {
    (0..<count).map { i in
      let t = step * 120 + i * spacing
      let s = (t + 60) / 120
      let v =
        velocity.lowerBound + (velocity.upperBound - velocity.lowerBound) * i / max(1, count - 1)
      return GrooveHit(key: key, step: min(15, s), offset: t - min(15, s) * 120, velocity: v)
    }
  }

  /// Mostly the same bar again, sometimes back to the main one, now and then another variation.
  static func transitions(_ n: Int) -> [[Int]] {
    (0..<n).map { i in (0..<n).map { j in i == j ? 6 : (j == 0 ? 4 : 1) } }
  }

  static func grooves(_ beats: [GrooveBar], fills: [GrooveBar], bpm: Double) -> GenreGrooves {
    GenreGrooves(
      beats: beats, transitions: transitions(beats.count), fills: fills, beatBarsRead: 0,
      fillBarsRead: 0, medianBPM: bpm)
  }

  static let eighths = Array(stride(from: 0, to: 16, by: 2))
  static let sixteenths = Array(0..<16)

  // MARK: - Styles

  static let trap: GenreGrooves = {
    let snare = on(38, [8], 110) + on(39, [8], 100)
    let hats8 = on(42, eighths, 80)
    let hats16 = sixteenths.map { (42, $0, $0 % 2 == 0 ? 84 : 62) }
    return grooves(
      [
        // Even the main bar ends in a quick roll: the hats are where trap lives.
        bar(
          on(36, [0, 7, 10], 118) + snare + hats8.filter { $0.1 != 14 },
          extra: roll(42, from: 14, count: 3, spacing: 40, velocity: 64...90)),
        bar(
          on(36, [0, 3, 10, 11], 118) + snare + hats16.filter { $0.1 < 12 },
          extra: roll(42, from: 12, count: 6, spacing: 80, velocity: 60...96)),
        bar(
          on(36, [0, 10, 14], 118) + snare + hats8.filter { $0.1 != 6 },
          extra: roll(42, from: 6, count: 4, spacing: 60, velocity: 58...92)),
        bar(on(36, [0, 6, 10], 118) + snare + hats16.filter { $0.1 != 14 } + on(46, [14], 80)),
      ],
      fills: [
        bar(
          on(36, [0, 7, 10], 118) + snare + hats8.filter { $0.1 < 12 },
          extra: roll(38, from: 12, count: 8, spacing: 60, velocity: 50...110)),
        bar(
          on(36, [0, 3], 118) + snare + hats8.filter { $0.1 < 8 },
          extra: roll(42, from: 8, count: 12, spacing: 80, velocity: 50...100)),
        bar(on(36, [0, 10, 11, 13, 14], 118) + snare + hats16.filter { $0.1 < 8 }),
      ], bpm: 140)
  }()

  static let house: GenreGrooves = {
    let kick = on(36, [0, 4, 8, 12], 118)
    let clap = on(39, [4, 12], 100)
    let open = on(46, [2, 6, 10, 14], 78)
    let closed = on(42, [0, 1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15], 56)
    return grooves(
      [
        bar(kick + clap + open + closed),
        bar(kick + clap + open + on(70, sixteenths, 50)),
        bar(kick + clap + open + on(36, [14], 90)),
        bar(kick + clap + open + closed + on(51, [0, 4, 8, 12], 60)),
      ],
      fills: [
        // Builds: snare eighths rising to sixteenths over the kick.
        bar(kick + open + (0..<8).map { (38, $0 * 2, 60 + 5 * $0) }),
        bar(kick + clap + open.filter { $0.1 < 8 } + (8..<16).map { (38, $0, 60 + 6 * ($0 - 8)) }),
        // The break before the drop: the kick stops, the snare climbs.
        bar(clap + open + (8..<16).map { (38, $0, 55 + 8 * ($0 - 8)) }),
      ], bpm: 124)
  }()

  static let metal: GenreGrooves = {
    let backbeat = on(38, [4, 12], 120)
    return grooves(
      [
        bar(
          sixteenths.map { (36, $0, $0 % 4 == 0 ? 118 : 100) } + backbeat + on(49, [0], 110)
            + on(51, [4, 8, 12], 90)),
        bar(
          on(36, [0, 2, 3, 4, 6, 7, 8, 10, 11, 12, 14, 15], 110) + backbeat + on(42, eighths, 88)),
        bar(sixteenths.map { (36, $0, 104) } + on(38, [8], 124) + on(49, [0, 4, 8, 12], 105)),
        bar(on(36, eighths, 112) + on(38, eighths.map { $0 + 1 }, 104) + on(51, eighths, 96)),
      ],
      fills: [
        bar(
          on(36, [0, 2, 4, 6], 110) + on(38, [4], 120) + on(50, [8, 9], 110)
            + on(48, [10, 11], 112)
            + on(45, [12, 13], 114) + on(43, [14, 15], 118)),
        bar(sixteenths.map { (36, $0, 100) } + on(38, Array(8..<16), 112)),
        bar(on(36, [0, 3, 6, 10, 12], 122) + on(49, [0, 3, 6, 10, 12], 115)),
      ], bpm: 160)
  }()

  static let synthwave: GenreGrooves = {
    // The gated snare: an electric snare and a clap together on 2 and 4.
    let snare = on(40, [4, 12], 112) + on(39, [4, 12], 90)
    return grooves(
      [
        bar(on(36, [0, 8], 112) + snare + on(42, eighths, 76)),
        bar(on(36, [0, 8, 10], 112) + snare + sixteenths.map { (42, $0, $0 % 2 == 0 ? 78 : 58) }),
        bar(
          on(36, [0, 6, 8], 112) + snare + on(42, eighths.filter { $0 != 14 }, 76)
            + on(46, [14], 80)),
      ],
      fills: [
        bar(
          on(36, [0, 8], 112) + snare.filter { $0.1 < 12 } + on(42, Array(eighths.prefix(6)), 76)
            + on(50, [12, 13], 100) + on(47, [14], 104) + on(43, [15], 108)),
        bar(
          on(36, [0, 8], 112) + snare.filter { $0.1 < 8 }
            + (8..<16).map { (40, $0, 70 + 5 * ($0 - 8)) }),
        bar(
          on(36, [0], 112) + on(50, [0, 2, 4], 100) + on(47, [6, 8, 10], 104)
            + on(43, [12, 14], 110)),
      ], bpm: 100)
  }()

  static let cinematic: GenreGrooves = {
    // Taiko-like: the bass drum and the low toms in a 3+3+2 ostinato, accents on the groups.
    let ostinato = on(41, [0, 3, 6], 104) + on(41, [8, 11, 14], 96) + on(43, [12], 90)
    return grooves(
      [
        bar(on(35, [0, 10], 120) + ostinato),
        bar(on(35, [0, 8], 120) + on(43, eighths, 86) + on(41, [0, 6, 12], 108)),
        bar(on(35, [0, 3, 6, 8, 11, 14], 116) + on(45, [4, 12], 100) + on(41, [2, 10], 80)),
        bar(on(35, [0, 10], 120) + ostinato + on(38, sixteenths, 42)),
      ],
      fills: [
        // The swell: a snare roll rising into the next phrase.
        bar(on(35, [0], 118) + sixteenths.map { (38, $0, 40 + 5 * $0) }),
        bar(
          on(35, [0, 8], 118) + on(50, [8, 9], 96) + on(47, [10, 11], 102) + on(43, [12, 13], 108)
            + on(41, [14, 15], 116)),
        bar(on(35, [0, 3, 6, 10, 12], 124) + on(57, [12], 110)),
      ], bpm: 90)
  }()
}

import Affect
import Compose
import Theory

/// Sketches of one style, and ways to read their parts as a player would.
enum StyleFixtures {
  static let composer = Composer(model: Fixtures.model)

  static func score(
    _ style: Style, key: String = "A minor", bars: Int = 8, seed: UInt64 = 1,
    arousal: Double = 0.3, chordsPerBar: Double = 1, velocity: Int = 80
  ) -> Score {
    var plan = Fixtures.plan(key: key, style: style, bars: bars, chordsPerBar: chordsPerBar)
    plan.arousal = arousal
    plan.velocity = velocity
    plan.instruments = StyleProfile.of(style).instruments
    plan.instruments.drums = true
    return composer.compose(plan, seed: seed)
  }

  static let ticksPerBar = Composer.ticksPerQuarter * 4
  static let sixteenth = Composer.ticksPerQuarter / 4

  /// The onsets of a part per bar, in ticks from the bar line.
  static func barRhythms(_ track: Track) -> [Set<Int>] {
    let bars = (track.notes.map(\.start).max() ?? 0) / ticksPerBar + 1
    var rhythms = Array(repeating: Set<Int>(), count: bars)
    for note in track.notes { rhythms[note.start / ticksPerBar].insert(note.start % ticksPerBar) }
    return rhythms
  }

  /// The fewest distinct bar rhythms in any full 8-bar window.
  static func fewestDistinctPerEightBars(_ track: Track) -> Int {
    let rhythms = barRhythms(track)
    return stride(from: 0, through: rhythms.count - 8, by: 8).map {
      Set(rhythms[$0..<($0 + 8)]).count
    }.min() ?? 0
  }

  /// Whether `tick` is within a 32nd of the sixteenth `step` of its bar.
  static func near(_ tick: Int, step: Int) -> Bool {
    let inBar = ((tick % ticksPerBar) + ticksPerBar) % ticksPerBar
    let d = abs(inBar - step * sixteenth)
    return min(d, ticksPerBar - d) <= sixteenth / 2
  }
}

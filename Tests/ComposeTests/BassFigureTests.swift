import Affect
import Compose
import Testing
import Theory

/// Bass parts that held one note a bar (6/8 lullabies, film cues) or walked only in quarters now move
/// between bar rhythms like a player's, while a loop style's held bass stays held.
@Suite struct BassFigureTests {
  static func score(
    _ style: Style, meter: Meter = .commonTime, arousal: Double, chordsPerBar: Double = 1,
    seed: UInt64
  ) -> Score {
    var plan = Fixtures.plan(
      key: "D major", style: style, bars: 16, meter: meter, chordsPerBar: chordsPerBar)
    plan.arousal = arousal
    plan.instruments = StyleProfile.of(style).instruments
    return StyleFixtures.composer.compose(plan, seed: seed)
  }

  /// The onsets of each bar, in ticks from its bar line.
  static func barRhythms(_ notes: [NoteEvent], barTicks: Int) -> [Set<Int>] {
    let bars = (notes.map(\.start).max() ?? 0) / barTicks + 1
    var rhythms = Array(repeating: Set<Int>(), count: bars)
    for note in notes { rhythms[note.start / barTicks].insert(note.start % barTicks) }
    return rhythms
  }

  /// The fewest distinct bar rhythms in an 8-bar window, the piece's final held bar left out.
  static func fewestDistinct(_ rhythms: [Set<Int>]) -> Int {
    let playing = Array(rhythms.dropLast())
    return stride(from: 0, to: playing.count - 7, by: 8).map {
      Set(playing[$0..<($0 + 8)]).count
    }.min() ?? 0
  }

  /// One part of a calm 6/8 classical sketch (a lullaby, one chord per two bars) and the bar's length
  /// in ticks.
  static func lullabyPart(_ name: String, seed: UInt64) throws -> (
    notes: [NoteEvent], barTicks: Int
  ) {
    let meter = Meter(6, 8)
    let score = score(.classical, meter: meter, arousal: -0.7, chordsPerBar: 0.5, seed: seed)
    let part = try #require(Fixtures.track(score, name))
    return (part.notes, meter.ticksPerBar(ticksPerQuarter: Composer.ticksPerQuarter))
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func aSixEightLullabyBassRocksButMostlyHolds(seed: UInt64) throws {
    let (bass, barTicks) = try Self.lullabyPart("Bass", seed: seed)
    let rhythms = Self.barRhythms(bass, barTicks: barTicks)
    #expect(Self.fewestDistinct(rhythms) >= 4, "seed \(seed): \(rhythms)")
    // Calm: the held bar (one onset) is still the commonest.
    let held = rhythms.filter { $0 == [0] }.count
    let busiest = Dictionary(grouping: rhythms, by: { $0 }).values.map(\.count).max() ?? 0
    #expect(held == busiest, "seed \(seed): held bars \(held), commonest \(busiest)")
    // Every onset is on the 6/8 grid of eighths.
    let eighth = Composer.ticksPerQuarter / 2
    #expect(bass.allSatisfy { $0.start % barTicks % eighth == 0 || $0.start % barTicks == 0 })
  }

  @Test func aFilmCueBassMovesUnderItsHeldChords() throws {
    let score = Self.score(.cinematic, arousal: -0.3, chordsPerBar: 0.5, seed: 2)
    let bass = try #require(Fixtures.track(score, "Bass"))
    let rhythms = Self.barRhythms(bass.notes, barTicks: StyleFixtures.ticksPerBar)
    #expect(Self.fewestDistinct(rhythms) >= 4, "\(rhythms)")
  }

  @Test func anAmbientBassStillHoldsEachChord() throws {
    let score = Self.score(.ambient, arousal: -0.6, chordsPerBar: 0.5, seed: 2)
    let bass = try #require(Fixtures.track(score, "Bass"))
    // One held note per chord, struck where the chord starts (at most every two bars).
    let chordStarts = Set(score.chords.map(\.start))
    #expect(bass.notes.allSatisfy { chordStarts.contains($0.start) })
    #expect(bass.notes.count <= score.chords.count)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func aWalkingBassIsQuartersFirstWithItsSkipsAndRakes(seed: UInt64) throws {
    let score = Self.score(.jazz, arousal: 0.1, seed: seed)
    let bass = try #require(Fixtures.track(score, "Bass"))
    let rhythms = Self.barRhythms(bass.notes, barTicks: StyleFixtures.ticksPerBar)
    #expect(Self.fewestDistinct(rhythms) >= 4, "seed \(seed): \(rhythms)")
    let beat = Composer.ticksPerQuarter
    let quarters = rhythms.dropLast().filter { $0 == [0, beat, 2 * beat, 3 * beat] }.count
    #expect(quarters * 2 >= rhythms.count - 1, "seed \(seed): \(quarters) plain bars")
  }
}

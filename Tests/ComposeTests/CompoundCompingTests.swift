import Affect
import Compose
import Testing
import Theory

/// Chords in 6/8 are counted in eighths, as the metre is, and move between bar figures.
@Suite struct CompoundCompingTests {
  @Test(arguments: [UInt64(1), 2, 3])
  func aSixEightArpeggioRunsInEighthsAndVariesItsBars(seed: UInt64) throws {
    let score = BassFigureTests.score(
      .classical, meter: Meter(6, 8), arousal: -0.7, chordsPerBar: 0.5, seed: seed)
    let chords = try #require(Fixtures.track(score, "Chords"))
    let barTicks = Meter(6, 8).ticksPerBar(ticksPerQuarter: Composer.ticksPerQuarter)
    let eighth = Composer.ticksPerQuarter / 2
    // Humanised timing moves onsets by a few ticks at most; the grid they sit near is the eighth's.
    let offGrid = chords.notes.filter { note in
      let inBar = note.start % barTicks
      let nearest = ((inBar + eighth / 2) / eighth) * eighth
      return abs(inBar - nearest) > eighth / 4
    }
    #expect(offGrid.isEmpty, "seed \(seed): \(offGrid.count) chord notes off the eighth-note grid")
    let rhythms = BassFigureTests.barRhythms(chords.notes, barTicks: barTicks).map { bar in
      Set(bar.map { ($0 + eighth / 2) / eighth })
    }
    #expect(BassFigureTests.fewestDistinct(rhythms) >= 4, "seed \(seed): \(rhythms)")
  }
}

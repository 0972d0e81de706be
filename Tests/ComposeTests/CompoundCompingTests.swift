import Affect
import Compose
import Testing
import Theory

/// Chords in 6/8 are counted in eighths, as the metre is, and move between bar figures.
@Suite struct CompoundCompingTests {
  @Test(arguments: [UInt64(1), 2, 3])
  func aSixEightArpeggioRunsInEighthsAndVariesItsBars(seed: UInt64) throws {
    let (chords, barTicks) = try BassFigureTests.lullabyPart("Chords", seed: seed)
    let eighth = Composer.ticksPerQuarter / 2
    // Humanised timing moves onsets by a few ticks at most; the grid they sit near is the eighth's.
    let offGrid = chords.filter { note in
      let inBar = note.start % barTicks
      let nearest = ((inBar + eighth / 2) / eighth) * eighth
      return abs(inBar - nearest) > eighth / 4
    }
    #expect(offGrid.isEmpty, "seed \(seed): \(offGrid.count) chord notes off the eighth-note grid")
    let rhythms = BassFigureTests.barRhythms(chords, barTicks: barTicks).map { bar in
      Set(bar.map { ($0 + eighth / 2) / eighth })
    }
    #expect(BassFigureTests.fewestDistinct(rhythms) >= 4, "seed \(seed): \(rhythms)")
  }
}

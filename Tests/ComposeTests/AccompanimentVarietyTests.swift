import Affect
import Compose
import Testing
import Theory

/// The accompaniment is not a one-bar loop: chords and bass move between several bar rhythms, as
/// POP909's piano parts do (about 5 distinct bar rhythms in 8 bars), except where the style is a loop.
@Suite struct AccompanimentVarietyTests {
  static let nonLoopStyles: [Style] = [
    .pop, .rock, .metal, .punk, .funk, .country, .folk, .hiphop, .lofi, .rnb, .soul, .reggae,
    .jazz, .bossaNova, .gospel, .classical,
  ]

  @Test(arguments: nonLoopStyles)
  func chordsUseAtLeastFourBarRhythmsInEveryEightBars(style: Style) throws {
    for seed: UInt64 in [1, 2, 3] {
      let score = StyleFixtures.score(style, bars: 16, seed: seed)
      let chords = try #require(Fixtures.track(score, "Chords"))
      #expect(
        StyleFixtures.fewestDistinctPerEightBars(chords) >= 4, "\(style.rawValue) seed \(seed)")
    }
  }

  @Test(arguments: [Style.pop, .rock, .funk, .country, .reggae, .hiphop, .soul])
  func bassUsesAtLeastFourBarRhythmsInEveryEightBars(style: Style) throws {
    let score = StyleFixtures.score(style, bars: 16, seed: 4)
    let bass = try #require(Fixtures.track(score, "Bass"))
    #expect(StyleFixtures.fewestDistinctPerEightBars(bass) >= 4, "\(style.rawValue)")
  }

  @Test func houseKeepsItsLoop() throws {
    let score = StyleFixtures.score(.house, bars: 8)
    let chords = try #require(Fixtures.track(score, "Chords"))
    let rhythms = StyleFixtures.barRhythms(chords).dropLast()
    #expect(Set(rhythms).count == 1, "house stabs repeat bar after bar")
  }

  @Test(arguments: Style.allCases.filter { StyleProfile.of($0).instruments.drums })
  func drumPartsAreNotFourFixedBarTypes(style: Style) throws {
    let score = StyleFixtures.score(style, bars: 16, seed: 2)
    let drums = try #require(score.tracks.first { $0.isDrums })
    var bars: [Int: Set<[Int]>] = [:]
    for note in drums.notes {
      bars[note.start / StyleFixtures.ticksPerBar, default: []].insert([
        note.pitch.midi, note.start % StyleFixtures.ticksPerBar,
      ])
    }
    let kinds = Set(bars.values).count
    #expect(kinds > 4, "\(style.rawValue): \(kinds) drum bar types in 16 bars")
  }
}

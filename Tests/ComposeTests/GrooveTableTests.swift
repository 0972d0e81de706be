import Affect
import Testing
import Theory

@testable import Compose

/// The shipped drum grooves: real drummers' bars from the Groove MIDI Dataset, in General MIDI.
@Suite struct GrooveTableTests {
  let table = GrooveTable.shipped

  @Test func theShippedTableLoadsAndCreditsGMD() throws {
    let table = try #require(table)
    #expect(table.source.contains("Groove MIDI Dataset"))
    #expect(table.source.contains("CC BY 4.0"))
    #expect(table.genres.count >= 15)
  }

  @Test func everyHitIsAGeneralMIDIDrum() throws {
    let table = try #require(table)
    let keys = Set(
      table.genres.values.flatMap { $0.beats + $0.fills }.flatMap(\.hits).map(\.key))
    #expect(keys.allSatisfy { (35...81).contains($0) }, "keys \(keys.sorted())")
    // The TD-11's edge zones and the floor tom rim are not GM drums and must not survive.
    #expect(keys.isDisjoint(with: [22, 26, 58]))
  }

  @Test func grooveKeepsTheDrummersMicroTiming() throws {
    let table = try #require(table)
    for (genre, grooves) in table.genres {
      let offsets = grooves.beats.flatMap(\.hits).map(\.offset)
      let offGrid = offsets.filter { abs($0) >= 5 }.count
      #expect(Double(offGrid) / Double(offsets.count) > 0.3, "\(genre): mostly on the grid")
      #expect(offsets.allSatisfy { (-60...60).contains($0) })
    }
  }

  @Test func playedDrumsAreNotQuantised() throws {
    for style in [Style.rock, .funk, .jazz, .reggae, .pop] {
      let score = StyleFixtures.score(style, bars: 8)
      let drums = try #require(score.tracks.first { $0.isDrums })
      let offGrid = drums.notes.filter { $0.start % StyleFixtures.sixteenth != 0 }.count
      #expect(Double(offGrid) / Double(drums.notes.count) > 0.5, "\(style.rawValue)")
      #expect(drums.notes.allSatisfy { (35...81).contains($0.pitch.midi) })
    }
  }

  @Test(arguments: Style.allCases.filter { StyleProfile.of($0).instruments.drums })
  func everyDrummingStyleHasMoreThanOneFillType(style: Style) throws {
    let grooves = try #require(StyleGrooves.grooves(for: style, table: table))
    #expect(grooves.fills.count > 1, "\(style.rawValue)")
    #expect(Set(grooves.fills).count == grooves.fills.count)
    #expect(grooves.beats.count >= 3)
  }

  @Test func fillsVaryAcrossASketch() throws {
    let grooves = try #require(StyleGrooves.grooves(for: .rock, table: table))
    var generator = SeededGenerator(seed: 9)
    let drummer = GrooveDrummer(
      grid: Grid(ticksPerQuarter: 480, meter: .commonTime, bars: 32), grooves: grooves,
      velocity: 90, form: Form(bars: 32), energy: 0)
    let fills = drummer.plan(generator: &generator).compactMap { kind -> Int? in
      switch kind {
      case .fill(let f), .halfFill(_, let f): f
      default: nil
      }
    }
    #expect(fills.count == 7, "a fill closes every phrase but the last")
    #expect(Set(fills).count > 1)
    #expect(
      zip(fills, fills.dropFirst()).allSatisfy { $0 != $1 }, "never the same fill twice running")
  }

  @Test func sameSeedSameDrums() throws {
    for style in [Style.rock, .jazz, .trap, .house, .lofi] {
      let a = StyleFixtures.score(style, seed: 11)
      let b = StyleFixtures.score(style, seed: 11)
      let c = StyleFixtures.score(style, seed: 12)
      #expect(a == b)
      #expect(a.tracks.first { $0.isDrums } != c.tracks.first { $0.isDrums }, "\(style.rawValue)")
    }
  }

  @Test func theBandSwingsAsTheJazzDrummersPlayed() throws {
    let jazz = try #require(StyleGrooves.grooves(for: .jazz, table: table))
    let played = try #require(GrooveFeel.swingRatio(jazz))
    #expect((0.55...0.7).contains(played), "GMD jazz swings: \(played)")
    var plan = Fixtures.plan(key: "F major", style: .jazz, swing: 0.64)
    plan.arousal = 0.2
    let score = StyleFixtures.composer.compose(plan, seed: 3)
    let offBeats = try #require(Fixtures.track(score, "Chords")).notes.map { $0.start % 480 }
      .filter { (200...380).contains($0) }
    #expect(!offBeats.isEmpty)
    #expect(offBeats.allSatisfy { $0 == 240 + Int((played - 0.5) * 480) })
  }

  @Test func rockStaysStraight() throws {
    let rock = try #require(StyleGrooves.grooves(for: .rock, table: table))
    #expect(abs((GrooveFeel.swingRatio(rock) ?? 0.5) - 0.5) < 0.04)
  }
}

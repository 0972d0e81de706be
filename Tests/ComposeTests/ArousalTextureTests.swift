import Affect
import Compose
import Testing
import Theory

/// Arousal is carried by the music, not only by loudness: at the same velocity an intense sketch
/// has a busier kit, fuller chords and drums from the start; a calm one builds.
@Suite struct ArousalTextureTests {
  typealias F = StyleFixtures

  @Test(arguments: [Style.rock, .pop, .funk, .soul])
  func intenseIsBusierAtTheSameLoudness(style: Style) throws {
    var calmHits = 0
    var intenseHits = 0
    var calmChordNotes = 0
    var intenseChordNotes = 0
    for seed: UInt64 in 1...3 {
      let calm = F.score(style, seed: seed, arousal: -0.6, velocity: 70)
      let intense = F.score(style, seed: seed, arousal: 0.8, velocity: 70)
      calmHits += calm.tracks.first { $0.isDrums }!.notes.count
      intenseHits += intense.tracks.first { $0.isDrums }!.notes.count
      calmChordNotes += Fixtures.track(calm, "Chords")!.notes.count
      intenseChordNotes += Fixtures.track(intense, "Chords")!.notes.count
    }
    #expect(Double(intenseHits) > 1.2 * Double(calmHits), "\(style.rawValue) drums")
    #expect(intenseChordNotes > calmChordNotes, "\(style.rawValue) chords")
  }

  @Test func intenseSketchesAddAPart() {
    for style in [Style.pop, .rock, .metal, .cinematic, .house] {
      let calm = F.score(style, arousal: -0.2)
      let intense = F.score(style, arousal: 0.8)
      #expect(intense.tracks.count == calm.tracks.count + 1, "\(style.rawValue)")
      #expect(intense.tracks.contains { $0.name == "Layer" && !$0.notes.isEmpty })
    }
  }

  @Test func moderateSketchesBuildIntoTheSecondPhrase() throws {
    let score = F.score(.rock, bars: 8, arousal: 0)
    let drums = try #require(score.tracks.first { $0.isDrums }).notes
    let snareEarly = drums.filter { $0.pitch.midi == 38 && $0.start < 3 * F.ticksPerBar }
    let snareLater = drums.filter {
      [38, 40].contains($0.pitch.midi) && $0.start >= 4 * F.ticksPerBar
    }
    #expect(snareEarly.isEmpty, "the backbeat waits")
    #expect(!snareLater.isEmpty)
  }
}

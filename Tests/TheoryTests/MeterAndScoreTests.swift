import Testing

@testable import Theory

@Suite struct MeterAndScoreTests {
  @Test func parsesMetersAndRejectsImpossibleOnes() {
    #expect(Meter(parsing: "6/8")?.isCompound == true)
    #expect(Meter(parsing: "6/8")?.beatsPerBar == 2)
    #expect(Meter(parsing: "7/8")?.quarterNotesPerBar == 3.5)
    #expect(Meter(parsing: "4/3") == nil)
    #expect(Meter(parsing: "0/4") == nil)
    #expect(Meter(parsing: "four") == nil)
  }

  @Test func secondsFollowTheTempoMap() {
    var score = Score(
      ticksPerQuarter: 480,
      tempos: [TempoChange(tick: 0, bpm: 120), TempoChange(tick: 1920, bpm: 60)])
    score.tracks = [
      Track(
        name: "p", program: 0, channel: 0,
        notes: [NoteEvent(start: 0, duration: 2400, pitch: Pitch(60), velocity: 90)])
    ]
    // 4 beats at 120 = 2 s, then 1 beat at 60 = 1 s.
    #expect(abs(score.durationSeconds - 3.0) < 1e-9)
  }

  @Test func seededGeneratorIsReproducible() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    var c = SeededGenerator(seed: 43)
    #expect(a.next() != c.next())
  }

  @Test func pitchNamesUseMiddleCAsC4() {
    #expect(Pitch(60).description == "C4")
    #expect(Pitch(69).frequency == 440)
    #expect(Pitch(NoteClass(.B, accidental: -1), octave: 3).midi == 58)
  }
}

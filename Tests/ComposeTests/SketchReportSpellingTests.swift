import Testing
import Theory

@testable import Compose

/// Melody note names as a musician reads them in the key of the sketch.
@Suite struct SketchReportSpellingTests {
  func name(_ midi: Int, _ key: String) -> String {
    SketchReport.spell(Pitch(midi), in: Key(parsing: key)!)
  }

  @Test func leadingToneIsASharpenedSeventh() {
    #expect(name(68, "A minor") == "G#4")
    #expect(name(65, "F# minor") == "E#4")
    #expect(name(72, "C# minor") == "B#4")
    #expect(name(73, "D harmonic minor") == "C#5")
  }

  @Test func borrowedNotesAreFlatsAndRaisedDegreesSharps() {
    #expect(name(70, "C major") == "Bb4")
    #expect(name(63, "C major") == "Eb4")
    #expect(name(66, "C major") == "F#4")
    #expect(name(61, "A minor") == "C#4")
    #expect(name(71, "Gb major") == "Cb5")
  }

  @Test func modesSpellTheirOwnScale() {
    #expect(name(63, "A lydian") == "D#4")
    #expect(name(71, "D dorian") == "B4")
    #expect(name(65, "E phrygian") == "F4")
    #expect(name(67, "A mixolydian") == "G4")
  }
}

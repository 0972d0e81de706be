import Testing

@testable import Theory

@Suite struct KeyTests {
  @Test func parsesCommonSpellings() throws {
    #expect(Key(parsing: "A minor") == Key(NoteClass(.A), .minor))
    #expect(Key(parsing: "Am") == Key(NoteClass(.A), .minor))
    #expect(Key(parsing: "F# dorian") == Key(NoteClass(.F, accidental: 1), .dorian))
    #expect(Key(parsing: "Bb") == Key(NoteClass(.B, accidental: -1), .major))
    #expect(Key(parsing: "Gb:maj") == Key(NoteClass(.G, accidental: -1), .major))
    #expect(Key(parsing: "H major") == nil)
    #expect(Key(parsing: "C blorp") == nil)
    #expect(Key(parsing: "") == nil)
  }

  @Test func keySignaturesMatchTheCircleOfFifths() {
    #expect(Key(NoteClass(.C), .major).signatureAccidentals == 0)
    #expect(Key(NoteClass(.E), .major).signatureAccidentals == 4)
    #expect(Key(NoteClass(.E, accidental: -1), .major).signatureAccidentals == -3)
    #expect(Key(NoteClass(.A), .minor).signatureAccidentals == 0)
    #expect(Key(NoteClass(.C), .minor).signatureAccidentals == -3)
    #expect(Key(NoteClass(.D), .dorian).signatureAccidentals == 0)
    #expect(Key(NoteClass(.F, accidental: 1), .minor).signatureAccidentals == 3)
  }

  @Test func spellsScaleTonesByLetter() {
    let f = Key(NoteClass(.F), .major)
    #expect(f.spell(pitchClass: 10).description == "Bb")
    let b = Key(NoteClass(.B), .major)
    #expect(b.spell(pitchClass: 10).description == "A#")
    #expect(Key(NoteClass(.C), .minor).spell(pitchClass: 3).description == "Eb")
    // Leading tones are sharpened sevenths even in flat keys.
    #expect(Key(NoteClass(.G), .dorian).spell(pitchClass: 6).description == "F#")
    #expect(Key(NoteClass(.D), .minor).spell(pitchClass: 1).description == "C#")
  }

  @Test func relativeKeys() {
    #expect(Key(NoteClass(.A), .minor).relative == Key(NoteClass(.C), .major))
    #expect(Key(NoteClass(.E, accidental: -1), .major).relative == Key(NoteClass(.C), .minor))
    #expect(Key(NoteClass(.D), .dorian).relative == Key(NoteClass(.C), .major))
  }
}

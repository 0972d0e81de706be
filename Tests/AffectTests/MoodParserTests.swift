import Testing

@testable import Affect

@Suite struct MoodParserTests {
  let parser = MoodParser()

  @Test func happyAndSadPromptsLandInOppositeQuadrants() throws {
    let happy = try parser.parse("happy upbeat summer")
    let sad = try parser.parse("sad slow rainy night")
    #expect(happy.quadrant == .q1)
    #expect(sad.quadrant == .q3)
    #expect(happy.valence > 0.4 && happy.arousal > 0.3)
    #expect(sad.valence < -0.2 && sad.arousal < -0.2)
  }

  @Test func negationRaisesTheValenceOfANegativeWord() throws {
    let sad = try parser.parse("sad")
    let notSad = try parser.parse("not sad")
    #expect(notSad.valence > sad.valence)
    #expect(notSad.drivers.first?.modifiers == ["not"])
    #expect(try parser.parse("not happy").valence < parser.parse("happy").valence)
    #expect(try parser.parse("never happy").valence < parser.parse("happy").valence)
  }

  @Test func anythingButCalmIsMoreAroused() throws {
    #expect(try parser.parse("anything but calm").arousal > parser.parse("calm").arousal)
    #expect(try parser.parse("anything but calm").arousal > 0)
  }

  @Test func negationCoversOneMoodWordOrAnAlternativeList() throws {
    let list = try parser.parse("not sad or lonely")
    #expect(list.drivers.map(\.modifiers) == [["not"], ["not"]])
    let next = try parser.parse("not sad late night")
    #expect(next.drivers.map(\.modifiers) == [["not"], []])
  }

  @Test func negationReachesPastFillerWords() throws {
    let mood = try parser.parse("don't make it sad")
    #expect(mood.drivers.first?.modifiers == ["dont"])
    #expect(mood.valence > 0)
  }

  @Test func typedSpellingsAreNormalised() throws {
    #expect(try parser.parse("Rock'n'Roll").primaryStyle == .rock)
    #expect(try parser.parse("R&B").primaryStyle == .rnb)
    #expect(try parser.parse("drum & bass").primaryStyle == .edm)
    #expect(try parser.parse("LO-FI").primaryStyle == .lofi)
  }

  @Test func negationEndsAtTheClause() throws {
    // "happy" after the comma is not negated.
    let mood = try parser.parse("not sad, happy")
    #expect(mood.drivers.map(\.modifiers) == [["not"], []])
    let but = try parser.parse("not calm but happy")
    #expect(but.drivers.last?.modifiers == [])
  }

  @Test func intensifiersAndSoftenersOrderTheStrength() throws {
    let very = try parser.parse("very happy").valence
    let plain = try parser.parse("happy").valence
    let slightly = try parser.parse("slightly happy").valence
    let bit = try parser.parse("a bit happy").valence
    #expect(very > plain)
    #expect(plain > bit)
    #expect(bit > slightly)
    #expect(try parser.parse("kind of sad").valence > parser.parse("sad").valence)
    #expect(try parser.parse("extremely angry").arousal > parser.parse("angry").arousal)
  }

  @Test func multiWordPhrasesAreOneDriver() throws {
    let night = try parser.parse("late night")
    #expect(night.drivers.map(\.text) == ["late night"])
    let fight = try parser.parse("epic Boss-Fight!")
    #expect(fight.drivers.map(\.text) == ["epic", "Boss-Fight"])
    #expect(fight.quadrant == .q2 || fight.arousal > 0.6)
  }

  @Test func phrasesDoNotSpanPunctuation() throws {
    let mood = try parser.parse("late, night")
    #expect(!mood.drivers.contains { $0.term == "late night" })
  }

  @Test func styleWordsBecomeWeightedTags() throws {
    let mood = try parser.parse("chill lo-fi beats with a bit of jazz")
    #expect(mood.primaryStyle == .lofi)
    #expect(mood.styles.map(\.style).contains(.jazz))
    #expect(mood.styles.first?.weight == 1)
    #expect(try parser.parse("hip hop").primaryStyle == .hiphop)
    #expect(try parser.parse("R&B slow jam").primaryStyle == .rnb)
    #expect(try parser.parse("no jazz, happy").styles.isEmpty)
  }

  @Test func styleAloneGivesTheStylesMood() throws {
    let jazz = try parser.parse("jazz")
    #expect(jazz.primaryStyle == .jazz)
    #expect(jazz.drivers.count == 1)
    let metal = try parser.parse("metal")
    #expect(metal.arousal > jazz.arousal)
  }

  @Test func unknownWordsAreReportedAndStopWordsIgnored() throws {
    let mood = try parser.parse("a happy song with the flurbish glorp")
    #expect(mood.unknownWords == ["flurbish", "glorp"])
    #expect(mood.drivers.map(\.text) == ["happy"])
  }

  @Test func inflectionsAreUnderstood() throws {
    let mood = try parser.parse("dreaming of sunnier days")
    #expect(mood.drivers.compactMap(\.term).contains("dream"))
    #expect(mood.unknownWords.isEmpty || !mood.unknownWords.contains("dreaming"))
  }

  @Test func emptyAndUnknownPromptsThrowErrorsNamingTheProblem() {
    #expect(throws: AffectError.emptyPrompt) { try parser.parse("   ") }
    // Characters but no words: say that nothing was understood, naming what was given.
    #expect(throws: AffectError.noWords("!!! ...")) { try parser.parse("!!! ...") }
    #expect(throws: AffectError.noWords("🌧️☕")) { try parser.parse(" 🌧️☕ ") }
    #expect(AffectError.noWords("🌧️☕").description.contains("no word was understood in '🌧️☕'"))
    #expect(throws: AffectError.noKnownWords("blorp zzyzx")) { try parser.parse("blorp zzyzx") }
    #expect(AffectError.noKnownWords("blorp zzyzx").description.contains("'blorp zzyzx'"))
    #expect(AffectError.emptyPrompt.category == .usage)
  }

  @Test func theClauseAfterButCountsMore() throws {
    let sadButHopeful = try parser.parse("sad but hopeful")
    let hopefulButSad = try parser.parse("hopeful but sad")
    #expect(sadButHopeful.valence > hopefulButSad.valence)
  }

  @Test func negatedTempoWordsFlipTheirEnergy() throws {
    #expect(try parser.parse("not slow").arousal > parser.parse("slow").arousal + 0.5)
    #expect(try parser.parse("not too slow").arousal > parser.parse("slow").arousal)
  }

  @Test func aNamedStyleOutranksStylesSuggestedByScenes() throws {
    // "gym" and "workout" both suggest edm; the user named trap.
    let mood = try parser.parse("gym workout hype trap")
    #expect(mood.primaryStyle == .trap)
    #expect(mood.styles.map(\.style).contains(.edm))
  }

  @Test func aCustomLexiconCanBeUsed() throws {
    let lexicon = Lexicon(entries: [
      LexiconEntry(
        term: "Blorp-Wave", valence: 0.5, arousal: 0.5, category: .style, style: .synthwave)
    ])
    let mood = try MoodParser(lexicon: lexicon).parse("blorp wave")
    #expect(mood.primaryStyle == .synthwave)
    #expect(throws: AffectError.noKnownWords("happy")) {
      try MoodParser(lexicon: lexicon).parse("happy")
    }
  }

  @Test func strongerWordsWeighMore() throws {
    // A faint word next to a strong one moves the result less than the strong one does.
    let mood = try parser.parse("ecstatic, slightly cloudy")
    #expect(mood.valence > 0.5)
  }
}

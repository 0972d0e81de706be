import Testing

@testable import Affect

@Suite struct JourneyParserTests {
  let journeys = JourneyParser()

  @Test func sectionsGetTheirOwnMoods() throws {
    let j = try #require(try journeys.parse("sad verse, hopeful chorus"))
    #expect(j.shape == .sections)
    #expect(j.stages.map(\.section) == ["verse", "chorus"])
    #expect(j.stages[0].mood.valence < 0 && j.stages[1].mood.valence > 0)
    let three = try #require(
      try journeys.parse("quiet intro, tense pre-chorus and a triumphant chorus"))
    #expect(three.stages.map(\.section) == ["intro", "pre-chorus", "chorus"])
    #expect(three.stages[2].mood.arousal > three.stages[0].mood.arousal)
  }

  @Test func pathsFromToArrowsAndStartsEnds() throws {
    for prompt in [
      "from lonely to triumphant", "lonely → triumphant", "lonely -> triumphant",
      "starts lonely, ends triumphant",
    ] {
      let j = try #require(try journeys.parse(prompt), "\(prompt)")
      #expect(j.shape == .path)
      #expect(j.stages.map(\.text) == ["lonely", "triumphant"], "\(prompt)")
      #expect(j.stages.map(\.position) == [0, 1])
      #expect(j.stages[0].mood.quadrant == .q3 && j.stages[1].mood.quadrant == .q1)
    }
    let calm = try #require(try journeys.parse("calm → intense"))
    #expect(calm.stages[1].mood.arousal - calm.stages[0].mood.arousal > 1)
    let dark = try #require(try journeys.parse("starts dark, ends bright"))
    #expect(dark.stages[1].mood.valence > dark.stages[0].mood.valence)
    let chain = try #require(try journeys.parse("calm -> tense -> joyful"))
    #expect(chain.stages.map(\.position) == [0, 0.5, 1])
  }

  @Test func sharedWordsColourEveryStage() throws {
    let j = try #require(try journeys.parse("lo-fi from lonely to hopeful"))
    #expect(j.stages.allSatisfy { $0.mood.primaryStyle == .lofi })
  }

  @Test func plainPromptsAreNotJourneys() throws {
    for prompt in [
      "melancholic rainy night", "not too sad, late-night lo-fi", "far from happy to be honest",
      "a catchy chorus",
    ] {
      #expect(try journeys.parse(prompt) == nil, "\(prompt)")
    }
    // And the plain mood of a prompt is what it always was.
    #expect(try MoodParser().parse("melancholic rainy night").valence < 0)
  }

  @Test func unknownWordInAStageIsNamed() {
    #expect(throws: AffectError.unknownJourneyWord("glorbish", stage: "glorbish chorus")) {
      try journeys.parse("sad verse, glorbish chorus")
    }
    #expect(throws: AffectError.unknownJourneyWord("zzyzx", stage: "zzyzx")) {
      try journeys.parse("from lonely to zzyzx")
    }
    #expect(throws: AffectError.emptyJourneyStage("")) { try journeys.parse("calm -> ") }
  }
}

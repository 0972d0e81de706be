import Testing
import Theory

@testable import Affect

@Suite struct PlannerTests {
  let parser = MoodParser()
  let planner = Planner()

  @Test func happyPlanIsMajorAndFasterThanSadPlan() throws {
    let happy = planner.plan(for: try parser.parse("happy upbeat summer"), seed: 1)
    let sad = planner.plan(for: try parser.parse("sad slow rainy night"), seed: 1)
    #expect(!happy.key.mode.hasMinorThird)
    #expect(sad.key.mode.hasMinorThird)
    #expect(happy.tempoBPM > sad.tempoBPM)
    #expect(happy.velocity > sad.velocity)
    #expect(happy.articulation < sad.articulation)
    #expect(happy.melodyDensity > sad.melodyDensity)
    #expect(happy.melodyRange.lowerBound > sad.melodyRange.lowerBound)
  }

  @Test func sameStyleStillFollowsArousal() throws {
    let calm = planner.plan(for: try parser.parse("calm jazz"), seed: 3)
    let wild = planner.plan(for: try parser.parse("wild energetic jazz"), seed: 3)
    #expect(calm.style == .jazz && wild.style == .jazz)
    #expect(wild.tempoBPM > calm.tempoBPM)
  }

  /// A calm prompt in a style with a wide or fast range is not planned at a tempo listeners hear as
  /// lively, nor a lively one at a slow tempo, as far as the style allows (issue 11: jazz at 120 BPM for
  /// "romantic candlelit dinner" was heard as lively from its own render).
  @Test func tempoSitsOnTheListenersSideOfNeutral() throws {
    let dinner = planner.plan(for: try parser.parse("romantic candlelit dinner, jazz"), seed: 1)
    #expect(dinner.style == .jazz && dinner.arousal < 0)
    #expect(dinner.tempoBPM <= Planner.listenerNeutralBPM)
    let neon = planner.plan(for: try parser.parse("retro neon city at night, synthwave"), seed: 1)
    #expect(neon.style == .synthwave && neon.arousal > 0)
    #expect(neon.tempoBPM >= Planner.listenerNeutralBPM)
    // The style's range still bounds the move: a calm punk song stays punk-fast, and a lively lo-fi
    // beat stays lo-fi.
    let calmPunk = planner.plan(
      for: Mood(valence: 0, arousal: -0.5), overrides: PlanOverrides(style: .punk), seed: 1)
    #expect(calmPunk.tempoBPM >= 150)
    let livelyLofi = planner.plan(
      for: Mood(valence: 0, arousal: 0.8), overrides: PlanOverrides(style: .lofi), seed: 1)
    #expect(livelyLofi.tempoBPM <= 90)
    // Within one style, tempo still rises with arousal.
    let tempos = [-0.8, -0.3, 0.0, 0.3, 0.8].map { Planner.tempo(arousal: $0, range: 70...190) }
    #expect(tempos == tempos.sorted() && Set(tempos).count == tempos.count)
  }

  @Test func overridesWinAndAreGivenAsTheReason() throws {
    let mood = try parser.parse("happy upbeat summer")
    let key = Key(parsing: "D minor")!
    let overrides = PlanOverrides(
      key: key, tempoBPM: 70, meter: Meter(3, 4), bars: 12, style: .jazz)
    let plan = planner.plan(for: mood, overrides: overrides, seed: 9)
    #expect(plan.key == key)
    #expect(plan.tempoBPM == 70)
    #expect(plan.meter == Meter(3, 4))
    #expect(plan.bars == 12)
    #expect(plan.style == .jazz)
    #expect(plan.reasons.filter { $0.contains("given explicitly") }.count == 5)
  }

  @Test func sameSeedGivesTheSamePlanAndSeedsVaryTheKey() throws {
    let mood = try parser.parse("road trip rock")
    #expect(planner.plan(for: mood, seed: 42) == planner.plan(for: mood, seed: 42))
    let tonics = Set((0..<20).map { planner.plan(for: mood, seed: UInt64($0)).key.tonic })
    #expect(tonics.count > 1)
    // Rock keys are guitar keys.
    #expect(tonics.isSubset(of: Set(["E", "A", "D", "G", "C", "B"].compactMap(NoteClass.init))))
  }

  @Test func everyStyleHasAPlayableTable() {
    for style in Style.allCases {
      let p = StyleProfile.of(style)
      #expect(p.style == style)
      #expect(p.tempoRange.lowerBound >= 40 && p.tempoRange.upperBound <= 220, "\(style)")
      #expect(
        !p.majorTonics.isEmpty && p.majorTonics.allSatisfy { NoteClass($0) != nil }, "\(style)")
      #expect(
        !p.minorTonics.isEmpty && p.minorTonics.allSatisfy { NoteClass($0) != nil }, "\(style)")
      for program in [p.instruments.chords, p.instruments.melody, p.instruments.bass] {
        #expect((0...127).contains(program), "\(style)")
      }
      let plan = planner.plan(
        for: Mood(valence: 0, arousal: 0), overrides: PlanOverrides(style: style), seed: 1)
      #expect(plan.style == style)
      #expect(p.tempoRange.contains(plan.tempoBPM))
    }
  }

  @Test func extremeMoodsStillGivePlayablePlansInEveryStyle() {
    for style in Style.allCases {
      for v in [-1.0, 0, 1] {
        for a in [-1.0, 0, 1] {
          let plan = planner.plan(
            for: Mood(valence: v, arousal: a), overrides: PlanOverrides(style: style), seed: 7)
          let label = "\(style) v=\(v) a=\(a)"
          #expect(StyleProfile.of(style).tempoRange.contains(plan.tempoBPM), "\(label)")
          #expect((1...127).contains(plan.velocity), "\(label)")
          #expect((0.5...1).contains(plan.articulation), "\(label)")
          #expect((0.5...4).contains(plan.melodyDensity), "\(label)")
          #expect([0.5, 1, 2].contains(plan.chordsPerBar), "\(label)")
          #expect(
            plan.melodyRange.lowerBound >= 36 && plan.melodyRange.upperBound <= 100, "\(label)")
          #expect(plan.melodyRange.count >= 12, "\(label): at least an octave")
          #expect(
            (0...1).contains(plan.seventhProbability)
              && (0...1).contains(plan.borrowedChordProbability))
        }
      }
    }
  }

  @Test func jazzAndLofiReachForSeventhsAndSwing() throws {
    let jazz = planner.plan(for: try parser.parse("jazz"), seed: 1)
    let rock = planner.plan(for: try parser.parse("rock"), seed: 1)
    let lofi = planner.plan(for: try parser.parse("lofi"), seed: 1)
    #expect(jazz.seventhProbability > rock.seventhProbability)
    #expect(lofi.seventhProbability > 0.5)
    #expect(jazz.swing > 0.55 && lofi.swing > 0.5 && rock.swing == 0.5)
  }

  @Test func bittersweetBorrowsChords() throws {
    let plain = planner.plan(for: try parser.parse("happy pop"), seed: 1)
    let bitter = planner.plan(for: try parser.parse("bittersweet pop"), seed: 1)
    #expect(bitter.borrowedChordProbability > plain.borrowedChordProbability)
  }

  @Test func colourWordsPickModes() throws {
    #expect(planner.plan(for: try parser.parse("dreamy magical"), seed: 1).key.mode == .lydian)
    #expect(planner.plan(for: try parser.parse("waltz"), seed: 1).meter == Meter(3, 4))
  }

  @Test func everyColourWordThePlannerKnowsCanBeTyped() {
    // A planner word missing from the lexicon could never reach the planner as a driver.
    let words =
      Set(Planner.modeColours.keys).union(Planner.bittersweetWords).union(Planner.richHarmonyWords)
      .union(Planner.meterWords.keys)
    let missing = words.filter { Lexicon.bundled.entry(for: $0) == nil }
    #expect(missing.isEmpty, "not in the lexicon: \(missing.sorted())")
  }

  @Test func everyDecisionHasAReason() throws {
    let plan = planner.plan(for: try parser.parse("sad slow rainy night"), seed: 1)
    #expect(plan.reasons.contains { $0.hasPrefix("minor mode:") && $0.contains("valence −") })
    #expect(plan.reasons.contains { $0.hasPrefix("tempo ") })
    #expect(plan.reasons.count >= 12)
  }

  @Test func overrideStringsAreValidatedWithTheBadValueNamed() throws {
    let ok = try PlanOverrides(
      parsingKey: "A minor", tempo: "92", meter: "6/8", bars: "16", style: "lo-fi")
    #expect(ok.key == Key(parsing: "Am") && ok.tempoBPM == 92 && ok.bars == 16 && ok.style == .lofi)
    #expect(throws: AffectError.invalidKey("H minor")) {
      try PlanOverrides(parsingKey: "H minor", tempo: nil, meter: nil, bars: nil, style: nil)
    }
    #expect(throws: AffectError.invalidTempo("0")) {
      try PlanOverrides(parsingKey: nil, tempo: "0", meter: nil, bars: nil, style: nil)
    }
    #expect(throws: AffectError.invalidBars("-2")) {
      try PlanOverrides(parsingKey: nil, tempo: nil, meter: nil, bars: "-2", style: nil)
    }
    #expect(throws: AffectError.invalidMeter("4/5")) {
      try PlanOverrides(parsingKey: nil, tempo: nil, meter: "4/5", bars: nil, style: nil)
    }
    #expect(throws: AffectError.invalidStyle("polka")) {
      try PlanOverrides(parsingKey: nil, tempo: nil, meter: nil, bars: nil, style: "polka")
    }
  }
}

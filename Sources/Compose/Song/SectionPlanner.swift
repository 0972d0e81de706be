import Affect
import Foundation
import Theory

/// A plan per section of a song: the song's plan (or, on a mood journey, the plan of that section's
/// own mood) shaped by what the section does.
///
/// One song stays one song: every section keeps the song's tempo, metre, style and band; a section
/// whose mood asks for the other mode moves to the relative key (A minor verse, C major chorus), so
/// the chords stay in one family. What a section's role changes (the usual arranging rules):
/// - a **chorus** lifts: the melody sits higher (a major third up), moves faster, louder, with the
///   fuller texture the arrangement gives to higher energy;
/// - a **pre-chorus** builds halfway there; a **verse** holds back a little (a tone lower, sparser);
/// - a **bridge** moves away: borrowed chords, a slightly higher, sparser line;
/// - an **intro**, **outro** or **breakdown** thins out (and ``SongComposer`` builds intro and outro
///   from the chorus's own chords).
public struct SectionPlanner: Sendable {
  /// How far one role departs from the song's plan.
  struct Lift {
    var register: Int
    var density: Double
    var arousal: Double
    var velocity: Int
    var borrowed: Double

    static func of(_ role: SongForm.Role) -> Lift {
      switch role {
      case .chorus: Lift(register: 4, density: 1.35, arousal: 0.3, velocity: 10, borrowed: 0)
      case .preChorus: Lift(register: 2, density: 1.15, arousal: 0.15, velocity: 5, borrowed: 0)
      case .verse: Lift(register: -2, density: 0.9, arousal: -0.1, velocity: -4, borrowed: 0)
      case .bridge: Lift(register: 2, density: 0.85, arousal: 0, velocity: 0, borrowed: 0.25)
      case .intro, .outro, .breakdown:
        Lift(register: 0, density: 0.7, arousal: -0.3, velocity: -8, borrowed: 0)
      }
    }
  }

  public init() {}

  /// The plan for each section of `form`.
  ///
  /// - Parameters:
  ///   - song: the plan of the whole prompt (with the user's overrides); its tempo, metre, style and
  ///     instruments hold for every section.
  ///   - journey: the prompt's mood journey, if it describes one: a section named in it (or, on a
  ///     path, the point of the path where the section sits) takes that stage's mood.
  ///   - keyFixed: the user chose the key (`--key`): no section moves to the relative key.
  public func plans(
    for form: SongForm, song: Plan, journey: MoodJourney?, keyFixed: Bool, seed: UInt64
  ) -> [Plan] {
    return zip(form.sections, form.firstBars).map { section, firstBar in
      let position = Self.position(firstBar: firstBar, in: form)
      var plan = song
      if let (mood, text) = Self.stageMood(
        journey, section: section, position: position, firstBar: firstBar)
      {
        plan = moodPlan(mood, text: text, song: song, keyFixed: keyFixed, seed: seed)
        plan.reasons = ["\(section.name): \(text) → " + Self.summary(plan, against: song)]
      } else {
        plan.reasons = []
      }
      plan.bars = section.bars
      return Self.lifted(plan, by: Lift.of(section.role))
    }
  }

  /// Where a section starts on a journey's path: the first section at 0, the last at 1, so a path
  /// of as many stages as sections gives each section its own stage.
  static func position(firstBar: Int, in form: SongForm) -> Double {
    let lastStart = form.bars - (form.sections.last?.bars ?? 0)
    return lastStart > 0 ? min(1, Double(firstBar) / Double(lastStart)) : 0
  }

  /// A section's plan from its own mood, held to the song's tempo, metre, style and band.
  func moodPlan(_ mood: Mood, text: String, song: Plan, keyFixed: Bool, seed: UInt64) -> Plan {
    let own = Planner().plan(
      for: mood,
      overrides: PlanOverrides(
        tempoBPM: song.tempoBPM, meter: song.meter, bars: song.bars, style: song.style),
      seed: seed)
    var plan = own
    plan.key = keyFixed ? song.key : Self.relatedKey(of: song.key, toward: own.key.mode)
    plan.instruments = song.instruments
    plan.swing = song.swing
    return plan
  }

  /// The song's key when `mode` has the same third; else the relative key, in `mode`.
  static func relatedKey(of key: Key, toward mode: Mode) -> Key {
    if mode.hasMinorThird == key.mode.hasMinorThird { return Key(key.tonic, mode) }
    // Relative major is a minor third up; relative minor a minor third down.
    let pc = (key.tonic.pitchClass + (key.mode.hasMinorThird ? 3 : 9)) % 12
    return Key(key.spell(pitchClass: pc), mode)
  }

  /// The stage of `journey` that shapes this section, with its words.
  static func stageMood(
    _ journey: MoodJourney?, section: SongForm.Section, position: Double, firstBar: Int
  ) -> (Mood, String)? {
    guard let journey, !journey.stages.isEmpty else { return nil }
    switch journey.shape {
    case .sections:
      let stage = journey.stages.first { stage in
        guard let name = stage.section else { return false }
        return name == section.name || SongForm.names[name] == section.role
      }
      return stage.map { ($0.mood, $0.text) }
    case .path:
      // Between the two stages around this point of the song, weighted by distance.
      let stages = journey.stages.sorted { $0.position < $1.position }
      guard let after = stages.firstIndex(where: { $0.position >= position }), after > 0 else {
        let end = position <= (stages.first?.position ?? 0) ? stages.first! : stages.last!
        return (end.mood, end.text)
      }
      let a = stages[after - 1]
      let b = stages[after]
      let t = b.position > a.position ? (position - a.position) / (b.position - a.position) : 0
      var mood = t < 0.5 ? a.mood : b.mood
      mood.valence = a.mood.valence + (b.mood.valence - a.mood.valence) * t
      mood.arousal = a.mood.arousal + (b.mood.arousal - a.mood.arousal) * t
      return (mood, t < 0.5 ? a.text : b.text)
    }
  }

  static func lifted(_ plan: Plan, by lift: Lift) -> Plan {
    var p = plan
    let low = plan.melodyRange.lowerBound + lift.register
    let high = plan.melodyRange.upperBound + lift.register
    p.melodyRange = low...high
    p.melodyDensity = max(0.25, min(3, plan.melodyDensity * lift.density))
    p.arousal = max(-1, min(1, plan.arousal + lift.arousal))
    p.velocity = max(30, min(120, plan.velocity + lift.velocity))
    p.borrowedChordProbability = min(0.9, plan.borrowedChordProbability + lift.borrowed)
    return p
  }

  /// What a section's own mood changed, for the reasons: "C major (relative major), valence +0.60".
  static func summary(_ plan: Plan, against song: Plan) -> String {
    var parts = ["\(plan.key.description)"]
    if plan.key != song.key {
      parts[0] += plan.key.tonic == song.key.tonic ? " (parallel mode)" : " (relative key)"
    }
    parts.append(String(format: "melody %.1f notes a beat", plan.melodyDensity))
    parts.append("energy \(AffectFormat.signed(plan.arousal))")
    return parts.joined(separator: ", ")
  }
}

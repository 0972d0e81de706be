import Affect
import Theory

/// A sketch plan built around a user's chord chart: the key from the chart (unless given), the
/// plan from the mood, and the chart laid onto the plan's bars.
public struct ChartPlanning: Sendable {
  public var plan: Plan
  public var chords: [GeneratedChord]
  /// One line to show on stderr when the chart's symbols do not fit the given key.
  public var warning: String?

  /// Plans a sketch on `chart`.
  ///
  /// The key: `overrides.key` when given (with a warning when the chart leaves it); else inferred
  /// from the chart's symbols; for numerals only, the mood plan's tonic in the mode the numerals
  /// fit. The printed reasons say which, and what was kept, filled and repeated.
  ///
  /// - Throws: ``CowriteError`` when the chart has more chords or bars than the sketch.
  public init(
    chart: ChordChart, mood: Mood, overrides: PlanOverrides, seed: UInt64,
    model: CompositionModel
  ) throws(CowriteError) {
    let planner = Planner()
    var overrides = overrides
    let chartKey: ChartKey
    if overrides.key == nil, !chart.hasSymbols {
      let moodPlan = planner.plan(for: mood, overrides: overrides, seed: seed)
      chartKey = ChartKey.resolve(
        chart, given: nil, defaultTonic: moodPlan.key.tonic,
        tonicSource: "the mood's plan (\(moodPlan.key.tonic))", model: model)
    } else {
      chartKey = ChartKey.resolve(
        chart, given: overrides.key, defaultTonic: NoteClass(.C), tonicSource: "", model: model)
    }
    let inferred = overrides.key == nil
    overrides.key = chartKey.key
    var plan = planner.plan(for: mood, overrides: overrides, seed: seed)
    if inferred {
      plan.reasons = plan.reasons.map { $0.hasPrefix("key ") ? chartKey.reason : $0 }
    }
    let locked = try LockedChords(
      chart: chart, key: plan.key, plan: plan, mood: mood, model: model, seed: seed)
    plan.reasons += locked.reasons
    self.plan = plan
    self.chords = locked.chords
    self.warning = chartKey.warning
  }
}

import Affect
import Theory

/// A song-form sketch from start to end: the form (asked for, or the sections a mood journey names),
/// a plan per section, and the composed song, with the reasons a user reads.
public struct SongSketch: Sendable {
  /// One section as `sketch.json` records it.
  public struct Section: Sendable, Hashable, Codable {
    /// "Verse 1", "Chorus 2"…, as the MIDI marker says.
    public var label: String
    public var name: String
    public var role: SongForm.Role
    /// 1-based first bar, and length in bars.
    public var firstBar: Int
    public var bars: Int
    /// The section's key as musicians write it ("E minor"), as `sketch.json` keeps every key.
    public var key: String
    /// The mood this section was planned from (the stage of a journey, else the whole prompt's).
    public var valence: Double
    public var arousal: Double
  }

  public var form: SongForm
  public var plans: [Plan]
  public var score: Score
  public var sections: [Section]
  /// The whole song's plan, with the form and each section's reasons added.
  public var plan: Plan

  /// The form a journey implies when the user gave none: its named sections in order (8 bars each,
  /// 4 for an intro or outro), or for a path one section per stage (a verse first, a chorus last,
  /// a pre-chorus, bridge or breakdown between). Nil when the journey names nothing usable.
  public static func form(for journey: MoodJourney) -> SongForm? {
    let names: [String]
    switch journey.shape {
    case .sections: names = journey.stages.compactMap(\.section)
    case .path:
      // It sets out as a verse and arrives as a chorus; stages between build or turn away.
      let between = ["pre-chorus", "bridge", "breakdown"]
      let count = journey.stages.count
      names = (0..<count).map { i in
        i == 0 ? "verse" : i == count - 1 ? "chorus" : between[(i - 1) % between.count]
      }
    }
    let sections = names.compactMap { name -> SongForm.Section? in
      let canonical = name == "prechorus" ? "pre-chorus" : name
      guard let role = SongForm.names[canonical] else { return nil }
      return SongForm.Section(
        name: canonical, role: role, bars: role == .intro || role == .outro ? 4 : 8)
    }
    return sections.isEmpty ? nil : SongForm(sections: sections)
  }

  /// Plans and composes the song.
  ///
  /// - Parameters:
  ///   - song: the plan of the whole prompt, with `bars` the form's length.
  ///   - mood: the whole prompt's mood (a section the journey does not name has it).
  ///   - keyFixed: the user chose the key; no section leaves it.
  public init(
    form: SongForm, song: Plan, mood: Mood, journey: MoodJourney?, keyFixed: Bool, seed: UInt64,
    composer: Composer
  ) {
    let plans = SectionPlanner().plans(
      for: form, song: song, journey: journey, keyFixed: keyFixed, seed: seed)
    let score = SongComposer(composer: composer).compose(form, plans: plans, seed: seed)
    var plan = song
    plan.bars = form.bars
    plan.reasons.append(
      "form \(form.text): a chorus lifts (melody a third higher, busier, fuller band, V7–I at its end); repeats keep their chords and vary the second half of the tune; intro and outro play the chorus's chords"
    )
    plan.reasons += plans.flatMap(\.reasons)
    self.form = form
    self.plans = plans
    self.score = score
    self.plan = plan
    self.sections = zip(form.sections.indices, zip(form.labels, form.firstBars)).map {
      index, labelled in
      let section = form.sections[index]
      let position = SectionPlanner.position(firstBar: labelled.1, in: form)
      let stage = SectionPlanner.stageMood(
        journey, section: section, position: position, firstBar: labelled.1)
      return Section(
        label: labelled.0, name: section.name, role: section.role, firstBar: labelled.1 + 1,
        bars: section.bars, key: plans[index].key.description,
        valence: stage?.0.valence ?? mood.valence,
        arousal: stage?.0.arousal ?? mood.arousal)
    }
  }
}

import Foundation
import Theory

/// Turns a ``Mood`` into a ``Plan``: the musical decisions a composer needs, each with its reason.
///
/// ```swift
/// let mood = try MoodParser().parse("sad slow rainy night")
/// let plan = Planner().plan(for: mood, overrides: PlanOverrides(bars: 16), seed: 7)
/// plan.key.mode   // .minor
/// plan.reasons    // ["style cinematic: …", "minor mode: valence −0.52", …]
/// ```
///
/// The mappings follow the cue tables of music-psychology research:
/// - Gabrielsson & Lindström (2010), "The role of structure in the musical expression of emotions", in
///   Juslin & Sloboda (eds.), Handbook of Music and Emotion: major mode ↔ happiness/serenity, minor ↔
///   sadness/tension; fast tempo and loud dynamics ↔ activity; high pitch ↔ happiness/activity, low pitch ↔
///   sadness/solemnity; staccato ↔ gaiety/activity, legato ↔ tenderness/sadness; complex, dissonant harmony ↔
///   tension, simple consonant harmony ↔ calm.
/// - Juslin & Laukka (2004), "Expression, perception, and induction of musical emotions", Journal of New
///   Music Research 33(3): tempo, sound level and articulation are the strongest cues to arousal.
/// - Eerola, Friberg & Bresin (2013), "Emotional expression in music: contribution, linearity, and
///   additivity of primary musical cues", Frontiers in Psychology 4:487: mode and tempo carry most of the
///   valence and arousal respectively, with register and dynamics adding roughly linearly — so each cue
///   below is a linear map of one axis, clamped to a playable range.
/// - Temperley & Tan (2013), "Emotional connotations of diatonic modes", Music Perception 30(3): modes
///   between major and minor (mixolydian, dorian) are heard as intermediate in happiness, so they serve
///   mildly positive or negative valence.
/// Explicit overrides always win and are given as the reason.
public struct Planner: Sendable {
  public init() {}

  /// Sketch length when none is asked for, in bars.
  public static let defaultBars = 8

  /// Words that ask for a mode's colour rather than plain major or minor.
  static let modeColours: [String: Mode] = [
    "dreamy": .lydian, "dream": .lydian, "magical": .lydian, "magic": .lydian, "wonder": .lydian,
    "wonderment": .lydian, "ethereal": .lydian, "fantasy": .lydian, "whimsical": .lydian,
    "heavenly": .lydian,
    "celestial": .lydian, "starry": .lydian, "enchanted": .lydian, "fairy tale": .lydian,
    "floating": .lydian,
    "weightless": .lydian, "otherworldly": .lydian, "sparkling": .lydian, "awe": .lydian,
    "bluesy": .mixolydian, "rootsy": .mixolydian, "celtic": .mixolydian, "swagger": .mixolydian,
    "anthemic": .mixolydian, "jam": .mixolydian, "southern": .mixolydian,
    "groovy": .dorian, "funky": .dorian, "smoky": .dorian, "noir": .dorian, "cool": .dorian,
    "sly": .dorian,
    "mysterious": .dorian, "jazzy": .dorian, "sultry": .dorian,
    "sinister": .phrygian, "menacing": .phrygian, "evil": .phrygian, "flamenco": .phrygian,
    "spanish": .phrygian,
    "desert": .phrygian, "exotic": .phrygian, "ominous": .phrygian,
    "gothic": .harmonicMinor, "haunted": .harmonicMinor, "spooky": .harmonicMinor,
    "vampire": .harmonicMinor,
    "baroque": .harmonicMinor, "tango": .harmonicMinor, "dramatic": .harmonicMinor,
  ]

  /// Words for mixed feelings, which call for chords borrowed from the parallel mode (iv, bVI in major).
  /// Words of mixed feeling, a pleasure touched by loss, which borrow iv and ♭VI into a major key.
  /// Not "tender" or "hopeful": those are warm without the loss, and their borrowed chords made a lullaby
  /// and a sunrise read as minor (Benchmarks/quality, emotion read-back).
  static let bittersweetWords: Set<String> = [
    "bittersweet", "nostalgic", "nostalgia", "wistful", "longing", "yearning", "reminiscent",
    "memories", "memory", "homesick", "sentimental", "poignant", "farewell", "goodbye",
    "melancholic", "melancholy", "reflective", "graduation", "autumn",
  ]

  /// Words that ask for richer chords (sevenths, ninths).
  static let richHarmonyWords: Set<String> = [
    "jazzy", "smooth", "lush", "sophisticated", "velvet", "velvety", "silky", "classy", "elegant",
    "neo soul",
    "sultry", "smoky", "cocktail", "lounge", "dreamy", "warm",
  ]

  /// Words that set the metre.
  static let meterWords: [String: Meter] = [
    "waltz": Meter(3, 4), "lullaby": Meter(6, 8), "jig": Meter(6, 8),
    "sea shanty": Meter(6, 8), "shanty": Meter(6, 8), "barcarolle": Meter(6, 8),
    "minuet": Meter(3, 4),
    "march": Meter(2, 4), "marching": Meter(2, 4),
  ]

  /// The plan for a mood.
  ///
  /// - Parameters:
  ///   - mood: what the prompt means.
  ///   - overrides: explicit choices; each wins over the mood and is named as the reason.
  ///   - seed: picks the tonic among the style's usual keys; the same seed gives the same plan.
  public func plan(for mood: Mood, overrides: PlanOverrides = .init(), seed: UInt64) -> Plan {
    var reasons: [String] = []
    let v = mood.valence
    let a = mood.arousal
    // Drivers that were negated do not ask for their colour ("not dreamy" is not lydian).
    let terms = mood.drivers.filter {
      $0.modifiers.allSatisfy { PromptVocabulary.negators[$0] == nil }
    }
    .compactMap { $0.term }

    // Style: explicit, then named or suggested by the prompt, then a default for the quadrant.
    let style: Style
    if let s = overrides.style {
      style = s
      reasons.append("style \(s.rawValue): given explicitly")
    } else if let s = mood.primaryStyle {
      style = s
      let others = mood.styles.dropFirst().map {
        "\($0.style.rawValue) \(AffectFormat.fixed($0.weight))"
      }
      reasons.append(
        "style \(s.rawValue): from the prompt"
          + (others.isEmpty ? "" : " (also \(others.joined(separator: ", ")))"))
    } else {
      style = Planner.defaultStyle(valence: v, arousal: a)
      reasons.append(
        "style \(style.rawValue): no style named; it suits \(mood.quadrant.rawValue) (\(mood.quadrant.summary))"
      )
    }
    let profile = StyleProfile.of(style)
    var rng = SeededGenerator(seed: seed)

    // Key: mode from valence (Gabrielsson & Lindström 2010; Temperley & Tan 2013), tonic from the seed.
    let key: Key
    if let k = overrides.key {
      key = k
      reasons.append("key \(k): given explicitly")
    } else {
      let (mode, why) = Planner.mode(valence: v, terms: terms, profile: profile)
      reasons.append("\(mode) mode: \(why)")
      let names = mode.hasMinorThird ? profile.minorTonics : profile.majorTonics
      let tonics = names.compactMap(NoteClass.init)
      let tonic = tonics[rng.int(in: 0...(tonics.count - 1))]
      key = Key(tonic, mode)
      reasons.append("tonic \(tonic): a usual key for \(style.rawValue), picked by seed \(seed)")
    }

    // Tempo from arousal within the style's range (Juslin & Laukka 2004: tempo is the strongest arousal cue).
    let tempo: Double
    if let t = overrides.tempoBPM {
      tempo = t
      reasons.append("tempo \(Planner.bpm(t)) BPM: given explicitly")
    } else {
      let r = profile.tempoRange
      let (t, moved) = Planner.tempoAndWhy(arousal: a, range: r)
      tempo = t
      let side = a >= 0 ? "lively" : "calm"
      let listener = moved ? ", on the \(side) side of \(Int(Planner.listenerNeutralBPM))" : ""
      reasons.append(
        "tempo \(Planner.bpm(tempo)) BPM: arousal \(AffectFormat.signed(a))\(listener) within \(style.rawValue)'s \(Int(r.lowerBound))–\(Int(r.upperBound)) BPM"
      )
    }

    let meter: Meter
    if let m = overrides.meter {
      meter = m
      reasons.append("meter \(m): given explicitly")
    } else if let word = terms.first(where: { Planner.meterWords[$0] != nil }),
      let m = Planner.meterWords[word]
    {
      meter = m
      reasons.append("meter \(m): '\(word)' asks for it")
    } else {
      meter = profile.meter
      reasons.append("meter \(meter): usual for \(style.rawValue)")
    }

    let bars: Int
    if let b = overrides.bars {
      bars = b
      reasons.append("\(b) bars: given explicitly")
    } else if style == .blues {
      bars = 12
      reasons.append("12 bars: one chorus of the 12-bar blues")
    } else {
      bars = Planner.defaultBars
      reasons.append("\(bars) bars: the default sketch length")
    }

    // Harmonic rhythm: calm music changes chords less often, energetic music more (Gabrielsson & Lindström:
    // rhythmic activity ↔ arousal), starting from the style's habit.
    var chordsPerBar = profile.chordsPerBar
    if a < -0.5, chordsPerBar >= 1 {
      chordsPerBar /= 2
      reasons.append(
        "\(AffectFormat.fixed(chordsPerBar, decimals: 1)) chords per bar: slower harmony for low arousal \(AffectFormat.signed(a))"
      )
    } else if a > 0.6, chordsPerBar < 1 {
      chordsPerBar *= 2
      reasons.append(
        "\(AffectFormat.fixed(chordsPerBar, decimals: 1)) chords per bar: quicker harmony for high arousal \(AffectFormat.signed(a))"
      )
    } else {
      reasons.append(
        "\(AffectFormat.fixed(chordsPerBar, decimals: 1)) chords per bar: \(style.rawValue)'s usual harmonic rhythm"
      )
    }

    // Sevenths: a style habit, more for tender (calm, pleasant) moods and for words asking for rich harmony.
    var sevenths = profile.seventhProbability
    var seventhWhy = "\(style.rawValue) harmony"
    if let word = terms.first(where: Planner.richHarmonyWords.contains) {
      sevenths += 0.2
      seventhWhy += " and '\(word)'"
    }
    if v > 0, a < -0.3 {
      sevenths += 0.1
      seventhWhy += ", softened for a calm, pleasant mood"
    }
    if a > 0.7, v < 0 {
      // Angry, driving music favours bare triads and power chords.
      sevenths -= 0.1
      seventhWhy += ", plainer for an intense, dark mood"
    }
    sevenths = min(0.95, max(0, sevenths))
    reasons.append("sevenths \(AffectFormat.percent(sevenths)): \(seventhWhy)")

    // Borrowed chords: mixed feelings (drivers pulling both ways, or a bittersweet word) borrow iv and bVI.
    let positive = mood.drivers.map(\.valence).filter { $0 > 0.1 }.reduce(0, +)
    let negative = -mood.drivers.map(\.valence).filter { $0 < -0.1 }.reduce(0, +)
    let mixedness =
      max(positive, negative) > 0 ? min(positive, negative) / max(positive, negative) : 0
    var borrowed = profile.borrowedChordProbability + 0.35 * mixedness
    var borrowedWhy = "\(style.rawValue)'s habit"
    if mixedness > 0.2 { borrowedWhy += ", more for mixed feelings" }
    if let word = terms.first(where: Planner.bittersweetWords.contains) {
      borrowed += 0.25
      borrowedWhy += ", more for '\(word)'"
    }
    borrowed = min(0.8, max(0, borrowed))
    reasons.append("borrowed chords \(AffectFormat.percent(borrowed)): \(borrowedWhy)")

    // Melody: density, register, loudness and articulation from arousal (and register from valence).
    let activity = (a + 1) / 2  // 0 calm … 1 energetic
    // POP909's sung lines average 1.3 notes per beat and rarely pass 2.5 for long, so the busiest plans
    // stay near that (the melody writer honours the plan, bar breaths included).
    let density = min(4, max(0.5, profile.densityFactor * (0.7 + activity * 1.5)))
    reasons.append(
      "melody \(AffectFormat.fixed(density, decimals: 1)) notes per beat: arousal \(AffectFormat.signed(a))"
    )

    let centre = 67 + Int((5 * v + 3 * a).rounded()) + profile.registerShift
    // POP909 melodies span about 14 semitones in 8 bars; the plan leaves the line room for that.
    let width = 14 + Int((5 * activity).rounded())
    let low = min(84, max(48, centre - width / 2))
    let range = low...(low + width)
    reasons.append(
      "melody range \(Pitch(range.lowerBound).name(in: key))–\(Pitch(range.upperBound).name(in: key)): higher for brighter, livelier moods"
    )

    let velocity = min(120, max(30, Int((64 + 36 * a).rounded())))
    reasons.append(
      "velocity \(velocity): \(velocity >= 80 ? "loud" : velocity <= 50 ? "soft" : "moderate") for arousal \(AffectFormat.signed(a))"
    )

    let articulation = min(1, max(0.5, 0.95 - 0.4 * activity))
    let articulationWord =
      articulation < 0.7
      ? "detached, staccato-leaning" : articulation > 0.85 ? "legato" : "lightly detached"
    reasons.append(
      "articulation \(AffectFormat.fixed(articulation)) (\(articulationWord)): arousal \(AffectFormat.signed(a))"
    )

    let swing = profile.swing
    reasons.append(
      swing > 0.5
        ? "swing \(AffectFormat.fixed(swing)): \(style.rawValue) grooves with swung eighths"
        : "straight eighths: usual for \(style.rawValue)")

    var instruments = profile.instruments
    var band = profile.bandDescription
    if style == .cinematic, a > 0.3 {
      // The trailer idiom: driving string ostinati, brass on the tune and a percussion ensemble.
      instruments.drums = true
      instruments.melody = 61
      band =
        "string ostinati, brass section, cello and a percussion ensemble (arousal \(AffectFormat.signed(a)))"
    }
    reasons.append(
      "instruments: \(band) — chords \(Planner.gm(instruments.chords)), melody "
        + "\(Planner.gm(instruments.melody)), bass \(Planner.gm(instruments.bass))"
    )

    return Plan(
      key: key, tempoBPM: tempo, meter: meter, bars: bars, style: style,
      instruments: instruments,
      chordsPerBar: chordsPerBar, seventhProbability: Planner.round(sevenths),
      borrowedChordProbability: Planner.round(borrowed), melodyDensity: Planner.round(density),
      melodyRange: range,
      velocity: velocity, articulation: Planner.round(articulation), swing: swing,
      arousal: Planner.round(a), reasons: reasons)
  }

  /// A style for a prompt that names none, by quadrant: pop for happy-energetic, rock for tense,
  /// cinematic strings and piano for sad, ambient for very calm pleasant moods and folk for gentle ones.
  static func defaultStyle(valence v: Double, arousal a: Double) -> Style {
    switch (v >= 0, a >= 0) {
    case (true, true): .pop
    case (false, true): .rock
    case (false, false): .cinematic
    case (true, false): a < -0.4 ? .ambient : .folk
    }
  }

  /// The mode for a valence, a colour word and a style (why in words).
  static func mode(valence v: Double, terms: [String], profile: StyleProfile) -> (Mode, String) {
    let colours = terms.compactMap { t in Planner.modeColours[t].map { (t, $0) } }
    if let (word, colour) = colours.first {
      // A colour applies only when its third agrees with the valence, or the valence is mild.
      if (colour.hasMinorThird && v < 0.3) || (!colour.hasMinorThird && v > -0.3) {
        return (colour, "'\(word)' asks for its colour, valence \(AffectFormat.signed(v))")
      }
    }
    switch v {
    case 0.35...: return (.major, "valence \(AffectFormat.signed(v))")
    case 0.05..<0.35:
      return (
        profile.brightMode,
        "mildly positive valence \(AffectFormat.signed(v))"
          + (profile.brightMode == .major ? "" : " in \(profile.style.rawValue)")
      )
    case (-0.05)..<0.05:
      return (.major, "neutral valence \(AffectFormat.signed(v)) leans major")
    case (-0.35)..<(-0.05):
      return (
        profile.darkMode,
        "mildly negative valence \(AffectFormat.signed(v))"
          + (profile.darkMode == .minor ? "" : " in \(profile.style.rawValue)")
      )
    default:
      return (.minor, "valence \(AffectFormat.signed(v))")
    }
  }

  /// "GM 33 Electric Bass (finger)"
  static func gm(_ program: Int) -> String { "GM \(program) \(GeneralMIDI.programName(program))" }

  static func bpm(_ t: Double) -> String {
    t == t.rounded() ? "\(Int(t))" : AffectFormat.fixed(t, decimals: 1)
  }
  static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

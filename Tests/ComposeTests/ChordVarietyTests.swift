import Affect
import Compose
import Foundation
import Testing
import Theory

/// Variety across seeds and closeness to the corpus: the two things a musician notices when every
/// seed opens I–vi–IV–V, or when the harmony drifts far from how real songs use their chords.
@Suite struct ChordVarietyTests {
  static let prompts = [
    "happy upbeat summer pop", "smoky late-night jazz club", "warm acoustic folk campfire",
    "chill lo-fi study beats", "funky groovy party",
  ]

  /// The chord tokens of one sketch, as the CLI would compose them for `prompt` and `seed`.
  static func tokens(prompt: String, seed: UInt64, bars: Int = 8) throws -> (Plan, [GeneratedChord])
  {
    let mood = try MoodParser().parse(prompt)
    var plan = Planner().plan(for: mood, seed: seed)
    plan.bars = bars
    var stream = SeededGenerator(seed: seed).derived(1)
    let chords = ChordGenerator(model: Fixtures.model).generate(
      plan, form: Form(bars: bars), ticksPerQuarter: Composer.ticksPerQuarter, generator: &stream)
    return (plan, chords)
  }

  /// Distinct 4-bar openings (triad-level numerals of bars 1–4) over seeds 1…20.
  static func distinctOpenings(_ prompt: String) throws -> Int {
    var openings = Set<[String]>()
    for seed in UInt64(1)...20 {
      let (_, chords) = try tokens(prompt: prompt, seed: seed)
      openings.insert(chords.filter { $0.bar < 4 }.map(\.token))
    }
    return openings.count
  }

  /// KL(generated ‖ corpus) in nats of the chord-token unigram, over all prompts and 20 seeds, for
  /// the major-key sketches (the prompts here are major-leaning) and the minor ones.
  static func unigramKL() throws -> [Mode: Double] {
    var counts: [Mode: [String: Int]] = [:]
    for prompt in prompts {
      for seed in UInt64(1)...20 {
        let (plan, chords) = try tokens(prompt: prompt, seed: seed)
        // Church modes leave out part of the table on purpose (ModalHarmonyTests checks them).
        let mode = plan.key.mode
        guard mode == .major || mode == .minor else { continue }
        for c in chords { counts[mode, default: [:]][c.token, default: 0] += 1 }
      }
    }
    var result: [Mode: Double] = [:]
    for (mode, generated) in counts {
      let table = Fixtures.model.chords(for: mode)
      let corpus = table.outcomes.map { table.count(of: $0, after: []) }
      let corpusTotal = Double(corpus.reduce(0, +))
      let total = Double(generated.values.reduce(0, +))
      var kl = 0.0
      for (token, n) in generated {
        let p = Double(n) / total
        let q = table.index(of: token).map { Double(max(1, corpus[$0])) / corpusTotal } ?? 1e-6
        kl += p * log(p / q)
      }
      result[mode] = kl
    }
    return result
  }

  @Test(arguments: prompts)
  func twentySeedsGiveManyOpenings(prompt: String) throws {
    let n = try Self.distinctOpenings(prompt)
    print("openings \(prompt): \(n)/20")
    #expect(n >= 8, "\(prompt): only \(n) distinct 4-bar openings over 20 seeds")
  }

  @Test func chordUsageStaysCloseToTheCorpus() throws {
    let kl = try Self.unigramKL()
    print("unigram KL: \(kl.map { "\($0.key) \(String(format: "%.3f", $0.value))" })")
    // Taking the best of 12 draws per phrase gave 0.30 nats here (95 % I/IV/V/vi); sampling
    // among the good draws gives about 0.22.
    #expect((kl[.major] ?? 1) < 0.26)
  }
}

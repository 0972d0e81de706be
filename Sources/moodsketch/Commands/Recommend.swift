import ArgumentParser
import Foundation
import Recommend

/// `moodsketch recommend --user ID`: music for one listener's taste, optionally leaning toward a mood.
struct RecommendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "Recommend music for a listener from their history, optionally toward a mood.",
    discussion: """
      Reads the listening history from the catalog (import it with `moodsketch listen import`), from \
      --events FILE, or from --dataset lastfm-hetrec DIR, and ranks items the user has not played yet:
        moodsketch recommend --user 2 --dataset lastfm-hetrec ../shared/data/lastfm_hetrec2011
        moodsketch recommend --user 2 --mood "melancholic rainy evening"

      Every item says why ("because you play X and Y", "tagged chillout, matches your mood"). The default \
      model, hybrid, fuses ALS, user-kNN, tag similarity and popularity, leaning on tags for users with \
      ≤ 5 items. An unknown user gets cold-start picks (the most played items) with a note.

      --mood re-weights the model's 200 best candidates by how close each item's tags, read through the \
      mood lexicon, sit to the prompt's valence, arousal and styles; --mood-strength sets how much. \
      --diversity spreads the list by maximal marginal relevance.
      """)

  @Option(help: ArgumentHelp("The listener's id as in the history.", valueName: "id"))
  var user: String

  @Option(help: ArgumentHelp("How many items.", valueName: "k"))
  var k = 10

  @Option(
    help: ArgumentHelp(
      "A mood to lean toward, in words, e.g. \"melancholic\".", valueName: "prompt"))
  var mood: String?

  @Option(help: ArgumentHelp("How much the mood weighs, 0…1.", valueName: "share"))
  var moodStrength = 0.5

  @Option(
    help: ArgumentHelp(
      "hybrid, als, itemknn, userknn, userknn-pearson, bpr, content or pop.",
      valueName: "name"))
  var model = "hybrid"

  @Option(
    help: ArgumentHelp(
      "MMR λ: 1 = relevance only, lower = more varied.", valueName: "λ"))
  var diversity: Float = 0.7

  @OptionGroup var sources: ListenSources
  @OptionGroup var hyper: ListenModelOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard k > 0 else { throw ValidationError("--k must be at least 1 (got \(k))") }
    guard !user.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("--user needs a listener id as in the history, e.g. --user 2")
    }
    guard (0...1).contains(moodStrength) else {
      throw ValidationError("--mood-strength must be from 0 to 1 (got \(moodStrength))")
    }
    guard (0...1).contains(diversity) else {
      throw ValidationError("--diversity must be from 0 to 1 (got \(diversity))")
    }
  }

  func run() throws {
    try reportingErrors {
      guard let kind = try ModelKind.list(model).first else {
        throw ValidationError("--model needs a name")
      }
      let target = try mood.map(ListenTagLexicon.target)
      let (events, names, tags) = try sources.load()
      var request = RecommendationRequest(user: user)
      request.k = k
      request.model = kind
      request.mood = target
      request.moodStrength = moodStrength
      request.diversity = diversity
      request.settings = hyper.settings
      let lexicon = ListenTagLexicon.build(tags: tags.map(\.tag))
      let result = try Recommendations.make(
        events: events, names: names, tags: tags, lexicon: lexicon, request: request)
      if output.json {
        try JSONOutput.print(result)
        return
      }
      if let note = result.note { print(note) }
      let moodText = target.map { " toward \"\($0.prompt)\"" } ?? ""
      print(
        "Recommendations for user \(result.user) (\(result.historySize) items played, model \(result.model))\(moodText):"
      )
      for r in result.items {
        print(String(format: "%3d. %@ — %@", r.rank, r.name, r.reason))
      }
    }
  }
}

import ArgumentParser
import Catalog
import Foundation
import Pictures
import Recommend
import Theory

/// `moodsketch evaluate`: offline top-k evaluation of the recommendation models on a train/test split.
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract:
      "Measure the recommendation models offline: precision, recall, F1, NDCG, MAP, hit rate, coverage at k.",
    discussion: """
      Either give a split (files of `user item weight` lines):
        moodsketch evaluate --train train.tsv --test test.tsv --models pop,itemknn,als
      or let moodsketch split a data set:
        moodsketch evaluate --dataset lastfm-hetrec ../shared/data/lastfm_hetrec2011 --split 1

      How --split SEED splits: duplicate (user, item) events are summed; users are taken in id order and \
      each user's items, in id order, are shuffled by a generator seeded from SEED and the user's position. \
      Users with fewer than 5 items keep them all in training. Of the others, a seeded 10% (--cold-start) \
      become simulated newcomers who keep only 3 items (--cold-start-keep) in training and put the rest in \
      test; everyone else holds out round(20%) of their items, at least 1 (--test-fraction). Same data and \
      seed, same split.

      Scoring: users with at least one training and one test item; training items are never recommended; \
      test items unseen in training stay relevant and count as misses. Metrics are per-user means at k, also \
      for users with ≤ 5 training items ("few") and the rest; coverage is the share of training items \
      recommended to anyone; training time is shown as wall-clock and processor (CPU) seconds.

      --write-split DIR writes train.tsv and test.tsv; --write-recommendations FILE writes the scored lists \
      as `user item rank model` lines; --score FILE ranks lists made by another tool (same format) with the \
      same metric code; --plot FILE.svg draws the metrics by model as a grouped bar chart. A progress \
      line is shown on a terminal.
      """)

  @Option(
    help: ArgumentHelp("Training events, `user item weight [timestamp]` lines.", valueName: "path"))
  var train: String?

  @Option(help: ArgumentHelp("Held-out events, same format.", valueName: "path"))
  var test: String?

  @Option(
    help: ArgumentHelp(
      "Split a data set: lastfm-hetrec (give its folder as the argument).", valueName: "name"))
  var dataset: String?

  @Argument(help: ArgumentHelp("The data set folder, with --dataset.", valueName: "dir"))
  var datasetFolder: String?

  @Option(
    help: ArgumentHelp(
      "Seed of the per-user hold-out split (with --dataset).", valueName: "seed"))
  var split: UInt64 = 1

  @Option(
    help: ArgumentHelp("Share of each user's items held out.", valueName: "share"))
  var testFraction = 0.2

  @Option(
    help: ArgumentHelp("Share of users turned into newcomers.", valueName: "share"))
  var coldStart = 0.1

  @Option(help: ArgumentHelp("Training items a newcomer keeps.", valueName: "n"))
  var coldStartKeep = 3

  @Option(help: ArgumentHelp("List length k.", valueName: "k"))
  var k = 10

  @Option(
    help: ArgumentHelp(
      "Models to train, comma-separated: pop, userknn, userknn-pearson, itemknn, als, bpr, content, hybrid.",
      valueName: "list"))
  var models = "pop,userknn,itemknn,als,hybrid"

  @Option(
    help: ArgumentHelp(
      "Also score these lists (`user item rank [model]` lines), e.g. from another library.",
      valueName: "path"))
  var score: String?

  @Flag(help: "Tune the hybrid's weights on a validation split of the training data first.")
  var tuneHybrid = false

  @Option(
    help: ArgumentHelp(
      "Write the split's train.tsv and test.tsv into this folder.", valueName: "dir"))
  var writeSplit: String?

  @Option(
    help: ArgumentHelp(
      "Write the scored top-k lists here as `user item rank model` lines.", valueName: "path"))
  var writeRecommendations: String?

  @Option(
    help: ArgumentHelp(
      "Also draw the metrics by model as a grouped bar chart (SVG) here.", valueName: "file.svg"))
  var plot: String?

  @OptionGroup var hyper: ListenModelOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard k > 0 else { throw ValidationError("--k must be at least 1 (got \(k))") }
    switch (train, test, dataset) {
    case (.some, .some, nil):
      if writeSplit != nil {
        throw ValidationError(
          "--write-split writes the split moodsketch makes from --dataset; with --train and --test the split already exists, so leave it out"
        )
      }
    case (nil, nil, .some(let name)):
      guard name == "lastfm-hetrec" else {
        throw ValidationError("unknown data set \(name); the one supported is lastfm-hetrec")
      }
      guard datasetFolder != nil else {
        throw ValidationError("--dataset lastfm-hetrec needs the folder of its files")
      }
    default:
      throw ValidationError("give either --train FILE --test FILE, or --dataset lastfm-hetrec DIR")
    }
  }

  func run() throws {
    try reportingErrors {
      // Refuse an unwritable chart path before minutes of training, not after.
      if let plot { try AtomicFile.checkWritable(plot) }
      let kinds = try ModelKind.list(models)
      var tags: [ListeningItemTag] = []
      let trainEvents: [ListeningEvent]
      let testEvents: [ListeningEvent]
      if let train, let test {
        trainEvents = try EventFile.read(train)
        testEvents = try EventFile.read(test)
      } else {
        let set = try LastFMHetRec.load(directory: datasetFolder!)
        var p = HoldOutSplit.Parameters()
        p.testFraction = testFraction
        p.coldStartFraction = coldStart
        p.coldStartKeep = coldStartKeep
        let made = try HoldOutSplit.make(events: set.events, seed: split, parameters: p)
        (trainEvents, testEvents, tags) = (made.train, made.test, set.tags)
        if let writeSplit {
          try OutputFolder.fill(writeSplit) {
            try EventFile.write(made.train, to: writeSplit + "/train.tsv")
            try EventFile.write(made.test, to: writeSplit + "/test.tsv")
          }
        }
      }
      let progress = ProgressLine(label: "evaluating")
      let lexicon = ListenTagLexicon.build(tags: tags.map(\.tag))
      var settings = hyper.settings
      if tuneHybrid, kinds.contains(.hybrid) {
        let tuned = try HybridTuner.tune(
          train: trainEvents, tags: tags, lexicon: lexicon, settings: settings, k: k,
          progress: { progress.update(status: $0) })
        settings.hybrid = tuned.weights
      }
      let ground = Evaluation.Ground(train: trainEvents, test: testEvents)
      if ground.scoredUsers.isEmpty {
        throw RecommendError.nothingToScore(
          train: train ?? "the split's training part", test: test ?? "the split's test part")
      }
      var (report, lists) = try Evaluation.run(
        ground: ground, models: kinds, k: k, settings: settings, tags: tags, lexicon: lexicon,
        progress: { progress.update(status: $0) })
      if let score {
        let external = try RecommendationFile.read(score)
        let scored = try Evaluation.score(
          ground: ground, external: external, k: k, fewEvents: settings.hybrid.fewEvents)
        report.models += scored.models
      }
      progress.clear()
      if let writeRecommendations { try RecommendationFile.write(lists, to: writeRecommendations) }
      if let plot { try EvaluationPlot.chart(report).svg().write(to: plot) }
      if output.json {
        try JSONOutput.print(report)
      } else {
        print(ListenReportTable.text(report))
      }
    }
  }
}

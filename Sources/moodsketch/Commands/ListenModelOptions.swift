import ArgumentParser
import Recommend

/// Hyper-parameters of the recommendation models, shared by `recommend` and `evaluate`.
struct ListenModelOptions: ParsableArguments {
  @Option(help: ArgumentHelp("ALS and BPR latent factors.", valueName: "n"))
  var factors = 64
  @Option(help: ArgumentHelp("ALS L2 regularisation λ.", valueName: "λ"))
  var regularization: Float = 0.05
  @Option(
    help: ArgumentHelp(
      "ALS confidence weight α in 1 + α·log(1 + plays).", valueName: "α"))
  var alpha: Float = 2
  @Option(help: ArgumentHelp("ALS sweeps.", valueName: "n"))
  var iterations = 15
  @Option(
    help: ArgumentHelp("Conjugate-gradient steps per ALS row solve.", valueName: "n"))
  var cgSteps = 3
  @Option(help: ArgumentHelp("BPR epochs.", valueName: "n"))
  var bprIterations = 60
  @Option(help: ArgumentHelp("BPR SGD step size.", valueName: "rate"))
  var learningRate: Float = 0.05
  @Option(help: ArgumentHelp("Neighbours per user for user-kNN.", valueName: "n"))
  var neighbours = 50
  @Option(
    help: ArgumentHelp("Neighbours kept per item for item-kNN.", valueName: "n"))
  var itemNeighbours = 100
  @Option(help: ArgumentHelp("Seed of the random initial factors.", valueName: "n"))
  var modelSeed: UInt64 = 42
  @Option(
    help: ArgumentHelp("Threads for training and scoring.", valueName: "n"))
  var threads = Parallel.cores

  var settings: ModelSettings {
    var s = ModelSettings()
    s.als.factors = factors
    s.als.regularization = regularization
    s.als.alpha = alpha
    s.als.iterations = iterations
    s.als.cgSteps = cgSteps
    s.als.seed = modelSeed
    s.bpr.factors = factors
    s.bpr.iterations = bprIterations
    s.bpr.learningRate = learningRate
    s.bpr.seed = modelSeed
    s.userNeighbours = neighbours
    s.itemNeighbours = itemNeighbours
    s.threads = threads
    return s
  }
}

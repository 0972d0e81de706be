/// Recommends what most users listen to: the baseline every other model must beat.
///
/// An item's score is the number of distinct users who listened to it (not the total plays, so a few heavy
/// listeners cannot dominate).
public struct PopularityModel: Recommender {
  public let name = "pop"
  /// Listeners per item.
  public let listeners: [Float]

  public init(training: SparseMatrix) {
    var counts = [Float](repeating: 0, count: training.columns)
    for c in training.columnIndex { counts[Int(c)] += 1 }
    listeners = counts
  }

  public func scores(forUser user: Int) -> [Float] { listeners }
}

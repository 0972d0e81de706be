import Catalog

/// A listening history as the models see it: dense user and item numbers and a users × items matrix of
/// summed weights (play counts or ratings).
///
/// Duplicate `(user, item)` events are summed, so a history split over several files adds up.
public struct InteractionData: Sendable {
  public let users: IDIndex
  public let items: IDIndex
  /// Users × items, summed raw weights.
  public let matrix: SparseMatrix

  /// Builds the matrix from events.
  ///
  /// - Parameters:
  ///   - events: positive-weight events.
  ///   - items: an existing item index to extend (so that a test set shares the training columns); new items
  ///     are appended.
  public init(events: [ListeningEvent], users: IDIndex = IDIndex(), items: IDIndex = IDIndex()) {
    var users = users
    var items = items
    var entries: [(row: Int, column: Int, value: Float)] = []
    entries.reserveCapacity(events.count)
    for e in events {
      entries.append((users.insert(e.user), items.insert(e.item), Float(e.weight)))
    }
    self.users = users
    self.items = items
    matrix = SparseMatrix(rows: users.count, columns: items.count, entries: entries)
  }

  /// The items user `u` has listened to.
  public func items(ofUser u: Int) -> [Int] {
    matrix.range(ofRow: u).map { Int(matrix.columnIndex[$0]) }
  }
}

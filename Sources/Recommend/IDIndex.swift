/// A two-way map between the ids users and items have in files (text) and dense row/column numbers.
public struct IDIndex: Sendable, Hashable {
  /// The ids in index order.
  public private(set) var ids: [String] = []
  private var lookup: [String: Int] = [:]

  public init() {}

  /// Builds an index with `ids` in the given order (duplicates keep their first position).
  public init<S: Sequence>(_ ids: S) where S.Element == String {
    for id in ids { _ = insert(id) }
  }

  public var count: Int { ids.count }

  /// The index of `id`, if known.
  public func index(of id: String) -> Int? { lookup[id] }

  /// The index of `id`, adding it at the end when new.
  public mutating func insert(_ id: String) -> Int {
    if let known = lookup[id] { return known }
    lookup[id] = ids.count
    ids.append(id)
    return ids.count - 1
  }
}

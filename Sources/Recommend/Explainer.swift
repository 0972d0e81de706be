/// Says why an item was recommended, in words a listener understands.
struct Explainer {
  let byItem: SparseMatrix
  let norms: [Float]

  init(training: SparseMatrix) {
    byItem = logWeights(training).transposed()
    norms = byItem.rowNorms()
  }

  /// Cosine of two items' listener columns: how much the same people play both.
  func coListening(_ a: Int, _ b: Int) -> Float {
    guard a < byItem.rows, b < byItem.rows, norms[a] > 0, norms[b] > 0 else { return 0 }
    return byItem.rowDot(a, b) / (norms[a] * norms[b])
  }

  /// The user's items most co-listened with `item`, best first.
  func because(item: Int, history: [Int], limit: Int = 2) -> [Int] {
    var scored: [(item: Int, similarity: Float)] = []
    for j in history {
      let s = coListening(item, j)
      if s > 0 { scored.append((j, s)) }
    }
    scored.sort {
      $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.item < $1.item
    }
    return scored.prefix(limit).map(\.item)
  }
}

/// Joins names as people write lists: "A", "A and B", "A, B and C".
func spokenList(_ names: [String]) -> String {
  switch names.count {
  case 0: ""
  case 1: names[0]
  default: names.dropLast().joined(separator: ", ") + " and " + names.last!
  }
}

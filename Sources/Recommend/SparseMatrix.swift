/// A compressed sparse row (CSR) matrix of `Float`, the working form of a listening history:
/// rows are users (or items, once transposed), columns the other side, values the summed weights.
///
/// Columns within a row are sorted ascending, so membership is a binary search.
public struct SparseMatrix: Sendable {
  public let rows: Int
  public let columns: Int
  /// `rowStart[r]..<rowStart[r + 1]` are row `r`'s entries in `columnIndex` and `values`.
  public let rowStart: [Int]
  public let columnIndex: [Int32]
  public let values: [Float]

  /// Builds a matrix from `(row, column, value)` entries; entries at the same position are summed.
  public init(rows: Int, columns: Int, entries: [(row: Int, column: Int, value: Float)]) {
    var counts = [Int](repeating: 0, count: rows + 1)
    for e in entries { counts[e.row + 1] += 1 }
    for r in 0..<rows { counts[r + 1] += counts[r] }
    var fill = counts
    var cols = [Int32](repeating: 0, count: entries.count)
    var vals = [Float](repeating: 0, count: entries.count)
    for e in entries {
      cols[fill[e.row]] = Int32(e.column)
      vals[fill[e.row]] = e.value
      fill[e.row] += 1
    }
    // Sort each row by column and sum duplicates.
    var outStart = [Int](repeating: 0, count: rows + 1)
    var outCols: [Int32] = []
    var outVals: [Float] = []
    outCols.reserveCapacity(entries.count)
    outVals.reserveCapacity(entries.count)
    for r in 0..<rows {
      let range = counts[r]..<counts[r + 1]
      let order = range.sorted { cols[$0] < cols[$1] }
      for p in order {
        if outCols.count > outStart[r], outCols[outCols.count - 1] == cols[p] {
          outVals[outVals.count - 1] += vals[p]
        } else {
          outCols.append(cols[p])
          outVals.append(vals[p])
        }
      }
      outStart[r + 1] = outCols.count
    }
    self.init(
      rows: rows, columns: columns, rowStart: outStart, columnIndex: outCols, values: outVals)
  }

  init(rows: Int, columns: Int, rowStart: [Int], columnIndex: [Int32], values: [Float]) {
    self.rows = rows
    self.columns = columns
    self.rowStart = rowStart
    self.columnIndex = columnIndex
    self.values = values
  }

  /// Number of stored entries.
  public var nonZeroCount: Int { values.count }

  /// The entry positions of row `r`.
  @inline(__always) public func range(ofRow r: Int) -> Range<Int> { rowStart[r]..<rowStart[r + 1] }

  /// The number of entries in row `r`.
  @inline(__always) public func count(ofRow r: Int) -> Int { rowStart[r + 1] - rowStart[r] }

  /// Whether row `r` has an entry in column `c`.
  public func contains(row r: Int, column c: Int) -> Bool {
    var lo = rowStart[r]
    var hi = rowStart[r + 1]
    let target = Int32(c)
    while lo < hi {
      let mid = (lo + hi) / 2
      if columnIndex[mid] < target { lo = mid + 1 } else { hi = mid }
    }
    return lo < rowStart[r + 1] && columnIndex[lo] == target
  }

  /// The same matrix with every value replaced by `transform(value)`.
  public func mapValues(_ transform: (Float) -> Float) -> SparseMatrix {
    SparseMatrix(
      rows: rows, columns: columns, rowStart: rowStart, columnIndex: columnIndex,
      values: values.map(transform))
  }

  /// The transpose (items × users from users × items), rows still sorted.
  public func transposed() -> SparseMatrix {
    var start = [Int](repeating: 0, count: columns + 1)
    for c in columnIndex { start[Int(c) + 1] += 1 }
    for c in 0..<columns { start[c + 1] += start[c] }
    var fill = start
    var cols = [Int32](repeating: 0, count: values.count)
    var vals = [Float](repeating: 0, count: values.count)
    for r in 0..<rows {
      for p in range(ofRow: r) {
        let c = Int(columnIndex[p])
        cols[fill[c]] = Int32(r)
        vals[fill[c]] = values[p]
        fill[c] += 1
      }
    }
    return SparseMatrix(
      rows: columns, columns: rows, rowStart: start, columnIndex: cols, values: vals)
  }

  /// The Euclidean norm of each row.
  public func rowNorms() -> [Float] {
    (0..<rows).map { r in
      var s: Float = 0
      for p in range(ofRow: r) { s += values[p] * values[p] }
      return s.squareRoot()
    }
  }
}

extension SparseMatrix {
  /// The dot product of rows `a` and `b`, merging their sorted column lists.
  func rowDot(_ a: Int, _ b: Int) -> Float {
    var p = rowStart[a]
    var q = rowStart[b]
    let pe = rowStart[a + 1]
    let qe = rowStart[b + 1]
    var s: Float = 0
    while p < pe, q < qe {
      let cp = columnIndex[p]
      let cq = columnIndex[q]
      if cp == cq {
        s += values[p] * values[q]
        p += 1
        q += 1
      } else if cp < cq {
        p += 1
      } else {
        q += 1
      }
    }
    return s
  }
}

import Catalog
import Foundation

/// All catalog vectors in one contiguous Float32 matrix, searched exactly by brute force.
///
/// A query scans every row with SIMD8 arithmetic (a row is three SIMD8 lanes), split across threads, keeping
/// each thread's best `k + 32` rows in a bounded heap; the merged shortlist is then re-scored in Double and
/// sorted by (distance, id), so the result equals an exact search in double precision (the Float32 scan only
/// has to get the true top k into a shortlist 32 rows deeper, which rounding cannot defeat).
public struct ReferenceIndex: Sendable {
  /// Catalog track ids, one per row.
  public let ids: [Int64]
  let matrix: [Float]
  let known: [UInt8]

  /// Wraps vectors loaded with ``CatalogStore/vectors()``.
  public init(_ vectors: CatalogVectors) {
    precondition(
      vectors.values.count == vectors.ids.count * TrackVector.dimension,
      "vector matrix has the wrong size")
    ids = vectors.ids
    matrix = vectors.values
    known = vectors.known
  }

  public var count: Int { ids.count }

  /// Row `i` as floats.
  public func row(_ i: Int) -> [Float] {
    Array(matrix[i * TrackVector.dimension..<(i + 1) * TrackVector.dimension])
  }

  /// Known-groups mask of row `i`.
  public func knownGroups(_ i: Int) -> UInt8 { known[i] }

  /// One hit: a row and its exact distance.
  public struct Hit: Sendable, Hashable {
    public var row: Int
    public var id: Int64
    public var distance: Double
  }

  /// The `k` rows nearest to `query` under `metric`, nearest first, ties broken by id.
  ///
  /// - Parameters:
  ///   - allowed: when given, only rows whose entry is true are considered (style and tempo filters).
  ///   - threads: scanning threads; default 2 (the benchmark machine's cores).
  public func nearest(
    to query: [Float], metric: ReferenceMetric, k: Int, allowed: [Bool]? = nil, threads: Int = 2
  ) -> [Hit] {
    let n = ids.count
    guard k > 0, n > 0 else { return [] }
    let shortlist = k + 32
    let threadCount = max(1, min(threads, n / 4096 + 1))
    let chunk = (n + threadCount - 1) / threadCount
    let heaps = HeapBox(count: threadCount)
    let q = SIMDRow(query)
    let w = SIMDRow(metric.weights)
    let correction = metric.maskCorrection
    DispatchQueue.concurrentPerform(iterations: threadCount) { t in
      let start = t * chunk
      let end = min(n, start + chunk)
      heaps.set(
        t,
        scan(
          rows: start..<max(start, end), query: q, weights: w, correction: correction,
          allowed: allowed, capacity: shortlist))
    }
    var hits: [Hit] = []
    matrix.withUnsafeBufferPointer { m in
      for heap in heaps.all() {
        for row in heap.rows {
          let r = Int(row)
          let slice = UnsafeBufferPointer(
            rebasing: m[r * TrackVector.dimension..<(r + 1) * TrackVector.dimension])
          hits.append(
            Hit(row: r, id: ids[r], distance: metric.distance(query, slice, known: known[r])))
        }
      }
    }
    hits.sort { ($0.distance, $0.id) < ($1.distance, $1.id) }
    return Array(hits.prefix(k))
  }
}

extension ReferenceIndex {
  /// Scans `rows`, keeping the `capacity` smallest Float32 distances.
  func scan(
    rows: Range<Int>, query q: SIMDRow, weights w: SIMDRow, correction: [Float], allowed: [Bool]?,
    capacity: Int
  ) -> TopKHeap {
    var heap = TopKHeap(capacity: capacity)
    guard !rows.isEmpty else { return heap }
    matrix.withUnsafeBufferPointer { m in
      known.withUnsafeBufferPointer { kn in
        correction.withUnsafeBufferPointer { fix in
          let base = UnsafeRawPointer(m.baseAddress!)
          var threshold = heap.threshold
          for r in rows {
            if let allowed, !allowed[r] { continue }
            let p = base + r * TrackVector.dimension * 4
            let d0 = p.loadUnaligned(as: SIMD8<Float>.self) - q.a
            let d1 = p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self) - q.b
            let d2 = p.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self) - q.c
            var acc = d0 * d0 * w.a
            acc.addProduct(d1 * d1, w.b)
            acc.addProduct(d2 * d2, w.c)
            let d = acc.sum() + fix[Int(kn[r] & 63)]
            if d < threshold {
              heap.offer(d, row: Int32(r))
              threshold = heap.threshold
            }
          }
        }
      }
    }
    return heap
  }
}

/// A row's 24 floats as three SIMD8 lanes.
struct SIMDRow: Sendable {
  var a, b, c: SIMD8<Float>
  init(_ v: [Float]) {
    precondition(v.count == 24)
    a = SIMD8(v[0..<8])
    b = SIMD8(v[8..<16])
    c = SIMD8(v[16..<24])
  }
}

/// Per-thread heaps, each written by exactly one thread of `concurrentPerform`.
private final class HeapBox: @unchecked Sendable {
  private var heaps: [TopKHeap?]
  private let lock = NSLock()
  init(count: Int) { heaps = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ heap: TopKHeap) { lock.withLock { heaps[i] = heap } }
  func all() -> [TopKHeap] { lock.withLock { heaps.compactMap { $0 } } }
}

import Catalog
import Foundation

/// All catalog vectors in one contiguous Float32 matrix, searched exactly by brute force.
///
/// The matrix is stored in blocks of eight rows, dimension-major inside a block (`block[d][lane]`), so a
/// scan computes eight distances at once with SIMD8 multiply-adds and no horizontal sums. Blocks are split
/// across threads; each keeps its best `k + 32` rows in a bounded heap. The merged shortlist is re-scored
/// in Double and sorted by (distance, id), so the result equals an exact search in double precision (the
/// Float32 scan only has to get the true top k into a shortlist 32 rows deeper, which rounding cannot defeat).
public struct ReferenceIndex: Sendable {
  /// Catalog track ids, one per row.
  public let ids: [Int64]
  /// `ceil(n / 8)` blocks of `dimension × 8` floats.
  let blocks: [Float]
  /// Known-groups masks, padded to whole blocks (padding rows are never offered).
  let known: [UInt8]

  static let lanes = 8
  static var blockFloats: Int { TrackVector.dimension * lanes }

  /// Wraps vectors loaded with ``CatalogStore/vectors()`` (rearranging them into blocks once).
  public init(_ vectors: CatalogVectors) {
    let dim = TrackVector.dimension
    precondition(
      vectors.values.count == vectors.ids.count * dim, "vector matrix has the wrong size")
    let n = vectors.ids.count
    let blockCount = (n + Self.lanes - 1) / Self.lanes
    var blocks = [Float](repeating: 0, count: blockCount * Self.blockFloats)
    vectors.values.withUnsafeBufferPointer { source in
      blocks.withUnsafeMutableBufferPointer { target in
        for r in 0..<n {
          let b = r / Self.lanes
          let lane = r % Self.lanes
          for d in 0..<dim {
            target[b * Self.blockFloats + d * Self.lanes + lane] = source[r * dim + d]
          }
        }
      }
    }
    ids = vectors.ids
    self.blocks = blocks
    known = vectors.known + [UInt8](repeating: 0, count: blockCount * Self.lanes - n)
  }

  public var count: Int { ids.count }

  /// Row `i` as floats.
  public func row(_ i: Int) -> [Float] {
    let base = (i / Self.lanes) * Self.blockFloats + i % Self.lanes
    return (0..<TrackVector.dimension).map { blocks[base + $0 * Self.lanes] }
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
  ///   - allowed: when given, only rows whose entry is true are considered (style, tempo and path filters).
  ///   - offsets: when given, added to each row's distance (one per row; the style term).
  ///   - threads: scanning threads; default 2 (the benchmark machine's cores).
  public func nearest(
    to query: [Float], metric: ReferenceMetric, k: Int, allowed: [Bool]? = nil,
    offsets: [Float]? = nil, threads: Int = 2
  ) -> [Hit] {
    let n = ids.count
    guard k > 0, n > 0 else { return [] }
    let shortlist = k + 32
    let blockCount = (n + Self.lanes - 1) / Self.lanes
    let threadCount = max(1, min(threads, blockCount / 512 + 1))
    let chunk = (blockCount + threadCount - 1) / threadCount
    let heaps = HeapBox(count: threadCount)
    let padded = offsets.map { $0 + [Float](repeating: 0, count: blockCount * Self.lanes - n) }
    DispatchQueue.concurrentPerform(iterations: threadCount) { t in
      let start = t * chunk
      let end = min(blockCount, start + chunk)
      heaps.set(
        t,
        scan(
          blocks: start..<max(start, end), query: query, metric: metric, allowed: allowed,
          offsets: padded, capacity: shortlist))
    }
    var hits: [Hit] = []
    for heap in heaps.all() {
      for row in heap.rows {
        let r = Int(row)
        hits.append(
          Hit(
            row: r, id: ids[r],
            distance: metric.distance(query, row: self.row(r), known: known[r])
              + Double(offsets?[r] ?? 0))
        )
      }
    }
    hits.sort { ($0.distance, $0.id) < ($1.distance, $1.id) }
    return Array(hits.prefix(k))
  }
}

extension ReferenceIndex {
  /// Scans the blocks in `range`, keeping the `capacity` smallest Float32 distances.
  func scan(
    blocks range: Range<Int>, query: [Float], metric: ReferenceMetric, allowed: [Bool]?,
    offsets: [Float]? = nil, capacity: Int
  )
    -> TopKHeap
  {
    var heap = TopKHeap(capacity: capacity)
    guard !range.isEmpty else { return heap }
    let dim = TrackVector.dimension
    let q = (0..<dim).map { SIMD8<Float>(repeating: query[$0]) }
    let w = (0..<dim).map { SIMD8<Float>(repeating: metric.weights[$0]) }
    let n = ids.count
    let correction = metric.maskCorrection
    let needsCorrection = correction.contains { $0 != 0 }
    // Plain pointer arithmetic on SIMD8 values: measured ~20× faster here than `addProduct` and
    // `loadUnaligned` on arrays captured by the loop (which the optimiser does not vectorise).
    q.withUnsafeBufferPointer { qp in
      w.withUnsafeBufferPointer { wp in
        known.withUnsafeBufferPointer { kn in
          correction.withUnsafeBufferPointer { fix in
            blocks.withUnsafeBufferPointer { m in
              m.baseAddress!.withMemoryRebound(
                to: SIMD8<Float>.self, capacity: m.count / Self.lanes
              ) { p in
                var threshold = heap.threshold
                for b in range {
                  let block = p + b * dim
                  var acc = SIMD8<Float>(repeating: 0)
                  for d in 0..<dim {
                    let diff = block[d] - qp[d]
                    acc = acc + diff * diff * wp[d]
                  }
                  let r0 = b * Self.lanes
                  if needsCorrection {
                    let k = kn.baseAddress! + r0
                    acc =
                      acc
                      + SIMD8(
                        fix[Int(k[0] & 63)], fix[Int(k[1] & 63)], fix[Int(k[2] & 63)],
                        fix[Int(k[3] & 63)],
                        fix[Int(k[4] & 63)], fix[Int(k[5] & 63)], fix[Int(k[6] & 63)],
                        fix[Int(k[7] & 63)])
                  }
                  if let offsets {
                    acc = acc + SIMD8(offsets[r0..<(r0 + Self.lanes)])
                  }
                  guard any(acc .< SIMD8(repeating: threshold)) else { continue }
                  for lane in 0..<Self.lanes where acc[lane] < threshold {
                    let r = r0 + lane
                    guard r < n else { break }
                    if let allowed, !allowed[r] { continue }
                    heap.offer(acc[lane], row: Int32(r))
                    threshold = heap.threshold
                  }
                }
              }
            }
          }
        }
      }
    }
    return heap
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

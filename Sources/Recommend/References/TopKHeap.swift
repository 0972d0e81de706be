/// A bounded max-heap that keeps the `capacity` smallest distances seen, for exact top-k selection in
/// O(n log k) without sorting the whole catalog.
struct TopKHeap {
  private(set) var distances: [Float] = []
  private(set) var rows: [Int32] = []
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    distances.reserveCapacity(capacity)
    rows.reserveCapacity(capacity)
  }

  /// The largest distance kept, or +∞ while the heap is not full: a row must beat it to get in.
  var threshold: Float { distances.count < capacity ? .infinity : distances[0] }

  mutating func offer(_ distance: Float, row: Int32) {
    if distances.count < capacity {
      distances.append(distance)
      rows.append(row)
      siftUp(distances.count - 1)
    } else if distance < distances[0] {
      distances[0] = distance
      rows[0] = row
      siftDown(0)
    }
  }

  private mutating func siftUp(_ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard distances[child] > distances[parent] else { return }
      distances.swapAt(child, parent)
      rows.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    let n = distances.count
    while true {
      let left = 2 * parent + 1
      guard left < n else { return }
      var largest = left
      if left + 1 < n && distances[left + 1] > distances[left] { largest = left + 1 }
      guard distances[largest] > distances[parent] else { return }
      distances.swapAt(largest, parent)
      rows.swapAt(largest, parent)
      parent = largest
    }
  }
}

/// Every catalog vector in one row-major Float32 matrix (``TrackVector/dimension`` floats per row).
public struct CatalogVectors: Sendable {
  public var ids: [Int64] = []
  public var values: [Float] = []
  /// ``FeatureGroup`` masks, one per row.
  public var known: [UInt8] = []
  public init() {}
  public init(ids: [Int64], values: [Float], known: [UInt8]) {
    self.ids = ids
    self.values = values
    self.known = known
  }
  public var count: Int { ids.count }
}

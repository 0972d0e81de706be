import Catalog
import Foundation

/// Any bytes as a table for `catalog import`: encoding detection, UTF-16 transcoding and the CSV reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  _ = PlainText.decode(data)
  guard var reader = try? CSVReader(TextChunks(data: data)) else { return 0 }
  var records = 0
  while let record = try? reader.next() {
    records += record.fields.count
  }
  return 0
}

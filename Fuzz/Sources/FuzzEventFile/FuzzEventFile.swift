import Catalog
import Foundation
import Recommend

/// Any bytes as a listening-events file (`user item weight [timestamp]`, tab/comma/space separated).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = PlainText.decode(Data(bytes: start, count: count))
  _ = try? EventFile.parse(text, path: "fuzz.tsv")
  return 0
}

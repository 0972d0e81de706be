import Catalog
import Foundation
import FuzzDriver
import Recommend

/// Any bytes as a listening-events file (`user item weight [timestamp]`, tab/comma/space separated).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = PlainText.decode(Data(bytes: start, count: count))
  _ = try? EventFile.parse(text, path: "fuzz.tsv")
  return 0
}

/// The process entry point SwiftPM links as `main` (see FuzzDriver.h).
@_cdecl("FuzzEventFile_main")
public func fuzzEventFileMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  moodsketch_fuzz_main(argc, argv)
}

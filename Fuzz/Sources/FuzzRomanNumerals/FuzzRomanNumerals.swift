import FuzzDriver
import Theory

/// Any text as a Roman numeral (`bVII`, `V7/V`, `viiø7`), realised in a major and a minor key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRomanNumerals(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  guard let numeral = RomanNumeral(parsing: text) else { return 0 }
  _ = numeral.description
  for key in [Key(parsing: "C"), Key(parsing: "F# minor")].compactMap({ $0 }) {
    _ = numeral.chord(in: key)
  }
  return 0
}

/// The process entry point SwiftPM links as `main` (see FuzzDriver.h).
@_cdecl("FuzzRomanNumerals_main")
public func fuzzRomanNumeralsMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  moodsketch_fuzz_main(argc, argv)
}

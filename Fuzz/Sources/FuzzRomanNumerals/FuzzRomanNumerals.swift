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

import Theory

/// Any text as a chord symbol (`F#m7b5/C`) and as a Harte label (`C:min7/b3`); a parsed chord must name
/// its pitches and print a symbol.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChordSymbols(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  for chord in [Chord(symbol: text), Chord(harte: text)].compactMap({ $0 }) {
    _ = chord.description
    _ = Chord(symbol: chord.description)
  }
  return 0
}

import Theory

/// Any text as a key (`F# minor`, `Bbm`), a mode, a note name and a metre (`6/8`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeysAndMeters(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  if let key = Key(parsing: text) {
    _ = key.description
    _ = key.shortName
  }
  _ = Mode(parsing: text)
  _ = NoteClass(text)
  if let meter = Meter(parsing: text) {
    _ = meter.description
    _ = meter.ticksPerBar(ticksPerQuarter: 480)
    _ = meter.ticksPerBeat(ticksPerQuarter: 480)
  }
  return 0
}

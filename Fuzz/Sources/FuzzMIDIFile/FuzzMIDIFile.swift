import Foundation
import SMF

/// Any bytes as a Standard MIDI File: decoding may throw, never trap; a decoded score must encode and decode
/// again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIDIFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  guard let score = try? MIDIFile.decode(data, name: "fuzz.mid") else { return 0 }
  _ = try? MIDIFile.decode(MIDIFile.encode(score), name: "again.mid")
  return 0
}

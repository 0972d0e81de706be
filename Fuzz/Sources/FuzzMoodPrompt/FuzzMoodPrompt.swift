import Affect

/// The lexicon loads once; every input is a prompt (negation, intensifiers, phrases, emoji, any Unicode).
let parser = MoodParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoodPrompt(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  if let mood = try? parser.parse(text) {
    precondition(mood.valence.isFinite && mood.arousal.isFinite, "non-finite mood for \(text)")
  }
  return 0
}

import Compose
import Testing
import Theory

@Suite struct VoicingTests {
  @Test func everyVoicingHoldsAllChordTonesInRegister() {
    for symbol in ["C", "Am7", "G7", "Fmaj7", "Bm7b5", "Dsus4", "E", "Cmaj9"] {
      let chord = Chord(symbol: symbol)!
      let v = Voicing.next(for: chord, after: nil)
      let pcs = Set(v.pitches.map { $0 % 12 })
      // Five-note chords leave out the fifth; everything else keeps every tone.
      var tones = chord.pitchClasses
      if tones.count > 4 { tones.remove(at: 2) }
      let needed = Set(tones)
      #expect(needed.isSubset(of: pcs), "\(symbol): \(v.pitches)")
      #expect(v.pitches.allSatisfy(Voicing.defaultRegister.contains))
    }
  }

  @Test func voiceLeadingMovesLittleBetweenCommonChords() {
    // Each change should move the four voices only a few semitones in total. IV→V shares no note,
    // so even textbook voice leading moves every voice by a step there (8 semitones in all).
    var previous: Voicing?
    var worst = 0
    var total = 0
    for symbol in ["C", "Am", "F", "G", "C", "Em", "Dm7", "G7", "C"] {
      let v = Voicing.next(for: Chord(symbol: symbol)!, after: previous)
      if let p = previous {
        let movement = zip(p.pitches, v.pitches).reduce(0) { $0 + abs($1.0 - $1.1) }
        worst = max(worst, movement)
        total += movement
      }
      previous = v
    }
    #expect(worst <= 8)
    #expect(Double(total) / 8 <= 5)
  }
}

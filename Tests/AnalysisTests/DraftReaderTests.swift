import Foundation
import SMF
import Testing
import Theory

@testable import Analysis

/// POP909 songs with their own chord annotations (`chord_midi.txt`, seconds and Harte labels).
enum POP909 {
  static let root = Paths.sharedData.appendingPathComponent("pop909/POP909")
  static var available: Bool { FileManager.default.fileExists(atPath: root.path) }

  static func song(_ n: Int) -> (midi: String, chords: String) {
    let id = String(format: "%03d", n)
    let folder = root.appendingPathComponent(id)
    return (
      folder.appendingPathComponent("\(id).mid").path,
      folder.appendingPathComponent("chord_midi.txt").path
    )
  }

  /// (start s, end s, root pitch class or nil for N).
  static func annotations(_ path: String) throws -> [(Double, Double, Int?)] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
      let f = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
      guard f.count >= 3, let a = Double(f[0]), let b = Double(f[1]) else { return nil }
      return (a, b, Chord(harte: String(f[2]))?.root.pitchClass)
    }
  }

  /// The annotated root sounding longest in [from, to) seconds, nil when it is mostly no chord.
  static func root(in spans: [(Double, Double, Int?)], from: Double, to: Double) -> Int? {
    var weight: [Int: Double] = [:]
    var none = 0.0
    for (a, b, r) in spans {
      let overlap = min(b, to) - max(a, from)
      guard overlap > 0 else { continue }
      if let r { weight[r, default: 0] += overlap } else { none += overlap }
    }
    guard let best = weight.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
      best.value > none
    else { return nil }
    return best.key
  }
}

@Suite struct DraftReaderTests {
  func note(_ start: Int, _ length: Int, _ midi: Int) -> NoteEvent {
    NoteEvent(start: start, duration: length, pitch: Pitch(midi), velocity: 80)
  }

  @Test func recognisesTriadsSeventhsAndInversions() {
    let r = ChordRecognizer()
    let c = [note(0, 480, 48), note(0, 480, 64), note(0, 480, 67), note(0, 480, 72)]
    #expect(r.recognise(c, in: 0..<480, key: nil)?.0.symbol == "C")
    let g7 = [note(0, 480, 43), note(0, 480, 59), note(0, 480, 62), note(0, 480, 65)]
    #expect(r.recognise(g7, in: 0..<480, key: nil)?.0.symbol == "G7")
    let cOverE = [note(0, 480, 40), note(0, 480, 60), note(0, 480, 67), note(0, 480, 72)]
    #expect(r.recognise(cOverE, in: 0..<480, key: nil)?.0.symbol == "C/E")
    let am = [note(0, 480, 45), note(0, 480, 60), note(0, 480, 64), note(0, 480, 69)]
    #expect(r.recognise(am, in: 0..<480, key: Key(NoteClass(.C)))?.0.symbol == "Am")
    #expect(r.recognise(am, in: 480..<960, key: nil) == nil)
  }

  func draft(_ tracks: [Track], keys: [KeyChange] = []) -> Score {
    Score(
      ticksPerQuarter: 480, tempos: [TempoChange(tick: 0, bpm: 96)],
      meters: [MeterChange(tick: 0, meter: .commonTime)], keys: keys, tracks: tracks)
  }

  @Test func findsTheMelodyByNameElseTheHighestSingleLine() throws {
    let pad = Track(
      name: "Keys", program: 0, channel: 0,
      notes: (0..<4).flatMap { b in [60, 64, 67].map { note(b * 1920, 1920, $0) } })
    let line = Track(
      name: "Synth", program: 80, channel: 1,
      notes: (0..<16).map { note($0 * 480, 480, [72, 74, 76, 79][$0 % 4]) })
    let reading = try DraftReader().read(draft([pad, line]), name: "draft.mid")
    #expect(reading.melodyTrack == 1)
    #expect(reading.melodyReason.contains("highest single-line"))
    #expect(reading.chords.map(\.chord.symbol) == ["C", "C", "C", "C"])
    #expect(reading.bars == 4)
    #expect(reading.key.tonic.pitchClass == 0)
    #expect(reading.keySource.hasPrefix("estimated"))

    var vocal = line
    vocal.name = "Lead Vocal"
    vocal.notes = vocal.notes.map {
      var n = $0
      n.pitch = Pitch($0.pitch.midi - 24)
      return n
    }
    let named = try DraftReader().read(
      draft([pad, vocal], keys: [KeyChange(tick: 0, key: Key(NoteClass(.A), .minor))]),
      name: "draft.mid")
    #expect(named.melodyTrack == 1 && named.melodyReason.contains("name says melody"))
    #expect(
      named.key == Key(NoteClass(.A), .minor) && named.keySource == "key signature in the file")
  }

  @Test func badDraftsAreNamed() {
    let pad = Track(
      name: "Keys", program: 0, channel: 0, notes: [60, 64, 67].map { note(0, 1920, $0) })
    #expect(throws: DraftError.polyphonicMelody(track: "Keys", overlapPercent: 67)) {
      try DraftReader().read(draft([pad]), name: "d.mid", melody: .named("keys"))
    }
    #expect(throws: DraftError.noNotes("d.mid")) {
      try DraftReader().read(draft([Track(name: "x", program: 0, channel: 0)]), name: "d.mid")
    }
    let drums = Track(name: "Drums", program: 0, channel: 9, notes: [note(0, 120, 36)])
    #expect(throws: DraftError.onlyDrums("d.mid")) {
      try DraftReader().read(draft([drums]), name: "d.mid")
    }
    #expect(throws: DraftError.noSuchTrack("Bass", available: ["1 Keys"])) {
      try DraftReader().read(draft([pad]), name: "d.mid", melody: .named("Bass"))
    }
  }

  @Test(.enabled(if: POP909.available, "needs ../shared/data/pop909"))
  func chordRootsAgreeWithPOP909Annotations() throws {
    var agree = 0
    var compared = 0
    var melodyFound = 0
    var keysAgree = 0
    let songs = Array(1...20)
    for n in songs {
      let (midi, labels) = POP909.song(n)
      let score = try MIDIFile.read(path: midi)
      let reading = try DraftReader().read(score, name: midi)
      if score.tracks[reading.melodyTrack].name.uppercased() == "MELODY" { melodyFound += 1 }
      let spans = try POP909.annotations(labels)
      // POP909's key annotation (key_audio.txt, first key): tonic and mode both right counts.
      let keyText = try String(
        contentsOfFile: labels.replacingOccurrences(of: "chord_midi.txt", with: "key_audio.txt"),
        encoding: .utf8
      ).split(separator: "\n")[0].split(separator: "\t")
      if let annotated = Key(parsing: String(keyText[2])),
        annotated.tonic.pitchClass == reading.key.tonic.pitchClass,
        annotated.mode == reading.key.mode
      {
        keysAgree += 1
      }
      for chord in reading.chords {
        let from = score.seconds(atTick: chord.start)
        let to = score.seconds(atTick: chord.start + chord.duration)
        guard let expected = POP909.root(in: spans, from: from, to: to) else { continue }
        compared += 1
        if chord.chord.root.pitchClass == expected { agree += 1 }
      }
    }
    let share = Double(agree) / Double(max(1, compared))
    print(
      "POP909 1–20: bar-level chord root agreement \(agree)/\(compared) = \(String(format: "%.1f", share * 100)) %; MELODY track found in \(melodyFound)/\(songs.count); key as annotated in \(keysAgree)/\(songs.count)"
    )
    #expect(melodyFound == songs.count)
    #expect(compared > 500)
    #expect(share >= 0.75)
    // 13/20 measured; of the misses two are a semitone off (17, 18: G minor annotated, F# minor in
    // the MIDI's notes), a sign that key_audio.txt follows the recording rather than the MIDI.
    #expect(keysAgree >= 12)
  }
}

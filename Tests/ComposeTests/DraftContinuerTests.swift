import Analysis
import Foundation
import SMF
import Testing
import Theory

@testable import Compose

/// `continue` on real drafts: POP909 songs cut after eight bars of melody.
@Suite struct DraftContinuerTests {
  /// (interval, interval, interval, onset gap, onset gap, onset gap) of every 4-note window.
  static func figures(_ notes: [NoteEvent]) -> Set<[Int]> {
    let sorted = notes.sorted { $0.start < $1.start }
    guard sorted.count >= 4 else { return [] }
    var out: Set<[Int]> = []
    for i in 0...(sorted.count - 4) {
      let w = Array(sorted[i..<(i + 4)])
      out.insert(
        (1..<4).map { w[$0].pitch.midi - w[$0 - 1].pitch.midi }
          + (1..<4).map { w[$0].start - w[$0 - 1].start })
    }
    return out
  }

  static func noteSet(_ notes: [NoteEvent]) -> [NoteEvent] {
    notes.sorted { ($0.start, $0.pitch.midi, $0.duration) < ($1.start, $1.pitch.midi, $1.duration) }
  }

  /// The song cut after the eighth bar of its melody (counted from the bar of the first melody
  /// note), written as a MIDI file the way a DAW would export it.
  static func cutDraft(_ song: Score, to path: String) throws -> (Score, Int) {
    let barTicks = song.initialMeter.ticksPerBar(ticksPerQuarter: song.ticksPerQuarter)
    let melody = song.tracks.first { $0.name == "MELODY" }?.notes.map(\.start).min() ?? 0
    let cut = (melody / barTicks + 8) * barTicks
    var draft = song
    draft.meters = Array(song.meters.prefix(1))
    draft.keys = []
    draft.tempos = song.tempos.filter { $0.tick < cut }
    for i in draft.tracks.indices {
      draft.tracks[i].notes = song.tracks[i].notes.filter { $0.start < cut }.map {
        var n = $0
        n.duration = min(n.duration, cut - n.start)
        return n
      }
      draft.tracks[i].controls = song.tracks[i].controls.filter { $0.tick < cut }
    }
    try MIDIFile.write(draft, to: path)
    return (try MIDIFile.read(path: path), cut)
  }

  @Test(.enabled(if: SharedData.available, "needs ../shared/data/pop909"))
  func pop909DraftsContinueInKeyWithTheirMotifs() throws {
    let model = Fixtures.model
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "continue-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var sameKey = 0
    var motifReused = 0
    var identical = 0
    var lines: [String] = []
    for n in 1...20 {
      let id = String(format: "%03d", n)
      let song = try MIDIFile.read(path: SharedData.folder + "/pop909/POP909/\(id)/\(id).mid")
      let (draft, cut) = try Self.cutDraft(
        song, to: folder.appendingPathComponent("\(id).mid").path)
      let reading = try DraftReader().read(draft, name: "\(id).mid")
      let facts = DraftFacts(
        key: reading.key, melodyTrack: reading.melodyTrack,
        chordsByBar: Dictionary(reading.chords.map { ($0.bar, $0.chord) }) { a, _ in a })
      let result = try DraftContinuer(model: model).continueDraft(
        draft, facts: facts, bars: 8, seed: 1)
      let outPath = folder.appendingPathComponent("\(id)-out.mid").path
      try MIDIFile.write(result.score, to: outPath)
      let back = try MIDIFile.read(path: outPath)
      #expect(result.firstNewTick >= cut - 1)

      // The draft's events, unchanged.
      let same = draft.tracks.indices.allSatisfy { i in
        Self.noteSet(back.tracks[i].notes.filter { $0.start < result.firstNewTick })
          == Self.noteSet(draft.tracks[i].notes)
          && back.tracks[i].channel == draft.tracks[i].channel
          && back.tracks[i].program == draft.tracks[i].program
      }
      #expect(same, "song \(id): the draft's notes changed")
      if same { identical += 1 }

      // Key-finding on the new bars alone.
      var fresh = back
      fresh.keys = []
      for i in fresh.tracks.indices {
        fresh.tracks[i].notes = back.tracks[i].notes.filter { $0.start >= result.firstNewTick }.map
        {
          var n = $0
          n.start -= result.firstNewTick
          return n
        }
      }
      let newKey = try DraftReader().read(
        fresh, name: "new bars", melody: .number(reading.melodyTrack + 1)
      ).key
      if newKey.tonic.pitchClass == reading.key.tonic.pitchClass,
        newKey.mode.hasMinorThird == reading.key.mode.hasMinorThird
      {
        sameKey += 1
      }

      // A draft motif (4 notes: intervals and onset gaps; transposition-free) in the new melody.
      let melody = back.tracks[reading.melodyTrack].notes
      let old = Self.figures(melody.filter { $0.start < result.firstNewTick })
      let new = Self.figures(melody.filter { $0.start >= result.firstNewTick })
      let reused = !old.isDisjoint(with: new)
      if reused { motifReused += 1 }
      lines.append(
        "\(id): draft \(reading.key) (\(reading.keySource.prefix(14))), new bars \(newKey); chords \(result.chords.map(\.chord.symbol).joined(separator: " ")); motif bars \(result.motifBars) \(result.motif.count) notes\(reused ? "" : ", NOT reused")"
      )
    }
    print(lines.joined(separator: "\n"))
    print(
      "continue on 20 POP909 drafts: \(identical)/20 drafts unchanged, \(sameKey)/20 new bars in the draft's key, \(motifReused)/20 reuse a draft motif"
    )
    #expect(identical == 20)
    #expect(sameKey >= 14, "only \(sameKey)/20 continuations in the draft's key")
    #expect(motifReused == 20, "only \(motifReused)/20 reuse a motif")
  }

  func draft(meters: [MeterChange]) -> Score {
    let notes = (0..<16).map {
      NoteEvent(
        start: $0 * 480, duration: 480, pitch: Pitch([72, 74, 76, 79][$0 % 4]), velocity: 80)
    }
    return Score(
      ticksPerQuarter: 480, tempos: [TempoChange(tick: 0, bpm: 100)], meters: meters,
      tracks: [Track(name: "Lead", program: 80, channel: 0, notes: notes)])
  }

  @Test func aMetreChangeMidDraftIsNamed() {
    let score = draft(meters: [
      MeterChange(tick: 0, meter: .commonTime), MeterChange(tick: 3840, meter: Meter(3, 4)),
    ])
    let facts = DraftFacts(key: Key(NoteClass(.C)), melodyTrack: 0, chordsByBar: [:])
    #expect(throws: ContinueError.meterChange(from: "4/4", to: "3/4", bar: 3)) {
      try DraftContinuer(model: Fixtures.model).continueDraft(score, facts: facts, bars: 4, seed: 1)
    }
    #expect(throws: ContinueError.barsOutOfRange(0)) {
      try DraftContinuer(model: Fixtures.model).continueDraft(
        draft(meters: []), facts: facts, bars: 0, seed: 1)
    }
  }

  @Test func sameSeedSameNotes() throws {
    let facts = DraftFacts(key: Key(NoteClass(.C)), melodyTrack: 0, chordsByBar: [:])
    let a = try DraftContinuer(model: Fixtures.model).continueDraft(
      draft(meters: []), facts: facts, bars: 8, seed: 4)
    let b = try DraftContinuer(model: Fixtures.model).continueDraft(
      draft(meters: []), facts: facts, bars: 8, seed: 4)
    #expect(a.score == b.score)
    #expect(a.firstNewBar == 4)
    #expect(a.score.tracks[0].notes.count > 16)
  }
}

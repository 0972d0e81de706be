import Affect
import Compose
import Testing
import Theory

/// Each style sounds like itself: what a player of the style would check first.
@Suite struct StyleIdiomTests {
  typealias F = StyleFixtures

  @Test func bluesIsATwelveBarFormInDominantSevenths() throws {
    for seed: UInt64 in [1, 2, 3] {
      let score = F.score(.blues, key: "E major", bars: 12, seed: seed)
      let chords = score.chords
      #expect(chords.count == 12, "one chord per bar")
      #expect(chords.allSatisfy { $0.chord.quality == .dominant7 })
      let numerals = chords.map { $0.roman.degree }
      #expect(numerals[0] == 1 && numerals[4] == 4 && numerals[5] == 4 && numerals[8] == 5)
      #expect(numerals[6] == 1 && numerals[11] == 1, "home in bar 7 and at the end")
    }
    // Two choruses: the first ends on the turnaround's V7, the second at home.
    let long = F.score(.blues, key: "A major", bars: 24)
    #expect(long.chords[11].roman.degree == 5 && long.chords[23].roman.degree == 1)
  }

  @Test func plannedBluesIsOneChorus() {
    let plan = Planner().plan(
      for: Mood(valence: 0.2, arousal: 0.1), overrides: .init(style: .blues), seed: 1)
    #expect(plan.bars == 12)
  }

  @Test func jazzHasIITwoFiveOneAndWalkingQuarters() throws {
    for seed: UInt64 in [1, 2, 3] {
      let score = F.score(.jazz, key: "F major", seed: seed, chordsPerBar: 2)
      let c = score.chords
      let twoFiveOne = zip(c, zip(c.dropFirst(), c.dropFirst(2))).contains { ii, rest in
        let (v, i) = rest
        return ii.roman.degree == 2 && ii.chord.quality == .minor7 && v.chord.quality == .dominant7
          && i.roman.degree == 1
      }
      #expect(twoFiveOne, "seed \(seed): \(c.map(\.roman.description))")
      // Walking bass: a note on every beat but the held last bar, each about a quarter long.
      let bass = try #require(Fixtures.track(score, "Bass")).notes
      let beats = Set(bass.filter { $0.start % 480 == 0 }.map { $0.start / 480 })
      #expect(beats == Set(0...28), "a note on each beat, then the held root of the last bar")
      let quarters = bass.dropLast().filter { (360...480).contains($0.duration) }
      #expect(Double(quarters.count) / Double(bass.count - 1) > 0.6, "mostly quarters, some skips")
      // Shell voicings: two or three notes, the third and the seventh.
      let comp = try #require(Fixtures.track(score, "Chords")).notes
      let firstChord = comp.filter { $0.start == comp.first!.start }.map { $0.pitch.midi % 12 }
      let root = c[0].chord.root.pitchClass
      let intervals = Set(firstChord.map { (($0 - root) % 12 + 12) % 12 })
      #expect(intervals.isSuperset(of: [c[0].chord.quality.intervals[1]]))
      #expect(firstChord.count <= 3)
    }
  }

  @Test func reggaeSkanksOffTheBeat() throws {
    let score = F.score(.reggae, bars: 8)
    let comp = try #require(Fixtures.track(score, "Chords")).notes.filter {
      $0.start < 7 * F.ticksPerBar
    }
    let onOneOrThree = comp.filter { F.near($0.start, step: 0) || F.near($0.start, step: 8) }
    #expect(!comp.isEmpty)
    #expect(Double(onOneOrThree.count) / Double(comp.count) < 0.1, "the skank avoids 1 and 3")
  }

  @Test func reggaeDrumsDropOnThree() throws {
    var drop = 0
    var backbeat = 0
    for seed: UInt64 in 1...4 {
      let score = F.score(.reggae, bars: 8, seed: seed)
      let hits = try #require(score.tracks.first { $0.isDrums }).notes.filter {
        [37, 38, 40].contains($0.pitch.midi) && $0.velocity >= 60
          && [0, 1, 2, 4, 5, 6].contains($0.start / F.ticksPerBar)
      }
      drop += hits.filter { F.near($0.start, step: 8) }.count
      backbeat += hits.filter { F.near($0.start, step: 4) || F.near($0.start, step: 12) }.count
    }
    #expect(drop > backbeat, "the one-drop accents beat 3: \(drop) vs \(backbeat) on 2 and 4")
  }

  @Test func houseKicksFourOnTheFloor() throws {
    let score = F.score(.house, bars: 8)
    let kicks = try #require(score.tracks.first { $0.isDrums }).notes.filter { $0.pitch.midi == 36 }
    let barsWithAllFour = (0..<7).filter { bar in
      [0, 4, 8, 12].allSatisfy { step in
        kicks.contains { $0.start == bar * F.ticksPerBar + step * F.sixteenth }
      }
    }
    #expect(barsWithAllFour.count >= 6, "bars \(barsWithAllFour)")
  }

  @Test func metalPlaysPowerChordsAndDoubleKick() throws {
    let score = F.score(.metal, key: "E phrygian", bars: 8, arousal: 0.8)
    let comp = try #require(Fixtures.track(score, "Chords")).notes
    let byOnset = Dictionary(grouping: comp, by: \.start)
    for (_, notes) in byOnset {
      let low = notes.map(\.pitch.midi).min()!
      #expect(Set(notes.map { $0.pitch.midi - low }).isSubset(of: [0, 7, 12]))
    }
    let kicks = try #require(score.tracks.first { $0.isDrums }).notes.filter { $0.pitch.midi == 36 }
    let busiest = Dictionary(grouping: kicks) { $0.start / F.ticksPerBar }.values.map(\.count).max()
    #expect((busiest ?? 0) >= 12, "double-kick sixteenths")
    #expect(StyleProfile.of(.metal).instruments.chords == 30, "distortion guitar")
  }

  @Test func trapGlidesTheEightOhEightAndRollsTheHats() throws {
    let score = F.score(.trap, bars: 8)
    let bass = try #require(Fixtures.track(score, "Bass"))
    #expect(bass.controls.contains { $0.kind == .pitchBend && $0.value != 8192 }, "808 glides")
    #expect(bass.controls.contains { $0.kind == .controller && $0.number == 6 }, "bend range set")
    let hats = try #require(score.tracks.first { $0.isDrums }).notes.filter { $0.pitch.midi == 42 }
      .map(\.start).sorted()
    let gaps = zip(hats, hats.dropFirst()).map { $1 - $0 }
    #expect(gaps.contains { $0 > 0 && $0 < F.sixteenth }, "rolls faster than sixteenths")
    // Half-time: the snare on beat 3 only (outside the fill that closes the first phrase).
    let snares = try #require(score.tracks.first { $0.isDrums }).notes.filter {
      $0.pitch.midi == 38 && $0.start / F.ticksPerBar != 3 && $0.start < 7 * F.ticksPerBar
    }
    #expect(snares.filter { F.near($0.start, step: 4) || F.near($0.start, step: 12) }.isEmpty)
  }

  @Test func countryGoesBoomChick() throws {
    let score = F.score(.country, key: "G major", bars: 8, seed: 3)
    let comp = try #require(Fixtures.track(score, "Chords")).notes.filter {
      $0.start < 7 * F.ticksPerBar
    }
    let chicks = comp.filter { F.near($0.start, step: 4) || F.near($0.start, step: 12) }
    #expect(Double(chicks.count) / Double(comp.count) > 0.7, "chords on 2 and 4")
    let bass = try #require(Fixtures.track(score, "Bass")).notes.filter {
      $0.start < 7 * F.ticksPerBar
    }
    let booms = bass.filter { F.near($0.start, step: 0) || F.near($0.start, step: 8) }
    #expect(Double(booms.count) / Double(bass.count) > 0.6, "bass on 1 and 3")
    #expect(Set(booms.map { $0.pitch.midi % 12 }).count >= 2, "alternating root and fifth")
  }

  @Test func gospelEndsOnTheAmenCadence() {
    let score = F.score(.gospel, key: "Ab major", bars: 8)
    let last = score.chords.suffix(3).map(\.roman.description)
    #expect(last.first?.hasPrefix("IV") == true && last.last?.hasPrefix("I") == true, "\(last)")
    #expect(last[1] == "#iv°7")
  }

  @Test func synthwaveBassIsSequencedInOctaves() throws {
    let score = F.score(.synthwave, bars: 8)
    let bass = try #require(Fixtures.track(score, "Bass")).notes
    let octaveJumps = zip(bass, bass.dropFirst()).filter {
      abs($1.pitch.midi - $0.pitch.midi) == 12
    }
    #expect(octaveJumps.count >= 16)
    #expect(StyleProfile.of(.synthwave).instruments.melody == 81, "saw lead")
    #expect(
      StyleProfile.of(.synthwave).instruments.chords != 90, "not the string-like polysynth pad")
  }

  @Test func epicCinematicTrailerGetsPercussionAndOstinati() throws {
    let mood = try MoodParser().parse("epic cinematic trailer")
    let plan = Planner().plan(for: mood, seed: 1)
    #expect(plan.style == .cinematic && plan.instruments.drums)
    let score = StyleFixtures.composer.compose(plan, seed: 1)
    let drums = try #require(score.tracks.first { $0.isDrums })
    #expect(drums.notes.count >= 8 * 8)
    let comp = try #require(Fixtures.track(score, "Chords")).notes
    let onsetsPerBar = Set(comp.map(\.start)).count / plan.bars
    #expect(onsetsPerBar >= 6, "driving string ostinato, not held pads")
  }

  @Test func loFiDrumsAreSwungAndLaidBack() throws {
    let lofi = F.score(.lofi, bars: 8)
    let drums = try #require(lofi.tracks.first { $0.isDrums }).notes
    let offBeats = drums.filter { [42, 44, 46, 51].contains($0.pitch.midi) }
      .map { ($0.start % 480) }.filter { (180...400).contains($0) }
    let mean = Double(offBeats.reduce(0, +)) / Double(max(1, offBeats.count))
    #expect(mean > 260, "off-beat hats late of the straight eighth (240): \(mean)")
  }
}

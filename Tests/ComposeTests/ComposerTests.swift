import Affect
import Compose
import Foundation
import SMF
import Testing
import Theory

@Suite struct ComposerTests {
  let composer = Composer(model: Fixtures.model)

  @Test func sameSeedGivesByteIdenticalMIDI() throws {
    for plan in Fixtures.variety.prefix(4) {
      let a = MIDIFile.encode(composer.compose(plan, seed: 42))
      let b = MIDIFile.encode(composer.compose(plan, seed: 42))
      #expect(a == b)
    }
  }

  @Test func differentSeedsGiveDifferentMusic() {
    let plan = Fixtures.plan()
    let scores = (1...5).map { composer.compose(plan, seed: UInt64($0)) }
    let melodies = Set(scores.map { Fixtures.track($0, "Melody")!.notes.map(\.pitch.midi) })
    let progressions = Set(scores.map { $0.chords.map(\.chord.symbol) })
    #expect(melodies.count == 5)
    #expect(progressions.count >= 3)
  }

  @Test func scoreHasTempoMeterKeyAndNamedTracks() {
    let plan = Fixtures.plan(key: "D major", style: .rock)
    let score = composer.compose(plan, seed: 3)
    #expect(score.initialTempo == 100)
    #expect(score.initialMeter == .commonTime)
    #expect(score.initialKey == Key(parsing: "D major"))
    #expect(score.tracks.map(\.name) == ["Chords", "Melody", "Bass", "Drums"])
    #expect(Fixtures.track(score, "Drums")!.channel == 9)
    #expect(Fixtures.track(score, "Melody")!.program == 73)
    #expect(score.tracks.allSatisfy { !$0.notes.isEmpty })
    // The sketch lasts its bars: nothing sounds past the end of the last bar.
    let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter)
    #expect(score.endTick <= plan.bars * barTicks)
    #expect(score.endTick > (plan.bars - 1) * barTicks)
  }

  @Test func noDrumsWhenThePlanHasNone() {
    let score = composer.compose(Fixtures.plan(style: .ambient, drums: false), seed: 1)
    #expect(!score.tracks.contains { $0.isDrums })
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5])
  func everyPieceEndsOnTheTonicAfterACadenceChord(seed: UInt64) {
    for plan in Fixtures.variety {
      let score = composer.compose(plan, seed: seed)
      let last = score.chords.last!
      #expect(
        last.chord.root.pitchClass == plan.key.tonic.pitchClass,
        "\(plan.key) \(plan.style): \(last.chord)")
      let approach = score.chords.dropLast().last!
      let tokens = approach.roman.description
      #expect(
        ["V", "IV", "bVII", "iv", "VII", "v"].contains { tokens.hasPrefix($0) },
        "\(plan.key): \(tokens)")
    }
  }

  @Test func chordsComeFromTheModelsVocabulary() {
    for (i, plan) in Fixtures.variety.enumerated() {
      let mode: Mode = plan.key.mode.hasMinorThird ? .minor : .major
      let vocabulary = Set(Fixtures.model.vocabulary(for: mode))
      let harmonyKey = Key(plan.key.tonic, mode)
      for span in composer.compose(plan, seed: UInt64(i)).chords {
        let token = ChordToken.token(for: span.chord, in: harmonyKey)?.token
        #expect(token.map(vocabulary.contains) == true, "\(span.chord) in \(plan.key)")
      }
    }
  }

  @Test func noChordHeldForMoreThanTwoSlotsOutsideAmbient() {
    for seed in UInt64(1)...8 {
      for plan in Fixtures.variety where plan.style != .ambient {
        let symbols = composer.compose(plan, seed: seed).chords.map(\.chord.root.pitchClass)
        var run = 1
        for (a, b) in zip(symbols, symbols.dropFirst()) {
          run = a == b ? run + 1 : 1
          #expect(run <= 2, "\(plan.style) seed \(seed): \(symbols)")
        }
      }
    }
  }

  @Test func melodyOnStrongBeatsIsMostlyChordTones() {
    var strong = 0
    var chordTones = 0
    for seed in UInt64(1)...6 {
      for plan in Fixtures.variety {
        let score = composer.compose(plan, seed: seed)
        let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter)
        let beatTicks = plan.meter.ticksPerBeat(ticksPerQuarter: score.ticksPerQuarter)
        let beatsPerBar = barTicks / beatTicks
        for note in Fixtures.track(score, "Melody")!.notes {
          let inBar = note.start % barTicks
          let isStrong =
            inBar == 0 || (beatsPerBar >= 4 && beatsPerBar % 2 == 0 && inBar == barTicks / 2)
          guard isStrong, let chord = score.chords.last(where: { $0.start <= note.start }) else {
            continue
          }
          strong += 1
          if chord.chord.pitchClasses.contains(note.pitch.pitchClass) { chordTones += 1 }
        }
      }
    }
    let share = Double(chordTones) / Double(strong)
    print(
      "melody: \(chordTones)/\(strong) strong-beat notes are chord tones (\(Int(share * 100)) %)")
    #expect(strong > 100)
    #expect(share >= 0.7)
  }

  @Test func melodyStaysInTheRequestedRange() {
    for seed in UInt64(1)...5 {
      for plan in Fixtures.variety {
        let melody = Fixtures.track(composer.compose(plan, seed: seed), "Melody")!.notes
        #expect(!melody.isEmpty)
        #expect(
          melody.allSatisfy { plan.melodyRange.contains($0.pitch.midi) },
          "\(plan.style) seed \(seed)")
      }
    }
  }

  @Test func melodyEndsOnTheTonic() {
    for plan in Fixtures.variety {
      let last = Fixtures.track(composer.compose(plan, seed: 9), "Melody")!.notes.last!
      #expect(last.pitch.pitchClass == plan.key.tonic.pitchClass, "\(plan.key)")
    }
  }

  @Test func bassPlaysTheChordRootOnEveryDownbeat() {
    for plan in Fixtures.variety {
      let score = composer.compose(plan, seed: 5)
      let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter)
      let bass = Fixtures.track(score, "Bass")!.notes
      let downbeatNotes = bass.filter { $0.start % barTicks == 0 }
      #expect(downbeatNotes.count >= plan.bars / 2, "\(plan.style)")
      // Cinematic sketches hold a tonic pedal under their first phrase (a film-score device).
      let firstPhrase = 4 * barTicks
      for note in downbeatNotes where !(plan.style == .cinematic && note.start < firstPhrase) {
        let chord = score.chords.last { $0.start <= note.start }!
        #expect(
          note.pitch.pitchClass == chord.chord.root.pitchClass,
          "\(plan.style) bar \(note.start / barTicks)")
        #expect((28...55).contains(note.pitch.midi))
      }
    }
  }

  @Test func happierPlansBorrowLessAndRicherPlansUseMoreSevenths() {
    func share(_ plan: Plan, _ predicate: (ChordSpan) -> Bool) -> Double {
      let spans = (UInt64(1)...20).flatMap { composer.compose(plan, seed: $0).chords }
      return Double(spans.filter(predicate).count) / Double(spans.count)
    }
    let isSeventh = { (s: ChordSpan) in ChordToken.isSeventh(s.roman.quality) }
    #expect(
      share(Fixtures.plan(seventh: 0.9), isSeventh) > share(Fixtures.plan(seventh: 0.05), isSeventh)
        + 0.2)
    let key = Key(parsing: "C major")!
    let isBorrowed = { (s: ChordSpan) in
      ChordToken.isBorrowed(ChordToken.token(for: s.chord, in: key)?.token ?? "", mode: .major)
    }
    let many = share(Fixtures.plan(key: "C major", borrowed: 0.4), isBorrowed)
    let few = share(Fixtures.plan(key: "C major", borrowed: 0.02), isBorrowed)
    print(
      "borrowed chords: \(Int(many * 100)) % with borrowedChordProbability 0.4, \(Int(few * 100)) % with 0.02"
    )
    #expect(many > few + 0.05)
  }

  @Test func harmonicRhythmFollowsChordsPerBar() {
    let slow = composer.compose(Fixtures.plan(bars: 8, chordsPerBar: 0.5), seed: 1).chords.count
    let one = composer.compose(Fixtures.plan(bars: 8, chordsPerBar: 1), seed: 1).chords.count
    let fast = composer.compose(Fixtures.plan(bars: 8, chordsPerBar: 2), seed: 1).chords.count
    #expect(slow < one && one < fast)
    #expect(one == 8)
  }

  @Test func generatedChordFrequenciesAreCloseToTheCorpus() {
    // KL(generated ‖ corpus) over unigram chord-token frequencies, in nats, for C major pop.
    let table = Fixtures.model.majorChords
    let corpusCounts = table.outcomes.map { Double(table.count(of: $0, after: [])) }
    let corpusTotal = corpusCounts.reduce(0, +)
    var generated = [String: Double]()
    let key = Key(parsing: "C major")!
    for seed in UInt64(1)...40 {
      for span in composer.compose(Fixtures.plan(key: "C major", bars: 16), seed: seed).chords {
        if let token = ChordToken.token(for: span.chord, in: key)?.token {
          generated[token, default: 0] += 1
        }
      }
    }
    let total = generated.values.reduce(0, +)
    var kl = 0.0
    for (token, count) in generated {
      let p = count / total
      let q = max(1e-9, corpusCounts[table.index(of: token)!] / corpusTotal)
      kl += p * log(p / q)
    }
    let top = generated.sorted { $0.value > $1.value }.prefix(6).map {
      "\($0.key) \(Int($0.value / total * 100))%"
    }
    print(
      "chord unigram KL(generated ‖ corpus) = \(String(format: "%.3f", kl)) nats; generated: \(top)"
    )
    #expect(kl < 0.5)
  }
}

@Suite struct ComposerEdgeTests {
  @Test(arguments: ["4/4", "3/4", "6/8", "2/4", "5/4", "7/8", "12/8"])
  func everyMetreAndShortLengthGivesACompleteSketch(meter: String) {
    let composer = Composer(model: Fixtures.model)
    for bars in [1, 2, 3, 5] {
      let plan = Fixtures.plan(key: "E major", bars: bars, meter: Meter(parsing: meter)!)
      let score = composer.compose(plan, seed: 2)
      let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter)
      #expect(!score.chords.isEmpty)
      #expect(
        score.chords.last!.chord.root.pitchClass == plan.key.tonic.pitchClass,
        "\(meter) \(bars) bars")
      #expect(score.chords.last!.start + score.chords.last!.duration == bars * barTicks)
      #expect(!Fixtures.track(score, "Melody")!.notes.isEmpty, "\(meter) \(bars) bars")
      #expect(score.endTick <= bars * barTicks, "\(meter) \(bars) bars")
    }
  }

  /// 6/8, 9/8, 12/8 (and 6/16) move in thirds of a beat: every melody note starts on that grid (or on
  /// the short note of the dotted siciliano figure ♪. ♬ ♪, half a third into the beat's second third;
  /// never the 4/4 off-beat sixteenths), notes never overlap, the beats are mostly the standard figures
  /// (not one long note per beat), and the density the plan asks for is roughly what is written.
  @Test(arguments: ["6/8", "9/8", "12/8", "6/16"])
  func compoundMetreMelodiesMoveInEighths(meter: String) throws {
    let composer = Composer(model: Fixtures.model)
    var beatsWithTwoOrMore = 0
    var beats = 0
    var notes = 0
    for seed in 1...12 {
      let plan = Fixtures.plan(
        key: "D major", style: .folk, bars: 8, meter: Meter(parsing: meter)!, density: 2.4)
      let score = composer.compose(plan, seed: UInt64(seed))
      let beat = plan.meter.ticksPerBeat(ticksPerQuarter: score.ticksPerQuarter)
      let sixth = beat / 6
      let bar = plan.meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter)
      let melody = try #require(Fixtures.track(score, "Melody")).notes
      for note in melody {
        let inBeat = (note.start % beat) / sixth
        #expect(
          note.start % sixth == 0 && [0, 2, 3, 4].contains(inBeat),
          "\(meter) seed \(seed): a note \(inBeat) sixths into a beat")
      }
      for (a, b) in zip(melody, melody.dropFirst()) {
        #expect(
          a.start + a.duration <= b.start, "\(meter) seed \(seed): notes overlap at \(b.start)")
      }
      // Phrase-ending bars (4 and 8) hold a long note on purpose; count the others.
      let running = melody.filter { ($0.start / bar) % 4 != 3 }
      notes += running.count
      let perBeat = Dictionary(grouping: running) { $0.start / beat }
      beats += 6 * (bar / beat)
      beatsWithTwoOrMore += perBeat.values.filter { $0.count >= 2 }.count
    }
    let notesPerBeat = Double(notes) / Double(beats)
    print(
      "\(meter): \(String(format: "%.2f", notesPerBeat)) notes per beat, \(beatsWithTwoOrMore) of \(beats) beats with 2+ notes"
    )
    #expect(notesPerBeat > 1.2 && notesPerBeat < 3.5)
    #expect(Double(beatsWithTwoOrMore) / Double(beats) > 0.5)
  }

  /// A plan's tempo counts felt beats: 110 in 6/8 is 110 dotted quarters, so the MIDI tempo map (which
  /// counts quarter notes) says 165; 4/4 writes the plan's tempo as it is.
  @Test func compoundMetreTempoIsWrittenInQuarterNotes() {
    let composer = Composer(model: Fixtures.model)
    var plan = Fixtures.plan(meter: Meter(6, 8))
    plan.tempoBPM = 110
    #expect(composer.compose(plan, seed: 1).tempos.map(\.bpm) == [165])
    plan.meter = Meter(12, 8)
    #expect(composer.compose(plan, seed: 1).tempos.map(\.bpm) == [165])
    plan.meter = .commonTime
    #expect(composer.compose(plan, seed: 1).tempos.map(\.bpm) == [110])
  }
}

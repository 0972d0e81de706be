import Affect
import Compose
import Foundation
import SMF
import Testing
import Theory

/// What a musician hears in a melody built from a motif: the idea comes back moved along the scale
/// or varied, the form changes from seed to seed, phrases are not pasted copies, and a calm plan
/// really is sparse (issue 10).
@Suite struct MelodyDevelopmentTests {
  let composer = Composer(model: Fixtures.model)

  /// A bar's notes as onsets (in ticks from the bar line) and scale degrees.
  struct Bar: Equatable {
    var onsets: [Int]
    var degrees: [Int]
    var pitches: [Int]
    var steps: [Int] { zip(degrees, degrees.dropFirst()).map { $1 - $0 } }
  }

  func bars(_ score: Score, _ plan: Plan) -> [Bar] {
    let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: score.ticksPerQuarter)
    var out = Array(repeating: Bar(onsets: [], degrees: [], pitches: []), count: plan.bars)
    for note in Fixtures.track(score, "Melody")!.notes {
      let b = note.start / barTicks
      guard b < plan.bars else { continue }
      out[b].onsets.append(note.start - b * barTicks)
      out[b].degrees.append(MelodyVocabulary.diatonicIndex(of: note.pitch.midi, in: plan.key))
      out[b].pitches.append(note.pitch.midi)
    }
    return out
  }

  /// A sequence: a bar with an earlier bar's rhythm and steps, from another scale degree. As in a
  /// tonal sequence, one step may bend to the harmony when the bar has four notes or more.
  func isSequence(_ bar: Bar, of earlier: Bar) -> Bool {
    guard bar.onsets.count >= 2, bar.onsets == earlier.onsets,
      bar.degrees.first != earlier.degrees.first
    else { return false }
    let bent = zip(bar.steps, earlier.steps).filter { $0 != $1 }.count
    return bent == 0 || (bent == 1 && bar.onsets.count >= 4)
  }

  /// A varied repeat: an earlier bar with one note split or merged, or one step changed, the
  /// rest of its contour kept.
  func isVariedRepeat(_ bar: Bar, of earlier: Bar) -> Bool {
    guard bar.onsets.count >= 2, bar.pitches != earlier.pitches || bar.onsets != earlier.onsets
    else { return false }
    if bar.onsets == earlier.onsets {
      let changed = zip(bar.steps, earlier.steps).filter { $0 != $1 }.count
      return changed == 1
    }
    // A note split or merged: one onset more or fewer, and the notes both bars share mostly kept.
    let a = Set(bar.onsets)
    let b = Set(earlier.onsets)
    guard abs(bar.onsets.count - earlier.onsets.count) == 1, a.symmetricDifference(b).count == 1
    else { return false }
    let kept = Set(zip(bar.onsets, bar.pitches).map { [$0, $1] })
      .intersection(zip(earlier.onsets, earlier.pitches).map { [$0, $1] })
    return Double(kept.count) >= 0.6 * Double(min(bar.onsets.count, earlier.onsets.count))
  }

  @Test func motifComesBackAsSequenceAndVariedRepeat() {
    var sequences = 0
    var varied = 0
    var withSequence = 0
    var withVaried = 0
    var withEither = 0
    var pieces = 0
    for seed in UInt64(1)...30 {
      for plan in [
        Fixtures.plan(bars: 16), Fixtures.plan(key: "C major", style: .folk, bars: 16),
        Fixtures.plan(key: "D major", style: .rock, bars: 8, density: 2),
      ] {
        let b = bars(composer.compose(plan, seed: seed), plan)
        var sequence = false
        var variedRepeat = false
        for i in b.indices {
          for j in 0..<i {
            if isSequence(b[i], of: b[j]) {
              sequences += 1
              sequence = true
            } else if isVariedRepeat(b[i], of: b[j]) {
              varied += 1
              variedRepeat = true
            }
          }
        }
        pieces += 1
        if sequence { withSequence += 1 }
        if variedRepeat { withVaried += 1 }
        if sequence || variedRepeat { withEither += 1 }
      }
    }
    print(
      "motif: \(sequences) sequences in \(withSequence) of \(pieces) pieces, \(varied) varied repeats in \(withVaried), either in \(withEither)"
    )
    #expect(Double(withSequence) >= 0.3 * Double(pieces))
    #expect(Double(withVaried) >= 0.5 * Double(pieces))
    #expect(Double(withEither) >= 0.8 * Double(pieces))
  }

  @Test func formsDifferAcrossSeeds() {
    for style in [Style.pop, .folk, .jazz] {
      var forms: Set<String> = []
      for seed in UInt64(1)...20 {
        var stream = SeededGenerator(seed: seed)
        forms.insert(Form(bars: 16, style: style, generator: &stream).labels)
      }
      #expect(forms.count >= 4, "\(style): \(forms.sorted())")
    }
    // And the sketches follow their forms: 16-bar melodies of different seeds put their repeats in
    // different places (which phrases share their opening bar's rhythm).
    let plan = Fixtures.plan(bars: 16)
    var layouts: Set<[Bool]> = []
    for seed in UInt64(1)...20 {
      let b = bars(composer.compose(plan, seed: seed), plan)
      layouts.insert([4, 8, 12].map { b[$0].onsets == b[0].onsets })
    }
    #expect(layouts.count >= 3, "\(layouts)")
  }

  @Test(arguments: [Style.pop, .folk, .jazz, .cinematic, .rock])
  func noPhraseIsAVerbatimCopy(style: Style) {
    let plan = Fixtures.plan(style: style, bars: 16)
    for seed in UInt64(1)...10 {
      let b = bars(composer.compose(plan, seed: seed), plan)
      let phrases = stride(from: 0, to: 16, by: 4).map { start in
        (start..<start + 4).map { [b[$0].onsets, b[$0].pitches] }
      }
      for i in phrases.indices {
        for j in 0..<i {
          #expect(
            phrases[i] != phrases[j], "\(style) seed \(seed): phrase \(i + 1) copies \(j + 1)")
        }
      }
    }
  }

  @Test(arguments: [0.6, 1.0, 1.5, 2.2])
  func plannedDensityIsHonoured(density: Double) {
    var notes = 0
    var beats = 0
    for seed in UInt64(1)...8 {
      let plan = Fixtures.plan(bars: 16, density: density)
      notes += Fixtures.track(composer.compose(plan, seed: seed), "Melody")!.notes.count
      beats += 16 * plan.meter.beatsPerBar
    }
    let actual = Double(notes) / Double(beats)
    print("density: planned \(density), actual \(actual)")
    #expect(abs(actual - density) <= 0.2 * density + 0.1, "planned \(density), got \(actual)")
  }

  @Test func phraseEndsBreatheOrRunOn() {
    // The last bar of every phrase but the final one leaves at least a beat of silence (before the
    // next phrase, or before a pickup into it), or holds its landing note two beats or more into
    // the next phrase, as a legato line does. Across pieces all three phrasings occur: a breath, a
    // held landing, and an early landing that leaves the phrase's last bar to the band.
    let plan = Fixtures.plan(bars: 16)
    let beat = plan.meter.ticksPerBeat(ticksPerQuarter: Composer.ticksPerQuarter)
    let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: Composer.ticksPerQuarter)
    var breaths = 0
    var held = 0
    var early = 0
    var pickups = 0
    for seed in UInt64(1)...12 {
      let melody = Fixtures.track(composer.compose(plan, seed: seed), "Melody")!.notes
      for end in [4, 8, 12] {
        let lastBar = (end - 1) * barTicks..<end * barTicks
        // Notes sounding in the phrase's last bar, and the first one after it.
        let inBar = melody.filter {
          $0.start + $0.duration > lastBar.lowerBound && $0.start < lastBar.upperBound
        }
        let next = melody.first { $0.start >= lastBar.upperBound }?.start ?? lastBar.upperBound
        var longest = 0
        var sounding = lastBar.lowerBound
        for note in inBar {
          longest = max(longest, note.start - sounding)
          sounding = max(sounding, note.start + note.duration)
        }
        longest = max(longest, next - sounding)
        // Two beats as played: the articulation shortens every note a little.
        let holds = inBar.contains { $0.duration >= 2 * beat * 4 / 5 }
        #expect(longest >= beat || holds, "seed \(seed), phrase ending at bar \(end)")
        if longest >= beat { breaths += 1 } else { held += 1 }
        if !inBar.contains(where: {
          lastBar.contains($0.start) && $0.start < lastBar.upperBound - beat
        }) {
          early += 1
        }
        if let final = inBar.last, final.start > lastBar.lowerBound + 2 * beat { pickups += 1 }
      }
    }
    print(
      "phrase ends: \(breaths) breathe, \(held) held on, \(early) landed early, \(pickups) pickups")
    #expect(breaths > 0)
    #expect(held > 0)
    #expect(early > 0)
  }

  @Test func detachedPlayingKeepsLongNotesHeldAndShortNotesShort() {
    // An intense plan plays detached (articulation 0.6): against the same piece played legato, its
    // quarters and eighths sound clipped, but no note loses more than an eighth, so a landing held
    // for two beats or more stays held, and the last note lasts to the end of its bar but for that
    // release, as a singer holds it with the band.
    var legato = Fixtures.plan(bars: 8)
    legato.articulation = 1
    var detached = legato
    detached.articulation = 0.6
    let beat = legato.meter.ticksPerBeat(ticksPerQuarter: Composer.ticksPerQuarter)
    let barTicks = legato.meter.ticksPerBar(ticksPerQuarter: Composer.ticksPerQuarter)
    let eighth = beat / 2
    var clipped = 0
    var held = 0
    for seed in UInt64(1)...8 {
      let written = Fixtures.track(composer.compose(legato, seed: seed), "Melody")!.notes
      let played = Fixtures.track(composer.compose(detached, seed: seed), "Melody")!.notes
      #expect(written.map(\.start) == played.map(\.start), "seed \(seed): other onsets")
      for (w, p) in zip(written, played) {
        #expect(p.duration >= w.duration - eighth, "seed \(seed): \(w.duration) → \(p.duration)")
        if w.duration <= beat, p.duration < w.duration { clipped += 1 }
        if w.duration >= 2 * beat { held += 1 }
      }
      let last = played.last!
      #expect(last.start + last.duration >= 8 * barTicks - eighth, "seed \(seed): \(last)")
    }
    #expect(held > 0)
    #expect(clipped > 0, "no short note sounded detached")
  }

  @Test func dynamicsRiseToEachPhrasesHighPoint() {
    // The phrase's highest note is played louder than the phrase's average, in most phrases.
    let plan = Fixtures.plan(bars: 16)
    let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: Composer.ticksPerQuarter)
    var louder = 0
    var phrases = 0
    for seed in UInt64(1)...8 {
      let melody = Fixtures.track(composer.compose(plan, seed: seed), "Melody")!.notes
      for start in stride(from: 0, to: 16, by: 4) {
        let phrase = melody.filter {
          $0.start / barTicks >= start && $0.start / barTicks < start + 4
        }
        guard let top = phrase.max(by: { $0.pitch.midi < $1.pitch.midi }), phrase.count >= 3 else {
          continue
        }
        let mean = Double(phrase.map(\.velocity).reduce(0, +)) / Double(phrase.count)
        phrases += 1
        if Double(top.velocity) > mean { louder += 1 }
      }
    }
    #expect(Double(louder) >= 0.75 * Double(phrases), "\(louder) of \(phrases)")
  }

  @Test func sameSeedSameBytesInEveryForm() {
    for style in [Style.pop, .house, .jazz] {
      let plan = Fixtures.plan(style: style, bars: 16)
      for seed in UInt64(1)...4 {
        #expect(
          MIDIFile.encode(composer.compose(plan, seed: seed))
            == MIDIFile.encode(composer.compose(plan, seed: seed)))
      }
    }
  }
}

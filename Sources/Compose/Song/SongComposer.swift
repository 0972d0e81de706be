import Affect
import Foundation
import Theory

/// Writes a whole song from a ``SongForm``: each kind of section composed once with its own plan,
/// repeats that come back varied, intro and outro made from the chorus, all on one timeline.
///
/// - A section heard for the first time is composed with its plan (``SectionPlanner``) and a seed of
///   its own; a chorus's last two chords are made a perfect cadence (V7 → I), the strongest ending.
/// - A repeat keeps that section's chords, bass, drums and the first half of its melody; the second
///   half of the melody is written afresh on the same chords, so the listener recognises the section
///   and still hears it move on. Loop styles (house, trap…) keep their repeats as they are, as the
///   style does.
/// - The intro plays the chorus's chords (or the first section's) without the tune; the outro plays
///   them once more, the chorus's opening melody over its first half, and ends on the tonic.
public struct SongComposer: Sendable {
  public let composer: Composer

  public init(composer: Composer) { self.composer = composer }

  /// The song: one score with every section in turn, and ``Score/sections`` marking each one.
  ///
  /// - Parameters:
  ///   - form: the sections in order.
  ///   - plans: one plan per section (``SectionPlanner/plans(for:song:journey:keyFixed:seed:)``).
  ///   - seed: the same seed, form and plans give a byte-identical score.
  public func compose(_ form: SongForm, plans: [Plan], seed: UInt64) -> Score {
    precondition(plans.count == form.sections.count, "one plan per section")
    let tpq = Composer.ticksPerQuarter
    let meter = plans.first?.meter ?? .commonTime
    let barTicks = meter.ticksPerBar(ticksPerQuarter: tpq)
    let root = SeededGenerator(seed: seed)
    let names = Array(Set(form.sections.map(\.name))).sorted()

    // First hearings, in song order, each from its own stream.
    var first: [String: Material] = [:]
    for (index, section) in form.sections.enumerated()
    where first[section.name] == nil && !Self.isFrame(section.role) {
      let sectionSeed = Self.seed(root, stream: 100 + UInt64(names.firstIndex(of: section.name)!))
      var chords = composer.chords(for: plans[index], seed: sectionSeed)
      if section.role == .chorus {
        chords = Cadence.perfect(chords, key: plans[index].key, ticksPerQuarter: tpq)
      }
      first[section.name] = Material(
        score: composer.compose(plans[index], seed: sectionSeed, chords: chords), chords: chords,
        seed: sectionSeed)
    }
    // Intro and outro come from the chorus; a song without one frames itself with its first section.
    let frameSource =
      form.sections.first { $0.role == .chorus }.flatMap { first[$0.name] }
      ?? form.sections.first { !Self.isFrame($0.role) }.flatMap { first[$0.name] }

    var parts: [Score] = []
    var heard: [String: Int] = [:]
    for (index, section) in form.sections.enumerated() {
      heard[section.name, default: 0] += 1
      let plan = plans[index]
      let bars = section.bars
      if Self.isFrame(section.role) {
        parts.append(
          frame(
            section, plan: plan, source: frameSource,
            seed: Self.seed(root, stream: 200 + UInt64(index)),
            ending: index == form.sections.count - 1))
      } else if let material = first[section.name] {
        if heard[section.name] == 1 {
          parts.append(material.score)
        } else {
          let varied = composer.compose(
            plan, seed: material.seed &+ UInt64(heard[section.name]!), chords: material.chords)
          parts.append(
            Self.repeated(
              material.score, newMelody: varied, fromTick: (bars / 2) * barTicks,
              literal: FormTemplates.loopStyles.contains(plan.style)))
        }
      }
    }
    var song = Self.joined(parts, barTicks: barTicks, lengths: form.sections.map(\.bars))
    song.sections = zip(form.labels, form.firstBars).map {
      ScoreMarker(tick: $1 * barTicks, text: $0)
    }
    song.title = parts.first?.title
    return song
  }

  /// What a section's first hearing made, for its repeats.
  struct Material {
    var score: Score
    var chords: [GeneratedChord]
    var seed: UInt64
  }

  /// A section's own seed, drawn from its own stream of the song's.
  static func seed(_ root: SeededGenerator, stream: UInt64) -> UInt64 {
    var generator = root.derived(stream)
    return generator.next()
  }

  static func isFrame(_ role: SongForm.Role) -> Bool { role == .intro || role == .outro }

  /// An intro or outro on the source's chords (looped or cut to length); an outro that ends the song
  /// closes on the tonic and carries the source's opening melody over its first half.
  func frame(_ section: SongForm.Section, plan: Plan, source: Material?, seed: UInt64, ending: Bool)
    -> Score
  {
    let tpq = Composer.ticksPerQuarter
    let barTicks = plan.meter.ticksPerBar(ticksPerQuarter: tpq)
    guard let source else { return composer.compose(plan, seed: seed) }
    var chords = Self.chords(source.chords, bars: section.bars, barTicks: barTicks)
    if section.role == .outro && ending {
      chords = Cadence.home(chords, key: plan.key, barTicks: barTicks)
    }
    var score = composer.compose(plan, seed: seed, chords: chords)
    let melodyEnd = section.role == .outro ? (section.bars + 1) / 2 * barTicks : 0
    score.tracks = score.tracks.map { track in
      guard track.name == "Melody" else { return track }
      var t = track
      let tune = source.score.tracks.first { $0.name == "Melody" }?.notes ?? []
      t.notes = tune.filter { $0.start < melodyEnd }.map { note in
        var n = note
        n.duration = min(note.duration, melodyEnd - note.start)
        n.velocity = max(1, note.velocity - 10)
        return n
      }
      return t
    }
    return score
  }

  /// `chords` laid over `bars` bars: repeated from the start when shorter, cut when longer.
  static func chords(_ chords: [GeneratedChord], bars: Int, barTicks: Int) -> [GeneratedChord] {
    let sourceEnd = chords.map { $0.start + $0.duration }.max() ?? 0
    let end = bars * barTicks
    guard sourceEnd > 0 else { return [] }
    var result: [GeneratedChord] = []
    var offset = 0
    while offset < end {
      for chord in chords where offset + chord.start < end {
        var c = chord
        c.start += offset
        c.duration = min(chord.duration, end - c.start)
        c.bar = c.start / barTicks
        result.append(c)
      }
      offset += sourceEnd
    }
    return result
  }

  /// A repeat: the first hearing with its melody from `fromTick` on replaced by `newMelody`'s.
  static func repeated(_ original: Score, newMelody: Score, fromTick: Int, literal: Bool) -> Score {
    guard !literal else { return original }
    var score = original
    let fresh = newMelody.tracks.first { $0.name == "Melody" }?.notes ?? []
    score.tracks = original.tracks.map { track in
      guard track.name == "Melody" else { return track }
      var t = track
      t.notes =
        track.notes.filter { $0.start < fromTick }.map { note in
          var n = note
          n.duration = min(note.duration, fromTick - note.start)
          return n
        } + fresh.filter { $0.start >= fromTick }
      return t
    }
    return score
  }

  /// Sections one after another: tracks matched by name (a part a section lacks is silent there),
  /// chords and key changes shifted to each section's first bar.
  static func joined(_ parts: [Score], barTicks: Int, lengths: [Int]) -> Score {
    guard var song = parts.first else { return Score() }
    song.tracks = []
    song.chords = []
    song.keys = []
    var offset = 0
    for (part, bars) in zip(parts, lengths) {
      for track in part.tracks {
        let shifted = track.notes.map { note in
          var n = note
          n.start += offset
          return n
        }
        let controls = track.controls.map { control in
          var c = control
          c.tick += offset
          return c
        }
        if let i = song.tracks.firstIndex(where: { $0.name == track.name }) {
          song.tracks[i].notes += shifted
          song.tracks[i].controls += controls
        } else {
          var t = track
          t.notes = shifted
          t.controls = controls
          song.tracks.append(t)
        }
      }
      song.chords += part.chords.map { span in
        var s = span
        s.start += offset
        return s
      }
      for change in part.keys where song.keys.last?.key != change.key {
        song.keys.append(KeyChange(tick: change.tick + offset, key: change.key))
      }
      offset += bars * barTicks
    }
    return song
  }
}

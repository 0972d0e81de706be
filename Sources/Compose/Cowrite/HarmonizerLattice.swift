import Foundation
import Theory

extension MelodyHarmonizer {
  /// The HMM of ``MelodyHarmonizer`` laid out for one melody: states, per-slot log emissions, log
  /// transitions. Decoded by Viterbi (the most likely chords) or sampled (a seeded alternative).
  struct Lattice {
    var key: Key
    var harmonyKey: Key
    var states: [String]
    var chords: [Chord]
    var slots: [Range<Int>]
    var barTicks: Int
    /// log P(first chord), per state.
    var opening: [Double]
    /// log P(change i → j) when the chord changes.
    var change: [[Double]]
    /// Per slot, log P(notes | state).
    var emissions: [[Double]]
    /// Per slot (from the second), the probability that the chord is held into it.
    var holds: [Double]

    init?(
      harmonizer: MelodyHarmonizer, melody: [NoteEvent], bass: [NoteEvent] = [], key: Key,
      meter: Meter, bars: Int, ticksPerQuarter: Int
    ) {
      let mode: Mode = key.mode.hasMinorThird ? .minor : .major
      let harmonyKey = Key(key.tonic, mode)
      let table = harmonizer.model.chords(for: mode)
      let states = GapFiller(model: harmonizer.model).candidates(table: table, mode: mode)
      let chords = states.map { ChordToken.numeral($0)!.chord(in: harmonyKey) }
      let slots = MelodyHarmonizer.slots(
        meter: meter, bars: max(1, bars), ticksPerQuarter: ticksPerQuarter)
      guard !slots.isEmpty, !states.isEmpty else { return nil }
      let beatTicks = meter.ticksPerBeat(ticksPerQuarter: ticksPerQuarter)
      let barTicks = meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter)
      let scale = Set(harmonyKey.scalePitchClasses)

      // log P(pc | chord) per state.
      let emissionTable: [[Double]] = chords.map { chord in
        let tones = Set(chord.pitchClasses)
        let others = scale.subtracting(tones)
        let chromatic = 12 - tones.count - others.count
        return (0..<12).map { pc in
          if tones.contains(pc) { return log(0.75 / Double(tones.count)) }
          if others.contains(pc) { return log(0.22 / Double(max(1, others.count))) }
          return log(0.03 / Double(max(1, chromatic)))
        }
      }
      // A bass line to keep: its notes should be chord tones (any, so the same bass can carry
      // another chord: Ab under Fm7 or Dbmaj7), 90 % of the mass.
      let bassTable: [[Double]] = chords.map { chord in
        let tones = Set(chord.pitchClasses)
        return (0..<12).map {
          tones.contains($0)
            ? log(0.9 / Double(tones.count)) : log(0.1 / Double(max(1, 12 - tones.count)))
        }
      }
      // Beats of each pitch class sounding in `slot`, a strong-beat onset counting double.
      func slotWeights(_ notes: [NoteEvent], _ slot: Range<Int>) -> [Double] {
        var weights = [Double](repeating: 0, count: 12)
        for note in notes
        where note.start < slot.upperBound && note.start + note.duration > slot.lowerBound {
          let length = Double(
            min(slot.upperBound, note.start + note.duration) - max(slot.lowerBound, note.start))
          let strong =
            note.start >= slot.lowerBound
            && MelodyHarmonizer.isStrong(
              note.start, meter: meter, barTicks: barTicks, beatTicks: beatTicks)
          weights[note.pitch.pitchClass] += length / Double(beatTicks) * (strong ? 2 : 1)
        }
        return weights
      }
      let sorted = melody.sorted { $0.start < $1.start }
      func emission(_ slot: Range<Int>) -> [Double] {
        let bassWeights = bass.isEmpty ? nil : slotWeights(bass, slot)
        let weights = slotWeights(sorted, slot)
        return emissionTable.indices.map { state in
          let row = emissionTable[state]
          var e = harmonizer.emissionWeight * (0..<12).reduce(0) { $0 + weights[$1] * row[$1] }
          if let bassWeights {
            let bassRow = bassTable[state]
            e += harmonizer.bassWeight * (0..<12).reduce(0) { $0 + bassWeights[$1] * bassRow[$1] }
          }
          return e
        }
      }
      change = states.map { from in
        let p = table.distribution(after: [from])
        let raw = states.map { to in to == from ? 0 : (table.index(of: to).map { p[$0] } ?? 0) }
        let total = max(1e-12, raw.reduce(0, +))
        return raw.map { log(max(1e-12, $0 / total)) }
      }
      let start = table.distribution(after: [ChordModelSymbols.start])
      opening = states.map { log(max(1e-12, table.index(of: $0).map { start[$0] } ?? 0)) }
      emissions = slots.map(emission)
      holds = slots.dropFirst().map {
        $0.lowerBound % barTicks == 0 ? harmonizer.holdAtBarLine : harmonizer.holdInBar
      }
      self.key = key
      self.harmonyKey = harmonyKey
      self.states = states
      self.chords = chords
      self.slots = slots
      self.barTicks = barTicks
    }

    func step(_ t: Int, _ i: Int, _ j: Int) -> Double {
      let hold = holds[t - 1]
      return i == j ? log(hold) : log(1 - hold) + change[i][j]
    }

    /// The most likely state per slot.
    func viterbi() -> [Int] {
      var delta = states.indices.map { opening[$0] + emissions[0][$0] }
      var back: [[Int]] = []
      for t in 1..<max(1, slots.count) where slots.count > 1 {
        var next = [Double](repeating: -.infinity, count: states.count)
        var from = [Int](repeating: 0, count: states.count)
        for j in states.indices {
          for i in states.indices {
            let v = delta[i] + step(t, i, j)
            if v > next[j] {
              next[j] = v
              from[j] = i
            }
          }
          next[j] += emissions[t][j]
        }
        back.append(from)
        delta = next
      }
      var path = [delta.indices.max { delta[$0] < delta[$1] } ?? 0]
      for from in back.reversed() { path.append(from[path.last!]) }
      return path.reversed()
    }

    /// A state per slot drawn from P(path | melody): forward log-probabilities, then the last slot
    /// from its filtered distribution and each earlier one given the one after it.
    func sampledPath(generator: inout SeededGenerator) -> [Int] {
      var alphas = [states.indices.map { opening[$0] + emissions[0][$0] }]
      for t in 1..<max(1, slots.count) where slots.count > 1 {
        let previous = alphas[t - 1]
        alphas.append(
          states.indices.map { j in
            Self.logSum(states.indices.map { previous[$0] + step(t, $0, j) }) + emissions[t][j]
          })
      }
      var path = [Self.draw(alphas[alphas.count - 1], &generator)]
      for t in stride(from: slots.count - 2, through: 0, by: -1) {
        let next = path.last!
        path.append(
          Self.draw(states.indices.map { alphas[t][$0] + step(t + 1, $0, next) }, &generator))
      }
      return path.reversed()
    }

    static func logSum(_ values: [Double]) -> Double {
      guard let top = values.max(), top > -.infinity else { return -.infinity }
      return top + log(values.reduce(0) { $0 + exp($1 - top) })
    }

    static func draw(_ logWeights: [Double], _ generator: inout SeededGenerator) -> Int {
      let top = logWeights.max() ?? 0
      return generator.pick(weights: logWeights.map { exp($0 - top) })
    }

    /// The chord spans of a path, held slots merged (never across a bar line).
    func chords(along path: [Int]) -> [GeneratedChord] {
      var result: [GeneratedChord] = []
      for (t, state) in path.enumerated() {
        let slot = slots[t]
        if let last = result.last, last.token == states[state], slot.lowerBound % barTicks != 0 {
          result[result.count - 1].duration += slot.count
          continue
        }
        let roman = ChordToken.numeral(states[state])!
        result.append(
          GeneratedChord(
            token: states[state],
            roman: key == harmonyKey ? roman : RomanNumeral(chord: chords[state], in: key),
            chord: chords[state], bar: slot.lowerBound / barTicks, start: slot.lowerBound,
            duration: slot.count))
      }
      return result
    }
  }
}

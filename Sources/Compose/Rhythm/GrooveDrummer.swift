import Foundation
import Theory

/// Plays a genre's grooves as a drum part: bar after bar chosen by the learned bar-to-bar
/// transitions, fills at phrase ends, a crash after each fill and a final hit.
///
/// Each bar is a bar a drummer played (``GrooveTable``), replayed with its micro-timing and its
/// dynamics scaled to the plan's loudness. What arousal changes (so an intense sketch stays intense
/// when played quietly): busier bars are favoured as `energy` rises and sparser ones as it falls,
/// phrase ends get full-bar fills instead of half-bar ones when the music is driving, and calm
/// music keeps time in eighths without ghost notes.
struct GrooveDrummer {
  var grid: Grid
  var grooves: GenreGrooves
  /// The part's mean loudness, MIDI velocity.
  var velocity: Int
  var form: Form
  /// The plan's arousal, −1 calm … 1 intense.
  var energy: Double
  /// Bars (0-based) where the drums hold back: only hats or ride and kick (a texture build).
  var thinBars: Set<Int> = []
  /// Bars with no drums at all.
  var silentBars: Set<Int> = []

  /// What each bar of the part is, for reports and tests.
  enum BarKind: Equatable {
    case groove(Int)
    case halfFill(groove: Int, fill: Int)
    case fill(Int)
    case ending
  }

  func plan(generator: inout SeededGenerator) -> [BarKind] {
    let phraseEnds = form.phrases.dropLast().map { $0.firstBar + $0.bars - 1 }
    let density = grooves.beats.map { Double($0.hits.count) }
    let meanDensity = max(1, density.reduce(0, +) / Double(max(1, density.count)))
    // Busier bars for intense moods, sparser for calm ones: (density / mean)^(3·energy).
    let bias = density.map { pow($0 / meanDensity, 3 * energy) }
    // A drummer varies the groove of the song, not the song: the sketch opens on one of the genre's
    // main grooves (chosen by seed and energy) and then moves only among the bars like it (GMD's
    // takes cover a genre's many grooves, and the transitions alone would wander between them).
    let shapes = grooves.beats.map(Self.shape)
    let openingWeights = grooves.beats.indices.map { i in i < 4 ? bias[i] / Double(i + 1) : 0 }
    let opening = generator.pick(weights: openingWeights)
    let likeness = shapes.map { Self.similarity($0, shapes[opening]) }
    let byLikeness = grooves.beats.indices.sorted {
      likeness[$0] != likeness[$1] ? likeness[$0] > likeness[$1] : $0 < $1
    }
    let family = Set(byLikeness.filter { likeness[$0] >= 0.5 } + byLikeness.prefix(3))
    var kinds: [BarKind] = []
    var state = opening
    var lastFill = -1
    for bar in 0..<grid.bars {
      if bar == grid.bars - 1, grid.bars > 1 {
        kinds.append(.ending)
        continue
      }
      if bar > 0 {
        let row = grooves.transitions.indices.contains(state) ? grooves.transitions[state] : []
        let weights = grooves.beats.indices.map { j in
          // Light smoothing, and a drummer's habit of playing a bar again (GMD's rock: about 40 %
          // of bars repeat the last one), which the sparse counts of small genres would lose.
          family.contains(j)
            ? (Double(row.indices.contains(j) ? row[j] : 0) + 0.25) * bias[j] * (j == state ? 2 : 1)
            : 0
        }
        state = generator.pick(weights: weights)
      }
      guard phraseEnds.contains(bar), !grooves.fills.isEmpty else {
        kinds.append(.groove(state))
        continue
      }
      // Representative fills more often; never the same fill twice running.
      let weights = grooves.fills.indices.map { $0 == lastFill ? 0 : 1 / Double($0 + 1) }
      let fill = weights.allSatisfy { $0 == 0 } ? 0 : generator.pick(weights: weights)
      lastFill = fill
      let sectionEnd = (bar + 1) % 8 == 0 || energy > 0.5
      kinds.append(sectionEnd ? .fill(fill) : .halfFill(groove: state, fill: fill))
    }
    return kinds
  }

  func notes(generator: inout SeededGenerator) -> [NoteEvent] {
    let kinds = plan(generator: &generator)
    let s16 = grid.sixteenth
    let scale = Double(velocity) / max(1, Self.meanVelocity(grooves.beats))
    var result: [NoteEvent] = []
    func add(_ hit: GrooveHit, bar: Int) {
      let tick =
        bar * grid.ticksPerBar + hit.step * s16
        + hit.offset * grid.ticksPerQuarter / GrooveTable.ticksPerQuarter
      let v = Int((Double(hit.velocity) * scale).rounded())
      result.append(
        NoteEvent(
          start: max(0, tick), duration: s16, pitch: Pitch(hit.key), velocity: max(1, min(127, v))))
    }
    var afterFill = false
    for (bar, kind) in kinds.enumerated() {
      if silentBars.contains(bar) {
        afterFill = false
        continue
      }
      var hits: [GrooveHit]
      switch kind {
      case .ending:
        let downbeat = grooves.beats.first?.hits.first { $0.step == 0 }?.offset ?? 0
        hits = [
          GrooveHit(key: 36, step: 0, offset: downbeat, velocity: 115),
          GrooveHit(key: 49, step: 0, offset: downbeat, velocity: 110),
        ]
      case .groove(let i):
        hits = grooves.beats[i].hits
      case .fill(let f):
        hits = grooves.fills[f].hits
      case .halfFill(let i, let f):
        hits =
          grooves.beats[i].hits.filter { $0.step < 8 }
          + grooves.fills[f].hits.filter { $0.step >= 8 }
      }
      if thinBars.contains(bar), case .groove = kind {
        // Holding back: time (hats, ride) and the kick, no backbeat, no toms or cymbal crashes.
        hits = hits.filter {
          let c = GMDDrumMap.drumClass($0.key)
          return c == .closedHat || c == .ride || c == .kick
        }
      }
      if energy < -0.3, case .groove = kind {
        // A calm drummer simplifies: time in eighths, not sixteenths, and no ghost notes.
        hits = hits.filter { hit in
          let c = GMDDrumMap.drumClass(hit.key)
          let timekeeper = c == .closedHat || c == .ride || c == .openHat
          return !(timekeeper && hit.step % 2 == 1) && hit.velocity >= 30
        }
      }
      if afterFill, kind != .ending {
        // A crash marks the new phrase, in place of the hat or ride on its downbeat.
        let downbeat = hits.first { $0.step == 0 }
        hits.removeAll {
          $0.step == 0 && [.closedHat, .ride, .crash].contains(GMDDrumMap.drumClass($0.key))
        }
        hits.append(
          GrooveHit(
            key: 49, step: 0, offset: downbeat?.offset ?? 0,
            velocity: max(90, downbeat?.velocity ?? 100)))
      }
      for hit in hits { add(hit, bar: bar) }
      switch kind {
      case .fill, .halfFill: afterFill = true
      default: afterFill = false
      }
    }
    return result
  }

  /// Which drum class sounds on which sixteenth (hits softer than 20 left out, as in training).
  static func shape(_ bar: GrooveBar) -> Set<Int> {
    Set(
      bar.hits.filter { $0.velocity >= 20 }.map {
        GMDDrumMap.drumClass($0.key).rawValue * 16 + $0.step
      })
  }

  /// Jaccard index of two bar shapes.
  static func similarity(_ a: Set<Int>, _ b: Set<Int>) -> Double {
    let union = a.union(b).count
    return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
  }

  static func meanVelocity(_ bars: [GrooveBar]) -> Double {
    let all = bars.flatMap(\.hits).map(\.velocity)
    return all.isEmpty ? 90 : Double(all.reduce(0, +)) / Double(all.count)
  }
}

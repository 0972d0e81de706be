import Theory

/// The bars of a score in notation units (twelfths of a quarter note), from its meter map.
///
/// Twelve units per quarter hold both the sixteenth-note grid (3 units) and the eighth-note triplet grid
/// (4 units); the file's `<divisions>` is reduced from it afterwards.
struct BarLayout: Sendable {
  static let unitsPerQuarter = 12

  struct Bar: Sendable, Hashable {
    var start: Int
    var length: Int
    var meter: Meter
    /// Length of the beat notes are split at: a quarter in 4/4, a dotted quarter in 6/8, an eighth in 7/8.
    var beat: Int {
      let unit = 48 / meter.denominator
      return meter.isCompound ? unit * 3 : unit
    }
    /// Whether eighth-note triplets may be notated here: in simple metres counted in halves or quarters,
    /// in bars that start on a quarter of the whole piece (triplets are found per quarter from the start).
    var allowsTriplets: Bool { !meter.isCompound && meter.denominator <= 4 && start % 12 == 0 }
    var end: Int { start + length }
  }

  let ticksPerQuarter: Int
  let bars: [Bar]

  /// Bars from tick 0 until `endTick` is covered (at least one bar). A meter change starts a new bar.
  init(score: Score, endTick: Int) {
    ticksPerQuarter = max(1, score.ticksPerQuarter)
    let changes = score.meters.isEmpty ? [MeterChange(tick: 0, meter: .commonTime)] : score.meters
    var bars: [Bar] = []
    var unit = 0
    let end = Int((Double(endTick) * 12 / Double(ticksPerQuarter)).rounded(.up))
    var meter = changes.first(where: { $0.tick <= 0 })?.meter ?? changes[0].meter
    var nextChange = 0
    while nextChange < changes.count, changes[nextChange].tick <= 0 { nextChange += 1 }
    repeat {
      let length = max(3, Int((meter.quarterNotesPerBar * 12).rounded()))
      var barEnd = unit + length
      if nextChange < changes.count {
        let changeUnit = Int(
          (Double(changes[nextChange].tick) * 12 / Double(ticksPerQuarter)).rounded())
        if changeUnit <= unit {
          meter = changes[nextChange].meter
          nextChange += 1
          continue
        }
        barEnd = min(barEnd, max(unit + 3, changeUnit))
      }
      bars.append(Bar(start: unit, length: barEnd - unit, meter: meter))
      unit = barEnd
    } while unit < end
    self.bars = bars
  }

  /// Ticks to units, unrounded.
  func exactUnits(_ tick: Int) -> Double { Double(tick) * 12 / Double(ticksPerQuarter) }
  func units(_ tick: Int) -> Int { Int(exactUnits(tick).rounded()) }

  func bar(containing unit: Int) -> Bar? { bars.last { $0.start <= unit } }
}

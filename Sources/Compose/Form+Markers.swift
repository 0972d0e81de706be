import Theory

extension Form {
  /// The phrases as section markers (`A`, `A'`, `B` at each phrase's first bar), for lead sheets and
  /// piano rolls of a sketch.
  public func sectionMarkers(meter: Meter, ticksPerQuarter: Int) -> [ScoreMarker] {
    let bar = meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter)
    return phrases.map { ScoreMarker(tick: $0.firstBar * bar, text: $0.label.rawValue) }
  }
}

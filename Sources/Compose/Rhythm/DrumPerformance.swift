/// One recorded drum take as plain values, the trainer's input (reading MIDI is the caller's job).
public struct DrumPerformance: Sendable {
  /// The take's genre as GMD's `style` column names it before any `/` (`rock`, `latin`, …).
  public var genre: String
  /// Whether GMD marks the take as a fill (else a groove, "beat").
  public var isFill: Bool
  public var bpm: Double
  /// Resolution of `hits`' ticks.
  public var ticksPerQuarter: Int
  /// Every note-on as played: tick from the start of the take (bar 1 starts at 0), TD-11 key, velocity.
  public var hits: [(tick: Int, key: Int, velocity: Int)]
  /// Where the take came from, for ordering and reports.
  public var name: String

  public init(
    genre: String, isFill: Bool, bpm: Double, ticksPerQuarter: Int,
    hits: [(tick: Int, key: Int, velocity: Int)], name: String
  ) {
    self.genre = genre
    self.isFill = isFill
    self.bpm = bpm
    self.ticksPerQuarter = ticksPerQuarter
    self.hits = hits
    self.name = name
  }

  /// The take cut into 4/4 bars of GM hits on the sixteenth grid with their offsets.
  ///
  /// A hit belongs to the sixteenth it is nearest to, so a snare played a little early still
  /// counts as the backbeat (and a downbeat anticipated at the end of a bar opens the next one).
  func bars() -> [GrooveBar] {
    var bars: [[GrooveHit]] = []
    let tpq = max(1, ticksPerQuarter)
    for hit in hits {
      guard let key = GMDDrumMap.generalMIDI(hit.key), hit.velocity > 0 else { continue }
      // Ticks at the table's resolution, then the nearest sixteenth (120 ticks).
      let t = (hit.tick * GrooveTable.ticksPerQuarter + tpq / 2) / tpq
      let sixteenth = GrooveTable.ticksPerQuarter / 4
      let absolute = (t + sixteenth / 2) / sixteenth
      let bar = absolute / 16
      while bars.count <= bar { bars.append([]) }
      bars[bar].append(
        GrooveHit(
          key: key, step: absolute % 16, offset: t - absolute * sixteenth,
          velocity: min(127, hit.velocity)))
    }
    return bars.map {
      GrooveBar(hits: $0.sorted { ($0.step, $0.key, $0.offset) < ($1.step, $1.key, $1.offset) })
    }
  }
}

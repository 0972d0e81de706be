/// The swing the drummers of a genre actually played, so the band can lock to the drums.
enum GrooveFeel {
  /// Where the off-beat eighths of the genre's main grooves fall, as a swing ratio (0.5 straight,
  /// 0.67 triplet swing): the mean position inside the beat of the hi-hat and ride hits played
  /// between 150 and 400 ticks after the beat (480 ticks a beat), in bars whose time is kept in
  /// eighths (bars with sixteenth hats say nothing about swing). Nil when there are too few.
  static func swingRatio(_ grooves: GenreGrooves) -> Double? {
    let timekeepers: Set<Int> = [42, 44, 46, 51, 53, 59]
    let positions = grooves.beats.prefix(4).flatMap { bar -> [Int] in
      let inBeat = bar.hits.filter { timekeepers.contains($0.key) && $0.velocity >= 30 }
        .map { ($0.step % 4) * 120 + $0.offset }
      guard !inBeat.contains(where: { (60..<150).contains($0) }) else { return [] }
      return inBeat.filter { (150...400).contains($0) }
    }
    guard positions.count >= 4 else { return nil }
    return Double(positions.reduce(0, +)) / Double(positions.count) / 480
  }
}

import Theory

extension CompingWriter {
  /// The hits of a chord span when each bar plays its own figure (``figureOfBar``), in 4/4 or 6/8.
  ///
  /// A chord that starts where its bar's figure is silent is still struck where it starts, except in
  /// the off-beat idioms (skank, boom-chick), where the chord sounds on its next chop.
  func figuredHits(from start: Int, length: Int, figures: [BarFigure]) -> [Hit] {
    let end = start + length
    let s16 = grid.sixteenth
    let beat16 = max(1, grid.ticksPerBeat / s16)
    let held = { (l: Int) in max(s16, Int(Double(l) * articulation)) }
    let broken = pattern == .arpeggio || pattern == .ostinato
    let order = pattern == .ostinato ? [0, 2, 1, 2] : [0, 1, 2, 3, 2, 1]
    var hits: [Hit] = []
    var barStart = start - start % grid.ticksPerBar
    var index = 0
    while barStart < end {
      let bar = barStart / grid.ticksPerBar
      let figure = figures[figureOfBar[min(bar, figureOfBar.count - 1)] % figures.count]
      for (onset, length16) in figure {
        let t = barStart + onset * s16
        guard t >= start, t < end else { continue }
        let accent = onset == 0 ? 0 : (onset % beat16 == 0 ? -4 : -8)
        var length = min(length16 * s16, end - t)
        // Palm-muted chugs: short power chords; only the held accents (a quarter or longer) ring.
        if pattern == .powerChords, length16 < 4 { length = min(length, s16 * 3 / 4) }
        hits.append(
          Hit(
            start: t, length: broken || pattern == .powerChords ? length : held(length),
            voice: broken ? order[index % order.count] : nil, accent: accent))
        index += 1
      }
      barStart += grid.ticksPerBar
    }
    let offBeatIdiom = pattern == .skank || pattern == .boomChick
    if !offBeatIdiom, (hits.first?.start ?? end) > start {
      let first = hits.first?.start ?? end
      hits.insert(
        Hit(start: start, length: held(first - start), voice: broken ? 0 : nil, accent: -4), at: 0)
    }
    return hits
  }
}

/// Jazz pianists' shell voicings: the chord's third and seventh (the guide tones) in the middle
/// register, with the ninth on top when the music drives; the bass plays the root.
enum ShellVoicing {
  static func voicing(for chord: Chord, after previous: Voicing?, withNinth: Bool) -> Voicing {
    let intervals = chord.quality.intervals
    let third = intervals.first { $0 == 3 || $0 == 4 } ?? intervals[min(1, intervals.count - 1)]
    let seventh = intervals.first { [9, 10, 11].contains($0) } ?? 7
    let root = chord.root.pitchClass
    var tones = [(root + third) % 12, (root + seventh) % 12]
    if withNinth { tones.append((root + 2) % 12) }
    // The guide tones between E3 and A4, nearest the previous shell (smooth guide-tone lines).
    let centre = previous.map { Double($0.pitches.reduce(0, +)) / Double($0.pitches.count) } ?? 60
    var best: [Int] = []
    var bestCost = Double.infinity
    for low in 52...62 where tones.contains(low % 12) {
      var stack = [low]
      for pc in tones where pc != low % 12 {
        var p = stack.last! + 1
        while p % 12 != pc { p += 1 }
        stack.append(p)
      }
      stack.sort()
      let mean = Double(stack.reduce(0, +)) / Double(stack.count)
      let cost = abs(mean - centre) + Double(stack.last! - stack.first!) * 0.1
      if cost < bestCost {
        best = stack
        bestCost = cost
      }
    }
    return Voicing(pitches: best.isEmpty ? tones.map { 60 + $0 } : best)
  }
}

import Theory

extension BassWriter {
  /// The bass notes of a chord span when each bar plays its own figure (in 4/4 or 6/8).
  ///
  /// Which note each hit plays is the style's habit: the root on the chord's first hit; then the
  /// fifth (half notes, alternating country bass), the octave (syncopated and sequenced basses), or
  /// the root again (rock eighths); a short last hit before a chord change steps into the next root
  /// from the scale, as bassists lead into a change.
  func figuredNotes(
    span: GeneratedChord, figures: [BarFigure], root: Int, fifth: Int, nextRoot: Int?,
    scale: Set<Int>
  ) -> [NoteEvent] {
    let s16 = grid.sixteenth
    let end = span.start + span.duration
    var notes: [NoteEvent] = []
    var barStart = span.start - span.start % grid.ticksPerBar
    var index = 0
    var hits: [(start: Int, length: Int)] = []
    while barStart < end {
      let bar = barStart / grid.ticksPerBar
      let figure = figures[figureOfBar[min(bar, figureOfBar.count - 1)] % figures.count]
      for (onset, length16) in figure {
        let t = barStart + onset * s16
        guard t >= span.start, t < end else { continue }
        hits.append((t, min(length16 * s16, end - t)))
      }
      barStart += grid.ticksPerBar
    }
    if (hits.first?.start ?? end) > span.start {
      hits.insert((span.start, (hits.first?.start ?? end) - span.start), at: 0)
    }
    for (i, hit) in hits.enumerated() {
      var pitch: Int
      switch pattern {
      case .halfNotes, .rootFifth, .sustained: pitch = index % 2 == 0 ? root : fifth
      case .syncopated: pitch = [root, root + 12, root, fifth][index % 4]
      case .arpeggiated: pitch = index % 2 == 0 ? root : root + 12
      case .eightOhEight: pitch = [root, root, root + 12, fifth][index % 4]
      case .bossa: pitch = [root, fifth, fifth, root][index % 4]
      default: pitch = root
      }
      let isLast = i == hits.count - 1
      if isLast, i > 0, hit.length <= 2 * s16, let n = nextRoot, n != root,
        let step = [n - 1, n + 2, n - 2].first(where: { scale.contains(($0 % 12 + 12) % 12) })
      {
        pitch = step
      }
      let accent =
        hit.start % grid.ticksPerBar == 0 ? 0 : (hit.start % grid.ticksPerBeat == 0 ? -4 : -8)
      // Sequenced and 808 basses run legato; played basses leave a little air between notes.
      let legato = pattern == .eightOhEight
      notes.append(
        NoteEvent(
          start: hit.start, duration: max(s16 / 2, legato ? hit.length : hit.length - s16 / 4),
          pitch: Pitch(min(Self.register.upperBound + 12, pitch)),
          velocity: max(1, min(127, velocity + accent))))
      index += 1
    }
    return notes
  }
}

/// Trap's 808 glides: when one 808 note runs into a note of another pitch, the pitch slides there
/// in the last sixteenth (pitch bend, with the bend range set to an octave by RPN 0 first).
enum EightOhEightGlide {
  /// Bend range in semitones set at the start of the part.
  static let range = 12

  static func controls(for notes: [NoteEvent], sixteenth: Int) -> [ControlEvent] {
    var controls: [ControlEvent] = [
      ControlEvent(tick: 0, kind: .controller, number: 101, value: 0),
      ControlEvent(tick: 0, kind: .controller, number: 100, value: 0),
      ControlEvent(tick: 0, kind: .controller, number: 6, value: range),
      ControlEvent(tick: 0, kind: .controller, number: 38, value: 0),
      ControlEvent(tick: 0, kind: .controller, number: 101, value: 127),
      ControlEvent(tick: 0, kind: .controller, number: 100, value: 127),
    ]
    let sorted = notes.sorted { $0.start < $1.start }
    for (a, b) in zip(sorted, sorted.dropFirst()) {
      let interval = b.pitch.midi - a.pitch.midi
      guard interval != 0, abs(interval) <= range, a.start + a.duration >= b.start,
        b.start - a.start > sixteenth
      else { continue }
      // Four steps of a slide over the last sixteenth, then back to centre just before the next note.
      let from = b.start - sixteenth
      for step in 1...4 {
        let bend = 8192 + interval * 8191 * step / (4 * range)
        controls.append(
          ControlEvent(
            tick: from + sixteenth * (step - 1) / 4, kind: .pitchBend, number: 0,
            value: max(0, min(16383, bend))))
      }
      controls.append(ControlEvent(tick: b.start - 1, kind: .pitchBend, number: 0, value: 8192))
    }
    return controls
  }
}

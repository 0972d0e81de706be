import Theory

/// Develops a motif taken from a draft's melody (real notes in ticks, one or two bars long) over
/// new bars, in units of the motif's length and groups of four units:
///
/// 1. **statement**: the motif as it is (its pitches and rhythm), so the listener knows the tune;
/// 2. **sequence**: the same shape moved by whole scale steps (−3…3, not 0), the shift that puts
///    most of its strong-beat notes on the new chord and keeps it inside the draft's range;
/// 3. **variation**: one inner interval turned the other way and the last two notes merged
///    (the intervallic and rhythmic variations of ``Motif``, on real ticks);
/// 4. **cadence**: the motif's first half, then a long chord tone (the tonic in the last unit).
struct MotifDeveloper {
  let key: Key
  let meter: Meter
  let ticksPerQuarter: Int
  let motif: [NoteEvent]
  let unitBars: Int
  let range: ClosedRange<Int>

  var barTicks: Int { meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter) }
  var beatTicks: Int { meter.ticksPerBeat(ticksPerQuarter: ticksPerQuarter) }

  func develop(chords: [GeneratedChord], startTick: Int, bars: Int) -> [NoteEvent] {
    guard let first = motif.first else { return [] }
    let origin = first.start / barTicks * barTicks
    let shape = motif.map { note -> NoteEvent in
      var n = note
      n.start -= origin
      return n
    }
    let unitTicks = unitBars * barTicks
    let end = startTick + bars * barTicks
    var out: [NoteEvent] = []
    var unit = 0
    while startTick + unit * unitTicks < end {
      let unitStart = startTick + unit * unitTicks
      let isLast = unitStart + unitTicks >= end
      let chordAt: (Int) -> Chord = { tick in
        let bar = min(chords.count - 1, max(0, (tick - startTick) / barTicks))
        return chords[bar].chord
      }
      var notes: [NoteEvent]
      switch isLast ? 3 : unit % 4 {
      case 0: notes = shape
      case 1: notes = sequenced(shape, unitStart: unitStart, chordAt: chordAt)
      case 2: notes = varied(shape)
      default: notes = cadence(shape, unitStart: unitStart, chordAt: chordAt, final: isLast)
      }
      for var n in notes {
        n.start += unitStart
        guard n.start < end else { continue }
        n.duration = max(1, min(n.duration, end - n.start))
        out.append(n)
      }
      unit += 1
    }
    // A single line: a note held past the next onset (a motif note longer than its unit) stops there.
    out.sort { $0.start < $1.start }
    for i in out.indices.dropLast() where out[i].start + out[i].duration > out[i + 1].start {
      out[i].duration = max(1, out[i + 1].start - out[i].start)
    }
    return out.filter { n in !out.contains { $0.start == n.start && $0.pitch.midi > n.pitch.midi } }
  }

  /// Scale-degree index of a pitch (chromatic notes snap down to the scale tone below).
  func degree(_ midi: Int) -> Int {
    let octave = Int((Double(midi - key.tonic.pitchClass) / 12).rounded(.down))
    let within = midi - key.tonic.pitchClass - octave * 12
    let intervals = key.mode.intervals
    let step = intervals.lastIndex { $0 <= within } ?? 0
    return octave * intervals.count + step
  }

  func pitch(ofDegree d: Int) -> Int {
    let intervals = key.mode.intervals
    let n = intervals.count
    let octave = Int((Double(d) / Double(n)).rounded(.down))
    return key.tonic.pitchClass + octave * 12 + intervals[d - octave * n]
  }

  func isStrong(_ offset: Int) -> Bool { offset % beatTicks == 0 }

  func sequenced(_ shape: [NoteEvent], unitStart: Int, chordAt: (Int) -> Chord) -> [NoteEvent] {
    let lowest = range.lowerBound - 3
    let highest = range.upperBound + 3
    var best: (score: Int, shift: Int, notes: [NoteEvent])?
    for shift in [1, -1, 2, -2, 3, -3] {
      let notes = shape.map { note -> NoteEvent in
        var n = note
        n.pitch = Pitch(pitch(ofDegree: degree(note.pitch.midi) + shift))
        return n
      }
      guard notes.allSatisfy({ (lowest...highest).contains($0.pitch.midi) }) else { continue }
      let fit = notes.filter { isStrong($0.start) }.reduce(0) { total, n in
        total + (chordAt(unitStart + n.start).pitchClasses.contains(n.pitch.pitchClass) ? 1 : 0)
      }
      if best == nil || fit > best!.score { best = (fit, shift, notes) }
    }
    return best?.notes ?? shape
  }

  func varied(_ shape: [NoteEvent]) -> [NoteEvent] {
    guard shape.count >= 4 else { return shape }
    var notes = shape
    // Turn the interval into the middle note around the note before it.
    let i = notes.count / 2
    let before = degree(notes[i - 1].pitch.midi)
    let into = degree(notes[i].pitch.midi) - before
    let turned = pitch(ofDegree: before - (into == 0 ? 1 : into))
    if (range.lowerBound - 3...range.upperBound + 3).contains(turned) {
      notes[i].pitch = Pitch(turned)
    }
    // Merge the last two notes.
    let last = notes.removeLast()
    notes[notes.count - 1].duration = last.start + last.duration - notes[notes.count - 1].start
    return notes
  }

  func cadence(_ shape: [NoteEvent], unitStart: Int, chordAt: (Int) -> Chord, final: Bool)
    -> [NoteEvent]
  {
    let unitTicks = unitBars * barTicks
    let half = unitTicks / 2
    var notes = shape.filter { $0.start < half }
    if notes.isEmpty { notes = Array(shape.prefix(1)) }
    let landing = max(half, (notes.last.map { $0.start + beatTicks } ?? half))
    guard landing < unitTicks else { return notes }
    if let lastIndex = notes.indices.last {
      notes[lastIndex].duration = min(notes[lastIndex].duration, landing - notes[lastIndex].start)
    }
    let previous = notes.last?.pitch.midi ?? range.lowerBound
    let targets =
      final ? [key.tonic.pitchClass] : chordAt(unitStart + landing).pitchClasses
    let candidates = targets.flatMap { pc in
      stride(from: range.lowerBound - 3, through: range.upperBound + 3, by: 1).filter {
        ($0 % 12 + 12) % 12 == pc
      }
    }
    let goal = candidates.min { abs($0 - previous) < abs($1 - previous) } ?? previous
    notes.append(
      NoteEvent(
        start: landing, duration: unitTicks - landing, pitch: Pitch(goal),
        velocity: notes.last?.velocity ?? 80))
    return notes
  }
}

import Affect
import Foundation
import Theory

/// The metric grid of a sketch in ticks.
struct Grid {
  var ticksPerQuarter: Int
  var meter: Meter
  var bars: Int

  var ticksPerBar: Int { meter.ticksPerBar(ticksPerQuarter: ticksPerQuarter) }
  var ticksPerBeat: Int { meter.ticksPerBeat(ticksPerQuarter: ticksPerQuarter) }
  var sixteenth: Int { max(1, ticksPerQuarter / 4) }
  var beatsPerBar: Int { max(1, ticksPerBar / max(1, ticksPerBeat)) }
  /// Whether the bar is 4/4-like (four quarter beats), where the styles' own figures apply.
  var isCommonTime: Bool { meter.numerator == 4 && meter.denominator == 4 }
  var endTick: Int { bars * ticksPerBar }
}

/// Chords voiced with smooth voice leading and played in the style's figure.
struct CompingWriter {
  var grid: Grid
  var pattern: Arrangement.Comping
  var velocity: Int
  var articulation: Double
  /// Where the chords sit, below the melody.
  var register: ClosedRange<Int> = Voicing.defaultRegister
  /// The figure (index into ``BarFigures/comping(_:)``) each bar plays; empty: the one-bar figure.
  var figureOfBar: [Int] = []
  /// −1 calm … 1 intense: intense music doubles the top voice an octave up (a fuller texture).
  var energy: Double = 0
  /// Jazz shell voicings: third and seventh (and a ninth when driving), the bass has the root.
  var shell = false

  func notes(for chords: [GeneratedChord]) -> [NoteEvent] {
    var result: [NoteEvent] = []
    var previous: Voicing?
    let register = pattern == .powerChords ? 40...64 : self.register
    for span in chords {
      let voicing: Voicing
      if pattern == .powerChords {
        // Root, fifth, octave: the guitar's power chord, low and tight. A diminished chord keeps its
        // flat fifth (the tritone power chord of metal riffs).
        let root =
          register.lowerBound + ((span.chord.root.pitchClass - register.lowerBound) % 12 + 12) % 12
        voicing = Voicing(pitches: [root, root + span.chord.quality.powerChordFifth, root + 12])
      } else if shell {
        voicing = ShellVoicing.voicing(for: span.chord, after: previous, withNinth: energy > 0)
      } else {
        voicing = Voicing.next(for: span.chord, after: previous, register: register)
      }
      previous = voicing
      let doubled = energy > 0.45 && pattern != .powerChords && !shell
      // The last chord rings out as one held chord: a clear ending instead of a figure cut off.
      let isLast = span == chords.last
      let figure =
        isLast
        ? [
          Hit(start: span.start, length: span.duration - grid.sixteenth / 2, voice: nil, accent: 0)
        ]
        : hits(from: span.start, length: span.duration)
      for hit in figure {
        let pitches: [Int]
        if let index = hit.voice {
          pitches = [voicing.pitches[index % voicing.pitches.count]]
        } else {
          pitches = voicing.pitches
        }
        let top = voicing.pitches.last ?? 60
        let withDoubling =
          doubled && hit.voice == nil && top + 12 <= 88 ? pitches + [top + 12] : pitches
        for p in withDoubling {
          result.append(
            NoteEvent(
              start: hit.start, duration: max(grid.sixteenth / 2, hit.length), pitch: Pitch(p),
              velocity: max(1, min(127, velocity + hit.accent))))
        }
      }
    }
    return result
  }

  struct Hit {
    var start: Int
    var length: Int
    /// Which voice (low to high) for broken chords; nil = the whole chord.
    var voice: Int?
    var accent: Int
  }

  /// The figure's hits inside one chord span.
  func hits(from start: Int, length: Int) -> [Hit] {
    let end = start + length
    let beat = grid.ticksPerBeat
    let s16 = grid.sixteenth
    let held = { (l: Int) in max(s16, Int(Double(l) * articulation)) }
    // A one-bar figure of (onset, length) in sixteenths, repeated over the span; the downbeat is accented.
    let barFigure = { (figure: [(Int, Int)]) -> [Hit] in
      var out: [Hit] = []
      var barStart = start - start % grid.ticksPerBar
      while barStart < end {
        for (offset16, length16) in figure {
          let t = barStart + offset16 * s16
          guard t >= start, t < end else { continue }
          out.append(
            Hit(
              start: t, length: held(min(length16 * s16, end - t)), voice: nil,
              accent: offset16 == 0 ? 0 : -6))
        }
        barStart += grid.ticksPerBar
      }
      return out
    }
    if !figureOfBar.isEmpty, let figures = BarFigures.comping(pattern, meter: grid.meter) {
      return figuredHits(from: start, length: length, figures: figures)
    }
    var hits: [Hit] = []
    switch pattern {
    case .pad:
      var t = start
      while t < end {
        let l = min(end - t, 2 * grid.ticksPerBar)
        hits.append(Hit(start: t, length: l - s16 / 2, voice: nil, accent: -8))
        t += l
      }
    case .quarters:
      var t = start
      while t < end {
        let onDownbeat = t % grid.ticksPerBar == 0
        hits.append(
          Hit(start: t, length: held(min(beat, end - t)), voice: nil, accent: onDownbeat ? 0 : -10))
        t += beat
      }
    case .eighths, .powerChords, .ostinato:
      var t = start
      while t < end {
        let onBeat = t % beat == 0
        hits.append(
          Hit(start: t, length: held(min(beat / 2, end - t)), voice: nil, accent: onBeat ? 0 : -12))
        t += beat / 2
      }
    case .arpeggio:
      // Up the voicing and back: 0 1 2 3 2 1 …, one note per eighth (per sixteenth in fast compound time).
      let order = [0, 1, 2, 3, 2, 1]
      var t = start
      var i = 0
      while t < end {
        hits.append(
          Hit(
            start: t, length: min(beat, end - t), voice: order[i % order.count],
            accent: i == 0 ? 0 : -8))
        // Eighths: half a simple beat, a third of a compound one (the dotted quarter of 6/8).
        t += max(s16, grid.meter.isCompound ? beat / 3 : beat / 2)
        i += 1
      }
    case .stabs:
      var t = start
      while t < end {
        let inBar = t % grid.ticksPerBar
        if inBar == 0 {
          hits.append(Hit(start: t, length: held(beat / 2), voice: nil, accent: 0))
        }
        let off = t + beat / 2
        if off < end {
          hits.append(Hit(start: off, length: max(s16, beat / 4), voice: nil, accent: -6))
        }
        t += beat
      }
    case .skank, .boomChick:
      var t = start
      while t < end {
        let off = t + beat / 2
        if off < end {
          hits.append(Hit(start: off, length: max(s16, beat / 3), voice: nil, accent: -4))
        }
        t += beat
      }
    case .tresillo where grid.isCommonTime:
      hits += barFigure([(0, 6), (6, 6), (12, 4)])
    case .tresillo:
      var t = start
      while t < end {
        hits.append(
          Hit(
            start: t, length: held(min(beat, end - t)), voice: nil,
            accent: t % grid.ticksPerBar == 0 ? 0 : -8))
        t += beat
      }
    case .syncopated:
      if grid.isCommonTime {
        // Bossa / Charleston: beat 1, the "and" of 2, beat 4 — the figure guitarists comp with.
        hits += barFigure([(0, 3), (6, 4), (12, 3)])
      } else {
        var t = start
        while t < end {
          hits.append(Hit(start: t, length: held(min(beat, end - t)), voice: nil, accent: -4))
          t += beat
        }
      }
    }
    // A chord that changes between the figure's hits is still struck where it starts.
    let firstHit = hits.first?.start ?? end
    if [.tresillo, .syncopated].contains(pattern), firstHit > start {
      hits.insert(Hit(start: start, length: held(firstHit - start), voice: nil, accent: -4), at: 0)
    }
    return hits
  }
}

/// The bass line: chord roots on the downbeats, with fifths, octaves and approach notes by style.
struct BassWriter {
  var grid: Grid
  var pattern: Arrangement.Bass
  var velocity: Int
  var key: Key
  /// The figure (index into ``BarFigures/bass(_:)``) each bar plays; empty: the one-bar pattern.
  var figureOfBar: [Int] = []

  /// The bass register, E1…G3.
  static let register = 28...55

  func notes(for chords: [GeneratedChord]) -> [NoteEvent] {
    var result: [NoteEvent] = []
    var previousRoot = 40
    let scale = Set(key.scalePitchClasses)
    for (index, span) in chords.enumerated() {
      let root = Self.nearest(pitchClass: span.chord.root.pitchClass, to: previousRoot, in: 33...50)
      previousRoot = root
      let fifthPC =
        (span.chord.root.pitchClass + (span.chord.quality.intervals.contains(6) ? 6 : 7)) % 12
      let fifth = Self.nearest(pitchClass: fifthPC, to: root + 5, in: Self.register)
      let next = index + 1 < chords.count ? chords[index + 1] : nil
      let nextRoot = next.map {
        Self.nearest(pitchClass: $0.chord.root.pitchClass, to: root, in: 33...50)
      }
      let beat = grid.ticksPerBeat
      let s16 = grid.sixteenth
      let end = span.start + span.duration
      func add(_ t: Int, _ l: Int, _ p: Int, _ accent: Int = 0) {
        guard t < end, l > 0 else { return }
        result.append(
          NoteEvent(
            start: t, duration: max(s16, min(l, end - t)), pitch: Pitch(p),
            velocity: max(1, min(127, velocity + accent))))
      }
      if next == nil {
        // The final chord: one held root under the ending.
        add(span.start, span.duration - s16 / 2, root)
        continue
      }
      if !figureOfBar.isEmpty, let figures = BarFigures.bass(pattern, meter: grid.meter) {
        result += figuredNotes(
          span: span, figures: figures, root: root, fifth: fifth, nextRoot: nextRoot, scale: scale)
        continue
      }
      switch pattern {
      case .sustained, .eightOhEight:
        var t = span.start
        while t < end {
          add(t, min(end - t, 2 * grid.ticksPerBar) - s16, root)
          t += 2 * grid.ticksPerBar
        }
      case .halfNotes:
        var t = span.start
        var i = 0
        while t < end {
          let isLastBeatPair = t + 2 * beat >= end
          // Root, then the fifth; before a chord change, the scale step just below the next root
          // leads into it, as pop bassists do.
          var pitch = i % 2 == 0 ? root : fifth
          if isLastBeatPair, i % 2 == 1, let n = nextRoot, n != root,
            let step = [n - 1, n - 2].first(where: { scale.contains(($0 % 12 + 12) % 12) }),
            step != root
          {
            pitch = step
          }
          add(t, 2 * beat - s16, pitch, i == 0 ? 0 : -8)
          t += 2 * beat
          i += 1
        }
      case .eighths, .arpeggiated:
        var t = span.start
        while t < end {
          add(t, beat / 2 - s16 / 2, root, t % beat == 0 ? 0 : -10)
          t += beat / 2
        }
      case .rootFifth:
        var t = span.start
        var i = 0
        while t < end {
          add(t, beat - s16, i % 2 == 0 ? root : fifth, i % 2 == 0 ? 0 : -6)
          t += beat
          i += 1
        }
      case .walking:
        // Root on the downbeat, chord and scale tones between, a chromatic step into the next root.
        var t = span.start
        var pitch = root
        let tones = span.chord.pitchClasses
        var i = 0
        // The bar's variation (see ``BarFigures/walking``): 1 and 3 skip into the next bar's chord,
        // 2 and 3 rake beat 3 with a ghosted repeat.
        let variant =
          grid.isCommonTime && !figureOfBar.isEmpty
          ? figureOfBar[min(span.start / grid.ticksPerBar, figureOfBar.count - 1)] : 0
        while t < end {
          let approaching = t + beat >= end && nextRoot != nil
          if i == 0 {
            pitch = root
          } else if approaching, let n = nextRoot {
            if variant % 2 == 1, t % grid.ticksPerBar == 3 * beat {
              // The skip: the last beat repeated, then the chromatic approach on its off-beat.
              add(t, beat / 2 - s16 / 4, pitch, -8)
              add(t + beat / 2, beat / 2 - s16 / 4, n + (pitch > n ? 1 : -1), -4)
              t += beat
              i += 1
              continue
            }
            pitch = n + (pitch > n ? 1 : -1)
          } else {
            let pc = tones[min(i, tones.count - 1) % tones.count]
            pitch = Self.nearest(pitchClass: pc, to: pitch + 2, in: Self.register)
          }
          if variant >= 2, t % grid.ticksPerBar == 2 * beat, !approaching {
            add(t, beat / 2 - s16 / 4, pitch, -6)
            add(t + beat / 2, beat / 2 - s16 / 4, pitch, -22)
          } else {
            add(t, beat - s16 / 2, pitch, i == 0 ? 0 : -6)
          }
          t += beat
          i += 1
        }
      case .syncopated:
        var barStart = span.start
        while barStart < end {
          if grid.isCommonTime {
            add(barStart, 3 * s16, root)
            add(barStart + 6 * s16, 2 * s16, root + 12, -10)
            add(barStart + 8 * s16, 3 * s16, root, -4)
            add(barStart + 14 * s16, 2 * s16, fifth, -10)
          } else {
            add(barStart, beat, root)
          }
          barStart += grid.ticksPerBar
        }
      case .offbeat:
        var t = span.start
        while t < end {
          if t % grid.ticksPerBar == 0 { add(t, beat / 2, root, 4) }
          add(t + beat / 2, beat / 2 - s16 / 2, root, -2)
          t += beat
        }
      case .bossa:
        var barStart = span.start
        while barStart < end {
          if grid.isCommonTime {
            add(barStart, 6 * s16, root)
            add(barStart + 6 * s16, 2 * s16, fifth, -8)
            add(barStart + 8 * s16, 6 * s16, fifth, -4)
            add(barStart + 14 * s16, 2 * s16, root, -8)
          } else {
            add(barStart, beat, root)
          }
          barStart += grid.ticksPerBar
        }
      }
    }
    return result
  }

  /// The pitch of `pitchClass` nearest to `reference`, folded into `range`.
  static func nearest(pitchClass: Int, to reference: Int, in range: ClosedRange<Int>) -> Int {
    var best = range.lowerBound + ((pitchClass - range.lowerBound) % 12 + 12) % 12
    var p = best
    while p <= range.upperBound {
      if abs(p - reference) < abs(best - reference) { best = p }
      p += 12
    }
    return best
  }
}

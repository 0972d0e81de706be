import Foundation
import Theory

/// A drum part on the GM drum channel: one bar of the style's groove, repeated, with a fill in
/// the last beat of each phrase, a crash where a phrase starts and a final hit on the last downbeat.
struct DrumWriter {
  var grid: Grid
  var groove: Arrangement.Groove
  var velocity: Int
  var form: Form

  /// General MIDI percussion keys.
  enum Kit {
    static let kick = 36, rim = 37, snare = 38, clap = 39, closedHat = 42, lowTom = 45,
      pedalHat = 44
    static let openHat = 46, midTom = 47, highTom = 50, crash = 49, ride = 51, shaker = 70
  }

  /// (GM key, sixteenth in a 4/4 bar, accent) for one bar of each groove.
  static func pattern(_ groove: Arrangement.Groove) -> [(Int, Int, Int)] {
    let eighthHats = stride(from: 0, to: 16, by: 2).map {
      (Kit.closedHat, $0, $0 % 4 == 0 ? -6 : -14)
    }
    let sixteenthHats = (0..<16).map {
      (Kit.closedHat, $0, $0 % 4 == 0 ? -8 : ($0 % 2 == 0 ? -14 : -22))
    }
    switch groove {
    case .pop:
      return [
        (Kit.kick, 0, 0), (Kit.kick, 8, -4), (Kit.kick, 10, -10), (Kit.snare, 4, 0),
        (Kit.snare, 12, 0),
      ]
        + eighthHats
    case .rock:
      return [
        (Kit.kick, 0, 4), (Kit.kick, 6, -8), (Kit.kick, 8, 0), (Kit.snare, 4, 6),
        (Kit.snare, 12, 6),
      ]
        + eighthHats
    case .metal:
      return (0..<16).map { (Kit.kick, $0, $0 % 4 == 0 ? 0 : -10) } + [
        (Kit.snare, 4, 10), (Kit.snare, 12, 10),
      ]
        + stride(from: 0, to: 16, by: 4).map { (Kit.ride, $0, -6) }
    case .punk:
      return [
        (Kit.kick, 0, 4), (Kit.kick, 6, 0), (Kit.kick, 8, 4), (Kit.kick, 14, 0), (Kit.snare, 4, 8),
        (Kit.snare, 12, 8),
      ]
        + eighthHats
    case .fourOnTheFloor:
      return [0, 4, 8, 12].map { (Kit.kick, $0, 4) } + [(Kit.clap, 4, 0), (Kit.clap, 12, 0)]
        + [2, 6, 10, 14].map { (Kit.openHat, $0, -12) } + sixteenthHats.filter { $0.1 % 4 != 2 }
    case .halfTimeTrap:
      return [
        (Kit.kick, 0, 4), (Kit.kick, 7, -4), (Kit.kick, 10, 0), (Kit.snare, 8, 6), (Kit.clap, 8, 0),
      ]
        + sixteenthHats
    case .boomBap:
      return [
        (Kit.kick, 0, 4), (Kit.kick, 7, -6), (Kit.kick, 10, 0), (Kit.snare, 4, 4),
        (Kit.snare, 12, 4),
      ]
        + eighthHats
    case .funk:
      return [
        (Kit.kick, 0, 4), (Kit.kick, 3, -8), (Kit.kick, 10, 0), (Kit.snare, 4, 6),
        (Kit.snare, 12, 6),
        (Kit.snare, 7, -26), (Kit.snare, 15, -26),
      ] + sixteenthHats
    case .backbeat:
      return [(Kit.kick, 0, 0), (Kit.kick, 10, -6), (Kit.snare, 4, 0), (Kit.snare, 12, 0)]
        + eighthHats
    case .jazzRide:
      return [
        (Kit.ride, 0, -4), (Kit.ride, 4, 0), (Kit.ride, 6, -12), (Kit.ride, 8, -4),
        (Kit.ride, 12, 0),
        (Kit.ride, 14, -12), (Kit.pedalHat, 4, -14), (Kit.pedalHat, 12, -14), (Kit.kick, 0, -24),
      ]
    case .bossa:
      return [
        (Kit.kick, 0, -6), (Kit.kick, 6, -12), (Kit.kick, 8, -6), (Kit.kick, 14, -12),
        (Kit.rim, 0, -8),
        (Kit.rim, 6, -8), (Kit.rim, 12, -8),
      ] + eighthHats.map { ($0.0, $0.1, $0.2 - 6) }
    case .oneDrop:
      return [(Kit.kick, 8, 2), (Kit.rim, 8, 0)] + eighthHats
    case .shuffle:
      return [(Kit.kick, 0, 0), (Kit.kick, 8, -4), (Kit.snare, 4, -2), (Kit.snare, 12, -2)]
        + eighthHats
    case .cinematic:
      return [(Kit.kick, 0, 4), (Kit.lowTom, 6, -6), (Kit.lowTom, 8, -2), (Kit.midTom, 12, -8)]
    }
  }

  func notes() -> [NoteEvent] {
    var result: [NoteEvent] = []
    let s16 = grid.sixteenth
    let barTicks = grid.ticksPerBar
    func hit(_ key: Int, _ tick: Int, _ accent: Int) {
      result.append(
        NoteEvent(
          start: tick, duration: s16, pitch: Pitch(key),
          velocity: max(1, min(127, velocity + accent))))
    }
    let phraseStarts = Set(form.phrases.map(\.firstBar))
    let phraseEnds = Set(form.phrases.dropLast().map { $0.firstBar + $0.bars - 1 })
    for bar in 0..<grid.bars {
      let start = bar * barTicks
      if bar == grid.bars - 1, grid.bars > 1 {
        // The ending: everything lands together on the last downbeat.
        hit(Kit.kick, start, 6)
        hit(Kit.crash, start, 4)
        continue
      }
      if phraseStarts.contains(bar) { hit(Kit.crash, start, bar == 0 ? -4 : 0) }
      let fill = phraseEnds.contains(bar)
      if grid.isCommonTime {
        for (key, sixteenth, accent) in Self.pattern(groove) {
          if fill, sixteenth >= 12 { continue }
          if key == Kit.crash, sixteenth == 0, phraseStarts.contains(bar) { continue }
          hit(key, start + sixteenth * s16, accent)
        }
        if fill {
          // A one-beat fill down the toms.
          for (i, key) in [Kit.snare, Kit.highTom, Kit.midTom, Kit.lowTom].enumerated() {
            hit(key, start + (12 + i) * s16, -6 + 3 * i)
          }
        }
      } else {
        // Other metres: kick on the downbeat, snare on the middle (or last) beat, hats on every half beat.
        let beats = grid.beatsPerBar
        let beat = grid.ticksPerBeat
        hit(Kit.kick, start, 0)
        if groove != .cinematic {
          let backbeat = beats >= 2 ? (beats % 2 == 0 ? beats / 2 : beats - 1) : 0
          if backbeat > 0 { hit(fill ? Kit.midTom : Kit.snare, start + backbeat * beat, 0) }
          var t = start
          while t < start + barTicks {
            hit(groove == .jazzRide ? Kit.ride : Kit.closedHat, t, t == start ? -8 : -16)
            t += max(s16, beat / (grid.meter.isCompound ? 3 : 2))
          }
        }
      }
    }
    return result
  }
}

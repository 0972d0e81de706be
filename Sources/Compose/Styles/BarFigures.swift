import Foundation
import Theory

/// One bar of an accompaniment rhythm in a 4/4 bar: (onset, length) in sixteenths.
typealias BarFigure = [(onset: Int, length: Int)]

/// The bar rhythms players of each style move between, so the accompaniment is not a one-bar loop.
///
/// Each vocabulary starts with the style's main figure (the one a player returns to) and continues
/// with the variations session players use: pushes onto the "and" of 4, a held beat, a fill of
/// eighths into the next chord, a sparser bar. POP909's piano parts use about 5 distinct bar rhythms
/// in 8 bars; choosing among these per bar (``FigureChooser``) gives the same kind of variety.
/// Written as rules: the licensed corpus has pop piano only.
enum BarFigures {
  static func comping(_ pattern: Arrangement.Comping) -> [BarFigure] {
    switch pattern {
    case .quarters:
      [
        [(0, 4), (4, 4), (8, 4), (12, 4)], [(0, 6), (6, 2), (8, 4), (12, 4)],
        [(0, 4), (4, 4), (8, 6), (14, 2)], [(0, 8), (8, 4), (12, 4)],
        [(0, 4), (6, 2), (8, 4), (12, 2), (14, 2)],
      ]
    case .eighths:
      [
        stride(from: 0, to: 16, by: 2).map { ($0, 2) },
        [(0, 2), (2, 2), (4, 2), (6, 2), (8, 2), (10, 2), (12, 3), (15, 1)],
        [(0, 3), (3, 3), (6, 2), (8, 2), (10, 2), (12, 2), (14, 2)],
        [(0, 4), (4, 2), (6, 2), (8, 4), (12, 2), (14, 2)],
        [(0, 2), (2, 2), (4, 2), (6, 4), (10, 2), (12, 4)],
      ]
    case .powerChords:
      // Palm-muted eighths, the gallop (eighth and two sixteenths), sixteenth chugs and 3+3+2 accents.
      [
        stride(from: 0, to: 16, by: 2).map { ($0, 2) },
        stride(from: 0, to: 16, by: 4).flatMap { [($0, 2), ($0 + 2, 1), ($0 + 3, 1)] },
        (0..<16).map { ($0, 1) },
        [(0, 3), (3, 3), (6, 2), (8, 3), (11, 3), (14, 2)],
        [(0, 2), (2, 2), (4, 4), (8, 2), (10, 1), (11, 1), (12, 4)],
      ]
    case .stabs:
      [
        [(0, 2), (2, 1), (6, 1), (10, 1), (14, 1)], [(0, 2), (3, 1), (6, 1), (10, 2), (14, 1)],
        [(0, 1), (2, 1), (7, 1), (10, 1), (12, 1), (14, 1)], [(0, 2), (6, 1), (10, 1), (13, 1)],
        [(0, 2), (2, 1), (6, 1), (8, 1), (10, 1), (14, 2)],
      ]
    case .skank:
      // The chop on 2 and 4 (the reggae "skank"), doubled chops, and the off-beat "bubble" of rocksteady.
      [
        [(4, 2), (12, 2)], [(4, 1), (6, 1), (12, 1), (14, 1)], [(4, 2), (12, 1), (14, 1)],
        [(2, 1), (6, 1), (10, 1), (14, 1)], [(4, 2), (10, 1), (12, 2)],
      ]
    case .syncopated:
      // Bossa and jazz comping: the Charleston (1, and of 2), its anticipations and answers.
      [
        [(0, 3), (6, 4), (12, 3)], [(0, 2), (6, 2)], [(2, 2), (8, 3), (14, 2)],
        [(0, 3), (3, 3), (8, 3), (11, 3), (14, 2)], [(4, 2), (10, 2), (14, 2)],
        [(0, 2), (4, 2), (10, 3)],
      ]
    case .tresillo:
      [
        [(0, 6), (6, 6), (12, 4)], [(0, 3), (3, 3), (6, 4), (10, 2), (12, 4)],
        [(0, 6), (6, 4), (10, 2), (12, 2), (14, 2)], [(0, 4), (4, 2), (6, 6), (12, 4)],
        [(0, 8), (8, 6), (14, 2)],
      ]
    case .boomChick:
      // The "chick" between the bass's booms on 1 and 3.
      [
        [(4, 2), (12, 2)], [(4, 2), (12, 2), (14, 2)], [(4, 2), (10, 1), (12, 2)],
        [(4, 2), (6, 2), (12, 2)], [(2, 1), (4, 2), (12, 2)],
      ]
    case .arpeggio:
      [
        stride(from: 0, to: 16, by: 2).map { ($0, 2) },
        [(0, 3), (3, 1), (4, 2), (6, 2), (8, 3), (11, 1), (12, 2), (14, 2)],
        [(0, 4), (4, 2), (6, 2), (8, 4), (12, 2), (14, 2)],
        [(0, 2), (2, 2), (4, 2), (6, 2), (8, 2), (10, 2), (12, 1), (13, 1), (14, 1), (15, 1)],
        [(0, 2), (2, 2), (4, 4), (8, 2), (10, 2), (12, 4)],
      ]
    case .ostinato:
      // Film-score strings: driving sixteenths and eighths with the accents moving.
      [
        (0..<16).map { ($0, 1) }, stride(from: 0, to: 16, by: 2).map { ($0, 2) },
        [
          (0, 2), (2, 1), (3, 1), (4, 2), (6, 1), (7, 1), (8, 2), (10, 1), (11, 1), (12, 2),
          (14, 1), (15, 1),
        ],
        [(0, 3), (3, 3), (6, 2), (8, 3), (11, 3), (14, 2)],
      ]
    case .pad: [[(0, 16)], [(0, 12), (12, 4)], [(0, 8), (8, 8)], [(0, 6), (6, 10)]]
    }
  }

  /// The comping figures of `pattern` in `meter`: the 4/4 vocabulary above, or in 6/8 the
  /// ``compoundComping`` one; nil where the chords play their one-bar pattern.
  static func comping(_ pattern: Arrangement.Comping, meter: Meter) -> [BarFigure]? {
    if meter == .commonTime { return comping(pattern) }
    if meter == Meter(6, 8) { return compoundComping(pattern) }
    return nil
  }

  /// Comping bars of 6/8 (12 sixteenths, beats on 0 and 6), in eighths as the metre counts: the
  /// rocking broken chord of six eighths, its lilt (quarter, eighth), a held second beat, and a
  /// strummed beat answered by eighths. The arpeggio ran in dotted eighths before (a hemiola, four
  /// to the bar), the same in every bar.
  static func compoundComping(_ pattern: Arrangement.Comping) -> [BarFigure]? {
    let sixEighths: BarFigure = stride(from: 0, to: 12, by: 2).map { ($0, 2) }
    switch pattern {
    case .arpeggio, .eighths:
      return [
        sixEighths, [(0, 4), (4, 2), (6, 4), (10, 2)], [(0, 2), (2, 2), (4, 2), (6, 6)],
        [(0, 6), (6, 2), (8, 2), (10, 2)], [(0, 2), (2, 2), (4, 2), (6, 4), (10, 2)],
      ]
    case .quarters:
      return [
        [(0, 6), (6, 6)], [(0, 6), (6, 4), (10, 2)], [(0, 4), (4, 2), (6, 6)],
        [(0, 12)], [(0, 6), (8, 2), (10, 2)],
      ]
    default: return nil
    }
  }

  /// The bass figures of `pattern` in `meter`: the 4/4 vocabulary below, or in 6/8 the lilt of
  /// ``compoundBass``; nil where the bass plays its one-bar pattern.
  static func bass(_ pattern: Arrangement.Bass, meter: Meter) -> [BarFigure]? {
    if meter == .commonTime { return bass(pattern) }
    if meter == Meter(6, 8) { return compoundBass(pattern) }
    return nil
  }

  /// Bass bars of 6/8 (two dotted-quarter beats, 12 sixteenths): the held bar, the two beats rocking
  /// root to fifth, a held bar with an eighth pickup, and the second beat's long–short lilt (quarter,
  /// eighth) stepping into the next chord. Lullabies and 6/8 ballads held one note a bar before.
  /// Kept sparse: with the lilt on both beats, a 70 BPM lullaby's render was heard at 140.
  static func compoundBass(_ pattern: Arrangement.Bass) -> [BarFigure]? {
    switch pattern {
    case .halfNotes, .rootFifth, .sustained:
      [[(0, 12)], [(0, 6), (6, 6)], [(0, 10), (10, 2)], [(0, 6), (6, 4), (10, 2)]]
    default: nil
    }
  }

  static func bass(_ pattern: Arrangement.Bass) -> [BarFigure]? {
    switch pattern {
    case .sustained:
      // Low strings under a film cue or a slow classical piece: the held bar, two halves (root and
      // fifth), a held note with a lead-in on beat 4, and a push on the "and" of 2.
      [[(0, 16)], [(0, 8), (8, 8)], [(0, 12), (12, 4)], [(0, 6), (6, 10)]]
    case .halfNotes:
      [
        [(0, 8), (8, 8)], [(0, 6), (6, 2), (8, 8)], [(0, 8), (8, 6), (14, 2)],
        [(0, 3), (3, 5), (8, 8)], [(0, 4), (4, 4), (8, 4), (12, 4)],
      ]
    case .eighths:
      [
        stride(from: 0, to: 16, by: 2).map { ($0, 2) },
        [(0, 3), (3, 1), (4, 2), (6, 2), (8, 3), (11, 1), (12, 2), (14, 2)],
        [(0, 4), (4, 2), (6, 2), (8, 2), (10, 2), (12, 2), (14, 2)],
        [(0, 2), (2, 2), (4, 2), (6, 2), (8, 2), (10, 2), (12, 1), (13, 1), (14, 2)],
      ]
    case .rootFifth:
      // Country's alternating bass on 1 and 3, with walk-ups into the next chord.
      [
        [(0, 4), (8, 4)], [(0, 4), (8, 4), (12, 2), (14, 2)], [(0, 4), (8, 2), (10, 2), (12, 4)],
        [(0, 4), (4, 4), (8, 4), (12, 4)],
      ]
    case .syncopated:
      [
        [(0, 3), (6, 2), (8, 3), (14, 2)], [(0, 3), (3, 1), (8, 3), (11, 1), (14, 2)],
        [(0, 4), (7, 1), (8, 2), (10, 2), (14, 2)], [(0, 6), (6, 2), (10, 2), (14, 2)],
        [(0, 3), (6, 2), (8, 3), (12, 1), (13, 1), (14, 2)],
      ]
    case .arpeggiated:
      // Synthwave's sequenced bass: eighths (or sixteenths) bouncing root and octave, the gallop
      // (an eighth and two sixteenths) and the italo-disco reverse gallop (two sixteenths, an eighth).
      [
        stride(from: 0, to: 16, by: 2).map { ($0, 2) }, (0..<16).map { ($0, 1) },
        [
          (0, 2), (2, 1), (3, 1), (4, 2), (6, 1), (7, 1), (8, 2), (10, 1), (11, 1), (12, 2),
          (14, 1), (15, 1),
        ],
        stride(from: 0, to: 16, by: 4).flatMap { [($0, 1), ($0 + 1, 1), ($0 + 2, 2)] },
      ]
    case .eightOhEight:
      // Trap's 808: long notes on the kick's spots, gliding between them.
      [
        [(0, 7), (7, 3), (10, 6)], [(0, 10), (10, 4), (14, 2)], [(0, 6), (6, 4), (10, 6)],
        [(0, 3), (3, 7), (10, 6)],
      ]
    case .bossa:
      // The surdo-like root–fifth of bossa nova, with its anticipations.
      [
        [(0, 6), (6, 2), (8, 6), (14, 2)], [(0, 6), (6, 2), (8, 8)], [(0, 8), (8, 6), (14, 2)],
        [(0, 6), (6, 2), (8, 4), (12, 2), (14, 2)],
      ]
    case .walking, .offbeat: nil
    }
  }

  /// Walking bass bars (their notes are chosen by the walking line itself): plain quarters, a skip
  /// (an eighth pickup) into the next bar, a raked beat 3 (a ghosted repeat), and both.
  static let walking: [BarFigure] = [
    [(0, 4), (4, 4), (8, 4), (12, 4)], [(0, 4), (4, 4), (8, 4), (12, 2), (14, 2)],
    [(0, 4), (4, 4), (8, 2), (10, 2), (12, 4)],
    [(0, 4), (4, 4), (8, 2), (10, 2), (12, 2), (14, 2)],
  ]
}

/// Chooses one figure per bar: mostly the main figure and the one just played, now and then a
/// variation, busier figures for intense moods and sparser ones for calm moods, and a held or
/// sparser figure on the last bar of a phrase where the music breathes.
struct FigureChooser {
  var figures: [BarFigure]
  /// −1 calm … 1 intense.
  var energy: Double
  /// How strongly the main figure is preferred over each variation.
  var mainWeight = 2.0

  func choose(bars: Int, phraseEnds: Set<Int>, generator: inout SeededGenerator) -> [Int] {
    guard figures.count > 1 else { return Array(repeating: 0, count: bars) }
    let counts = figures.map { Double($0.count) }
    let mean = counts.reduce(0, +) / Double(counts.count)
    let bias = counts.map { pow($0 / mean, 2 * energy) }
    var chosen: [Int] = []
    var previous = 0
    for bar in 0..<bars {
      let weights = figures.indices.map { i -> Double in
        var w = (i == 0 ? mainWeight : 1) * bias[i]
        if i == previous { w *= 1.5 }
        if phraseEnds.contains(bar), counts[i] < mean { w *= 2 }
        return w
      }
      let pick = bar == 0 ? 0 : generator.pick(weights: weights)
      chosen.append(pick)
      previous = pick
    }
    return varied(chosen, generator: &generator)
  }

  /// At least `minimumVariety` different figures in every 8 bars (or as many as there are): a
  /// player who repeats one figure for eight bars is playing a loop. Bars that break the run are
  /// drawn by the seed, never the phrase's first bar, and take figures not yet heard there.
  var minimumVariety = 4

  func varied(_ chosen: [Int], generator: inout SeededGenerator) -> [Int] {
    var result = chosen
    var windowStart = 0
    // The piece's last bar holds one chord whatever its figure, so it does not count.
    let playing = result.count - 1
    while windowStart < playing {
      let window = windowStart..<min(playing, windowStart + 8)
      guard window.count >= 2 else { break }
      let goal = min(minimumVariety, figures.count, window.count - 1)
      var guardCount = 0
      while Set(result[window]).count < goal, guardCount < 32 {
        guardCount += 1
        let bar = window.lowerBound + 1 + generator.int(in: 0...(window.count - 2))
        let heard = Set(result[window])
        // Only a bar whose figure is heard elsewhere in the window may change.
        guard result[window].filter({ $0 == result[bar] }).count > 1 else { continue }
        let unheard = figures.indices.filter { !heard.contains($0) }
        result[bar] = unheard[generator.int(in: 0...(unheard.count - 1))]
      }
      windowStart += 8
    }
    return result
  }
}

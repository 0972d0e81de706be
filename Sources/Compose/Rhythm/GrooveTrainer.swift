import Foundation

/// Learns a ``GrooveTable`` from drum takes: per genre, the most representative groove bars, how
/// drummers moved between them, and the fills they played.
///
/// How a bar is compared: its *pattern* is which of GMD's nine drum classes sounds on which sixteenth
/// (hits softer than ``patternVelocityFloor`` left out, they are the kit's noise, not the groove).
/// Two bars are alike by the Jaccard index of their patterns. A bar is representative when it is, on
/// average, alike many bars of its genre; the table keeps the most representative bars that differ
/// from each other (Jaccard below ``beatDistinctness`` for grooves, ``fillDistinctness`` for fills), so
/// it holds a genre's main groove, its usual variations and its different kinds of fill, each as one
/// real bar with the drummer's timing and dynamics. Every other bar played is counted as its nearest
/// kept bar to learn the bar-to-bar transitions.
///
/// Deterministic: takes are read in name order and every tie is broken by position, so the same data
/// gives the same table byte for byte.
public struct GrooveTrainer: Sendable {
  /// Groove bars kept per genre.
  public var beatsPerGenre = 16
  /// Fill bars kept per genre.
  public var fillsPerGenre = 10
  /// Hits softer than this are not part of a bar's pattern (they stay in the kept bar as played).
  public var patternVelocityFloor = 20
  /// Bars with fewer hits (an ending, a pause) are not learned.
  public var minimumHits = 4
  public var beatDistinctness = 0.85
  public var fillDistinctness = 0.7

  public init() {}

  /// Trains on the takes (any order; they are sorted by name first).
  ///
  /// - Throws: ``ComposeError/noTrainingData(_:)`` when no take has a usable bar.
  public func train(_ performances: [DrumPerformance], source: String) throws -> GrooveTable {
    let sorted = performances.sorted { $0.name < $1.name }
    var genres: [String: GenreGrooves] = [:]
    for genre in Set(sorted.map(\.genre)).sorted() {
      let takes = sorted.filter { $0.genre == genre }
      if let learned = learn(takes) { genres[genre] = learned }
    }
    guard !genres.isEmpty else { throw ComposeError.noTrainingData("groove_midi") }
    return GrooveTable(source: source, genres: genres)
  }

  func learn(_ takes: [DrumPerformance]) -> GenreGrooves? {
    // Groove takes: every full bar but the last (drummers end a take with a hit or a fill).
    var beatRuns: [[GrooveBar]] = []
    for take in takes where !take.isFill {
      let bars = take.bars().dropLast()
      var run: [GrooveBar] = []
      for bar in bars {
        if bar.hits.count >= minimumHits {
          run.append(bar)
        } else if !run.isEmpty {
          beatRuns.append(run)
          run = []
        }
      }
      if !run.isEmpty { beatRuns.append(run) }
    }
    // Fill takes are about a bar long: the fill is their last bar with enough hits in it.
    let fillBars = takes.filter(\.isFill).compactMap { take in
      take.bars().last { $0.hits.count >= minimumHits }
    }
    let beatBars = beatRuns.flatMap { $0 }
    guard !beatBars.isEmpty else { return nil }
    let beatPatterns = beatBars.map(pattern)
    let kept = representative(beatPatterns, count: beatsPerGenre, distinctness: beatDistinctness)
    let keptPatterns = kept.map { beatPatterns[$0] }
    var transitions = Array(repeating: Array(repeating: 0, count: kept.count), count: kept.count)
    for run in beatRuns {
      let states = run.map { Self.nearest(pattern($0), among: keptPatterns) }
      for (a, b) in zip(states, states.dropFirst()) { transitions[a][b] += 1 }
    }
    let fillPatterns = fillBars.map(pattern)
    let fills = representative(fillPatterns, count: fillsPerGenre, distinctness: fillDistinctness)
    let tempi = takes.map(\.bpm).sorted()
    return GenreGrooves(
      beats: kept.map { beatBars[$0] }, transitions: transitions,
      fills: fills.map { fillBars[$0] }, beatBarsRead: beatBars.count,
      fillBarsRead: fillBars.count, medianBPM: tempi.isEmpty ? 0 : tempi[tempi.count / 2])
  }

  // MARK: - Patterns

  /// Which drum class sounds on which sixteenth: 9 classes × 16 steps as bits.
  struct Pattern: Hashable {
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    static func == (a: Pattern, b: Pattern) -> Bool { a.words == b.words }
    func hash(into h: inout Hasher) {
      h.combine(words.0)
      h.combine(words.1)
      h.combine(words.2)
    }
    mutating func insert(_ bit: Int) {
      switch bit / 64 {
      case 0: words.0 |= 1 << UInt64(bit % 64)
      case 1: words.1 |= 1 << UInt64(bit % 64)
      default: words.2 |= 1 << UInt64(bit % 64)
      }
    }
    func jaccard(_ o: Pattern) -> Double {
      let both =
        (words.0 & o.words.0).nonzeroBitCount + (words.1 & o.words.1).nonzeroBitCount
        + (words.2 & o.words.2).nonzeroBitCount
      let either =
        (words.0 | o.words.0).nonzeroBitCount + (words.1 | o.words.1).nonzeroBitCount
        + (words.2 | o.words.2).nonzeroBitCount
      return either == 0 ? 1 : Double(both) / Double(either)
    }
  }

  func pattern(_ bar: GrooveBar) -> Pattern {
    var p = Pattern()
    for hit in bar.hits where hit.velocity >= patternVelocityFloor {
      p.insert(GMDDrumMap.drumClass(hit.key).rawValue * 16 + hit.step)
    }
    return p
  }

  /// Indices of the most central patterns that differ from each other, most central first.
  func representative(_ patterns: [Pattern], count: Int, distinctness: Double) -> [Int] {
    guard !patterns.isEmpty else { return [] }
    // Identical patterns are scored once and weighted by how often they were played.
    var firstIndex: [Pattern: Int] = [:]
    var weight: [Int: Int] = [:]
    var unique: [Int] = []
    for (i, p) in patterns.enumerated() {
      if let first = firstIndex[p] {
        weight[first, default: 1] += 1
      } else {
        firstIndex[p] = i
        weight[i] = 1
        unique.append(i)
      }
    }
    let centrality = unique.map { i in
      unique.reduce(0.0) { $0 + Double(weight[$1]!) * patterns[i].jaccard(patterns[$1]) }
    }
    let order = unique.indices.sorted {
      centrality[$0] != centrality[$1] ? centrality[$0] > centrality[$1] : unique[$0] < unique[$1]
    }
    var kept: [Int] = []
    for u in order where kept.count < count {
      let candidate = patterns[unique[u]]
      if kept.allSatisfy({ patterns[$0].jaccard(candidate) < distinctness }) {
        kept.append(unique[u])
      }
    }
    return kept
  }

  /// The kept pattern most like `p` (the first on ties).
  static func nearest(_ p: Pattern, among kept: [Pattern]) -> Int {
    var best = 0
    var bestScore = -1.0
    for (i, k) in kept.enumerated() {
      let s = p.jaccard(k)
      if s > bestScore {
        best = i
        bestScore = s
      }
    }
    return best
  }
}

import Affect
import Compose
import Foundation
import Theory

/// Plans and the shipped model shared by the Compose tests.
enum Fixtures {
  static let model: CompositionModel = {
    do { return try CompositionModel.bundled() } catch {
      fatalError("the shipped model must load: \(error)")
    }
  }()

  static func plan(
    key: String = "A minor", style: Style = .pop, bars: Int = 8, meter: Meter = .commonTime,
    chordsPerBar: Double = 1,
    seventh: Double = 0.3, borrowed: Double = 0.1, density: Double = 1.5,
    range: ClosedRange<Int> = 60...79,
    drums: Bool = true, swing: Double = 0.5
  ) -> Plan {
    Plan(
      key: Key(parsing: key)!, tempoBPM: 100, meter: meter, bars: bars, style: style,
      instruments: .init(chords: 0, melody: 73, bass: 33, drums: drums), chordsPerBar: chordsPerBar,
      seventhProbability: seventh, borrowedChordProbability: borrowed, melodyDensity: density,
      melodyRange: range,
      velocity: 80, articulation: 0.9, swing: swing)
  }

  /// A spread of plans covering modes, styles, metres and harmonic rhythms.
  static let variety: [Plan] = [
    plan(),
    plan(key: "C major", style: .folk, chordsPerBar: 2),
    plan(key: "Eb major", style: .jazz, seventh: 0.8, swing: 0.62),
    plan(key: "E minor", style: .metal, bars: 16, density: 2.5),
    plan(key: "D dorian", style: .lofi, bars: 12, chordsPerBar: 1.5),
    plan(key: "G major", style: .cinematic, meter: Meter(3, 4), chordsPerBar: 0.5, drums: false),
    plan(key: "F major", style: .bossaNova, meter: Meter(6, 8), borrowed: 0.3),
    plan(key: "B minor", style: .ambient, bars: 8, chordsPerBar: 0.5, density: 0.6, drums: false),
  ]

  static func track(_ score: Score, _ name: String) -> Track? {
    score.tracks.first { $0.name == name }
  }
}

/// Whether ../shared/data (relative to the package root) is present.
enum SharedData {
  static let folder: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("../shared/data").standardized.path
  }()
  static var available: Bool {
    FileManager.default.fileExists(atPath: folder + "/pop909/POP909/001")
  }
}

/// POP909's chord annotations (`chord_midi.txt`), for root-agreement measures.
enum Pop909Chords {
  typealias Span = (from: Double, to: Double, root: Int?)

  /// Each annotated chord's span in seconds and its root's pitch class (nil for "N").
  static func spans(in folder: String) throws -> [Span] {
    try String(contentsOfFile: "\(folder)/chord_midi.txt", encoding: .utf8)
      .split(separator: "\n").compactMap { line -> Span? in
        let f = line.split(separator: "\t")
        guard f.count >= 3, let a = Double(f[0]), let b = Double(f[1]) else { return nil }
        return (a, b, Chord(harte: String(f[2]))?.root.pitchClass)
      }
  }

  /// The root sounding longest between `from` and `to` (ties to the lower pitch class).
  static func root(in spans: [Span], from: Double, to: Double) -> Int? {
    var weight: [Int: Double] = [:]
    for (a, b, r) in spans {
      let overlap = min(b, to) - max(a, from)
      if overlap > 0, let r { weight[r, default: 0] += overlap }
    }
    return weight.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key
  }
}

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

import Compose
import Foundation
import SMF
import Testing
import Theory

/// Learning the groove table: the drum map, the micro-timing kept, and a deterministic result.
@Suite struct GrooveTrainerTests {
  /// A two-bar rock-ish take on the TD-11: hats on the edge zone (22), a late snare, an early kick.
  static func take(name: String, genre: String = "rock", fill: Bool = false, bars: Int = 6)
    -> DrumPerformance
  {
    var hits: [(tick: Int, key: Int, velocity: Int)] = []
    for bar in 0..<bars {
      let start = bar * 1920
      for eighth in 0..<8 { hits.append((start + eighth * 240 + 7, 22, 70 + (eighth % 2) * 10)) }
      hits.append((start + 480 + 18, 38, 100))
      hits.append((start + 1440 + 18, 38, 104))
      hits.append((start - 12 + (bar == 0 ? 12 : 0), 36, 110))
      hits.append((start + 960, 36, 96))
      if fill { hits.append((start + 1800, 58, 90)) }
    }
    return DrumPerformance(
      genre: genre, isFill: fill, bpm: 100, ticksPerQuarter: 480, hits: hits, name: name)
  }

  @Test func mapsTheKitToGeneralMIDIAndKeepsTheOffsets() throws {
    let table = try GrooveTrainer().train(
      [Self.take(name: "a"), Self.take(name: "f", fill: true, bars: 1)], source: "test")
    let rock = try #require(table.genres["rock"])
    let bar = try #require(rock.beats.first)
    #expect(bar.hits.allSatisfy { [36, 38, 42].contains($0.key) }, "22 (hat edge) → 42")
    let snare = bar.hits.filter { $0.key == 38 }
    #expect(snare.map(\.step) == [4, 12])
    #expect(snare.allSatisfy { $0.offset == 18 }, "the late backbeat is kept")
    #expect(bar.hits.filter { $0.key == 42 }.allSatisfy { $0.offset == 7 })
    #expect(rock.fills.first?.hits.contains { $0.key == 43 && $0.step == 15 } == true, "58 → 43")
  }

  @Test func anticipatedDownbeatsOpenTheNextBar() throws {
    let table = try GrooveTrainer().train([Self.take(name: "a")], source: "test")
    let kicks = try #require(table.genres["rock"]?.beats.first).hits.filter { $0.key == 36 }
    #expect(kicks.contains { $0.step == 0 && $0.offset <= 0 })
  }

  @Test func sameTakesInAnyOrderGiveTheSameBytes() throws {
    let takes = (0..<5).map { Self.take(name: "t\($0)", genre: $0 % 2 == 0 ? "rock" : "funk") }
    let a = try GrooveTrainer().train(takes, source: "test").encoded()
    let b = try GrooveTrainer().train(takes.reversed(), source: "test").encoded()
    #expect(a == b)
  }

  @Test func noUsableTakesIsAnError() {
    #expect(throws: ComposeError.self) {
      try GrooveTrainer().train([], source: "test")
    }
  }

  /// The real data: retraining a few genres gives the shipped entries byte for byte, so
  /// `moodsketch train` reproduces the table.
  @Test(.enabled(if: GMD.available, "needs ../shared/data/groove_midi (Groove MIDI Dataset)"))
  func retrainingGMDReproducesTheShippedTable() throws {
    let genres: Set<String> = ["reggae", "blues", "gospel"]
    let corpus = try GrooveCorpus.load(data: SharedData.folder, genres: genres) {
      try MIDIFile.read(path: $0)
    }
    #expect(corpus.skipped.isEmpty)
    let once = try GrooveTrainer().train(corpus.performances, source: GrooveCorpus.credit)
    let twice = try GrooveTrainer().train(corpus.performances, source: GrooveCorpus.credit)
    #expect(try once.encoded() == twice.encoded())
    let shipped = try #require(GrooveTable.shipped)
    for genre in genres {
      #expect(
        once.genres[genre] == shipped.genres[genre], "\(genre) differs from the shipped table")
    }
  }
}

enum GMD {
  static var available: Bool {
    FileManager.default.fileExists(atPath: SharedData.folder + "/groove_midi/info.csv")
  }
}

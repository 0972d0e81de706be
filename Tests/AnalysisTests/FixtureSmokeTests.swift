import Foundation
import Testing

@testable import Analysis

/// The labelled real clips in ../shared/data/audio_tempo_key_fixtures: every clip must analyse; tempo
/// hits (within 4 %, or 4 % of double or half) and key hits are counted and printed. The key clips
/// are 2-second excerpts labelled with their whole track's key, so only decoding is required of them.
@Suite(.enabled(if: SharedData.fixturesAvailable, "needs ../shared/data/audio_tempo_key_fixtures"))
struct FixtureSmokeTests {
  static let root = "mirdata/tests/resources/mir_datasets/"
  /// (audio, annotation file) pairs; the annotation's first number is the tempo in BPM.
  static let tempoClips: [(String, String)] = [
    ("madmom/tests/data/audio/sample.wav", "madmom/tests/data/annotations/sample.tempo"),
    (
      root + "ballroom/B_1.0/audio/Waltz/Media-105901.wav",
      root + "ballroom/B_1.0/annotations/tempo/Media-105901.bpm"
    ),
    (
      root + "gtzan_genre/gtzan_genre/genres/country/country.00000.wav",
      root + "gtzan_genre/gtzan_tempo_beat-main/tempo/gtzan_country_00000.bpm"
    ),
    (
      root + "hainsworth/H_1.0/audio/hains001.flac",
      root + "hainsworth/H_1.0/annotations/tempo/hains001.bpm"
    ),
    (
      root + "cuidado/C_1.0/audio/cuidado_FallaCancion.flac",
      root + "cuidado/C_1.0/annotations/tempo/cuidado_FallaCancion.bpm"
    ),
    (
      root + "simac/S_1.0/audio/simac_01_H_mikri_Rallou.flac",
      root + "simac/S_1.0/annotations/tempo/simac_01_H_mikri_Rallou.bpm"
    ),
    (root + "rwc_popular/audio/rwc-p-m01/1.wav", ""),
  ]
  static let keyClips: [(String, String)] = [
    (
      root
        + "giantsteps_key/audio/10089 Jason Sparks - Close My Eyes feat. J. Little (Original Mix).mp3",
      "D major"
    ),
    (root + "beatport_key/audio/100066 Lindstrom - Monsteer (Original Mix).mp3", "D minor"),
    (
      root + "tonality_classicaldb/audio/01-Allegro__Gloria_in_excelsis_Deo_in_D_Major - D.wav",
      "D major"
    ),
    (root + "fma_keys/000/000010.mp3", "F# major"),
  ]

  static func firstNumber(in path: String) -> Double? {
    guard
      let text = try? String(
        contentsOf: SharedData.fixtures.appendingPathComponent(path), encoding: .utf8)
    else {
      return nil
    }
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      if let token = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
        let value = Double(token)
      {
        return value
      }
    }
    return nil
  }

  static func isHit(_ found: Double, _ truth: Double) -> Bool {
    [1.0, 2.0, 0.5].contains { abs(found - truth * $0) <= 0.04 * truth * $0 }
  }

  @Test func tempoClipsAnalyseAndMostTemposHit() throws {
    let paths = Self.tempoClips.map { SharedData.fixtures.appendingPathComponent($0.0).path }
    let results = Analyzer().analyzeFiles(paths)
    var hits = 0
    var labelled = 0
    for ((clip, annotation), result) in zip(Self.tempoClips, results) {
      let analysis = try result.get()
      #expect(analysis.features.durationSeconds > 1.5)
      // RWC's 2-s clip is labelled in a CSV with the whole song's tempo (135 BPM).
      let truth = annotation.isEmpty ? 135 : try #require(Self.firstNumber(in: annotation))
      labelled += 1
      let found = analysis.features.tempoBPM
      let hit = found.map { Self.isHit($0, truth) } ?? false
      if hit { hits += 1 }
      print(
        "tempo fixture \(URL(fileURLWithPath: clip).lastPathComponent): truth \(truth), found \(found.map { String(format: "%.1f", $0) } ?? "none") \(hit ? "HIT" : "miss")"
      )
    }
    print("tempo fixtures: \(hits)/\(labelled) within 4 % or an octave")
    #expect(hits * 2 >= labelled, "only \(hits) of \(labelled) tempos hit")
  }

  @Test func keyClipsAnalyse() throws {
    let paths = Self.keyClips.map { SharedData.fixtures.appendingPathComponent($0.0).path }
    var hits = 0
    for ((clip, truth), result) in zip(Self.keyClips, Analyzer().analyzeFiles(paths)) {
      let analysis = try result.get()
      let found = analysis.features.key.map { "\($0.tonic) \($0.mode)" } ?? "none"
      let hit =
        analysis.features.key.map {
          $0.tonic.pitchClass == NoteClassParse.pitchClass(truth)
            && truth.hasSuffix($0.mode.rawValue)
        } ?? false
      if hit { hits += 1 }
      print(
        "key fixture \(URL(fileURLWithPath: clip).lastPathComponent): truth \(truth), found \(found) \(hit ? "HIT" : "miss")"
      )
    }
    print("key fixtures (2-s clips): \(hits)/\(Self.keyClips.count)")
  }
}

enum NoteClassParse {
  static func pitchClass(_ key: String) -> Int {
    let names = [
      "C": 0, "C#": 1, "D": 2, "D#": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "G#": 8, "A": 9, "A#": 10,
      "B": 11,
    ]
    return names[String(key.split(separator: " ")[0])] ?? -1
  }
}

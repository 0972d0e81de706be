import Analysis
import Foundation
import Testing

@testable import Catalog

/// Style inference measured on real tagged music: the Groove MIDI Dataset's drum beats (Magenta, CC BY 4.0),
/// each labelled by its drummer with a style, analysed as `catalog add` analyses MIDI.
@Suite(.enabled(if: GrooveBeats.available, "needs ../shared/data/groove_midi"))
struct StyleInferenceGrooveTests {
  @Test func leaveOneOutAccuracyBeatsTheMajorityStyle() throws {
    let store = try CatalogStore.inMemory()
    let analyzer = Analyzer()
    for beat in try GrooveBeats.list() {
      let features = try analyzer.analyzeMIDI(path: beat.path).features
      try store.save(
        CatalogTrack(
          title: beat.id, path: beat.path, sourceKey: beat.path, tags: [beat.style],
          style: StyleVocabulary.storedStyle(forGenre: beat.style), features: features))
    }
    let e = try store.styleInferenceEvaluation()
    print(
      String(
        format:
          "style inference, Groove MIDI beats (%d, %d styles): leave-one-out %.1f %%, majority (%@) %.1f %%",
        e.count, e.styles, e.accuracy * 100, e.majorityStyle ?? "-", e.majorityBaseline * 100))
    StyleConfidenceCheck.expectMeaningful(e)
    #expect(e.count > 400)
    #expect(e.accuracy > e.majorityBaseline)
  }
}

/// The `beat` rows of the Groove MIDI Dataset's info.csv (fills are a bar long and say little about style).
enum GrooveBeats {
  static let folder = SharedData.root.appendingPathComponent("groove_midi")
  static var available: Bool {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent("info.csv").path)
  }

  struct Beat {
    var id: String
    var style: String
    var path: String
  }

  static func list() throws -> [Beat] {
    let text = try String(contentsOf: folder.appendingPathComponent("info.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = lines.removeFirst()
    guard let style = header.firstIndex(of: "style"), let type = header.firstIndex(of: "beat_type"),
      let midi = header.firstIndex(of: "midi_filename"), let id = header.firstIndex(of: "id")
    else { return [] }
    return lines.compactMap { f in
      guard f.count == header.count, f[type] == "beat" else { return nil }
      // "latin/brazilian-samba" → "latin": the main style, as a tagger would write it.
      let main = f[style].split(separator: "/").first.map(String.init) ?? f[style]
      return Beat(id: f[id], style: main, path: folder.appendingPathComponent(f[midi]).path)
    }
  }
}

/// Whether the confidence shown with an inferred style means something: guesses made with confidence ½ or
/// more are right more often than the rest (printed, then checked).
enum StyleConfidenceCheck {
  static func expectMeaningful(_ e: StyleInference.Evaluation) {
    print(
      String(
        format: "  guessed with confidence ≥ ½: %.1f %%, right %.1f %%; the rest right %.1f %%",
        e.confidentShare * 100, (e.confidentAccuracy ?? .nan) * 100,
        (e.unsureAccuracy ?? .nan) * 100))
    #expect((e.confidentAccuracy ?? 0) > (e.unsureAccuracy ?? 1))
  }
}

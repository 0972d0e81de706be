import Foundation
import SMF
import Testing

@testable import Analysis

/// How the shipped mood model (fixed coefficients from the literature, not fitted to vgmidi) agrees with
/// vgmidi's human labels (valence and arousal signs per piece), analysing the MIDI symbolically. Every
/// piece is held out, since nothing was trained on them. The numbers are printed for the report; the
/// test asserts only that the model beats the majority-class guess on arousal and chance on quadrants.
@Suite(.enabled(if: SharedData.vgmidiAvailable, "needs ../shared/data/vgmidi"))
struct MoodEvaluationTests {
  struct Row {
    var path: String
    var valence: Double
    var arousal: Double
  }

  static func rows() throws -> [Row] {
    let csv = try String(
      contentsOf: SharedData.vgmidi.appendingPathComponent("vgmidi_labelled.csv"), encoding: .utf8)
    return csv.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 8, let v = Double(fields[fields.count - 2]),
        let a = Double(fields[fields.count - 1])
      else {
        return nil
      }
      // The CSV names the first phrase; the whole piece sits in labelled/midi without the "_0".
      let phrase = fields[5...(fields.count - 3)].joined(separator: ",")
      let name = URL(fileURLWithPath: phrase).lastPathComponent.replacingOccurrences(
        of: "_0.mid", with: ".mid")
      return Row(
        path: SharedData.vgmidi.appendingPathComponent("labelled/midi/\(name)").path, valence: v,
        arousal: a)
    }
  }

  static func pearson(_ x: [Double], _ y: [Double]) -> Double { KeyEstimator.pearson(x, y) }

  @Test func moodModelAgreesWithHumanLabelsBetterThanGuessing() throws {
    let rows = try Self.rows().filter { FileManager.default.fileExists(atPath: $0.path) }
    try #require(rows.count > 100, "expected the 200 labelled vgmidi pieces")
    let analyzer = Analyzer()
    var predicted: [(Double, Double)] = []
    var labels: [(Double, Double)] = []
    for row in rows {
      guard let score = try? MIDIFile.read(path: row.path) else { continue }
      let f = analyzer.analyzeScore(score)
      predicted.append((f.valence, f.arousal))
      labels.append((row.valence, row.arousal))
    }
    let n = Double(predicted.count)
    let valenceHits = zip(predicted, labels).filter { ($0.0 >= 0) == ($1.0 > 0) }.count
    let arousalHits = zip(predicted, labels).filter { ($0.1 >= 0) == ($1.1 > 0) }.count
    let quadrantHits = zip(predicted, labels).filter {
      ($0.0 >= 0) == ($1.0 > 0) && ($0.1 >= 0) == ($1.1 > 0)
    }.count
    let rValence = Self.pearson(predicted.map(\.0), labels.map(\.0))
    let rArousal = Self.pearson(predicted.map(\.1), labels.map(\.1))
    let majorityArousal = max(labels.filter { $0.1 > 0 }.count, labels.filter { $0.1 <= 0 }.count)
    let majorityValence = max(labels.filter { $0.0 > 0 }.count, labels.filter { $0.0 <= 0 }.count)
    print(
      String(
        format: "vgmidi mood (symbolic, %d pieces): valence sign %.1f%% (majority %.1f%%, r=%.2f), "
          + "arousal sign %.1f%% (majority %.1f%%, r=%.2f), quadrant %.1f%% (chance 25%%)",
        predicted.count, 100 * Double(valenceHits) / n, 100 * Double(majorityValence) / n, rValence,
        100 * Double(arousalHits) / n, 100 * Double(majorityArousal) / n, rArousal,
        100 * Double(quadrantHits) / n))
    #expect(rArousal > 0, "arousal should correlate positively with the labels")
    #expect(Double(quadrantHits) / n > 0.25, "quadrant accuracy should beat chance")
  }
}

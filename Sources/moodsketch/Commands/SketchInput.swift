import Compose
import Foundation
import SMF
import Theory

/// A sketch folder read back (`vary`): its report from sketch.json and its score from sketch.mid,
/// with the chords from the MIDI's chord markers.
struct SketchInput {
  var report: SketchReport
  var score: Score

  enum Problem: UserFacingError {
    case missingFolder(String)
    case notAFolder(String)
    case notASketch(folder: String, missing: [String])
    case unreadableReport(path: String, reason: String)

    var category: ErrorCategory {
      switch self {
      case .missingFolder, .notAFolder, .notASketch: .missingInput
      case .unreadableReport: .badData
      }
    }

    var description: String {
      switch self {
      case .missingFolder(let path):
        "no sketch folder at \(path); pass a folder written by moodsketch sketch"
      case .notAFolder(let path):
        "\(path) is not a folder; pass a folder written by moodsketch sketch"
      case .notASketch(let folder, let missing):
        "\(folder) is not a sketch folder: \(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") missing; pass a folder written by moodsketch sketch"
      case .unreadableReport(let path, let reason):
        "\(path) is not a sketch report (\(reason)); pass a folder written by moodsketch sketch"
      }
    }
  }

  init(folder: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
      throw Problem.missingFolder(folder)
    }
    guard isFolder.boolValue else { throw Problem.notAFolder(folder) }
    let json = (folder as NSString).appendingPathComponent("sketch.json")
    let midi = (folder as NSString).appendingPathComponent("sketch.mid")
    let missing = [midi, json].filter { !FileManager.default.fileExists(atPath: $0) }
      .map { ($0 as NSString).lastPathComponent }
    guard missing.isEmpty else { throw Problem.notASketch(folder: folder, missing: missing) }
    do {
      report = try JSONDecoder().decode(
        SketchReport.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
    } catch let error as DecodingError {
      throw Problem.unreadableReport(path: json, reason: Self.explain(error))
    } catch {
      throw Problem.unreadableReport(path: json, reason: (error as NSError).localizedDescription)
    }
    score = try MIDIFile.readMarked(path: midi).scoreWithMarkedChords
  }

  private static func explain(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, _): "no \"\(key.stringValue)\""
    case .dataCorrupted(let context):
      context.debugDescription.lowercased().replacingOccurrences(of: ".", with: "")
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
    @unknown default: "not the expected shape"
    }
  }
}

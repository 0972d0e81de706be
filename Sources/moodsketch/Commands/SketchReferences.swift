import Analysis
import Catalog
import Foundation
import Recommend

/// The catalog tracks closest to a sketch that was just written, for `sketch`'s closing list.
///
/// The sketch is already saved when this runs, so a missing, empty or broken catalog never fails the
/// command: it only changes what is said. Indexing the default music takes a while, so `sketch` leaves
/// that to `references` (which does it once) and stays fast.
enum SketchReferences {
  enum Outcome {
    case found([Reference])
    case noCatalog(String)
    case failed(String)
  }

  static func find(folder: String, catalog: String?, k: Int = 5) -> Outcome {
    let (path, _) = CatalogLocation.resolve(option: catalog)
    let hint =
      "no reference catalog yet; `moodsketch references \(folder)` indexes the default music once, or `moodsketch catalog add FOLDER` adds yours"
    guard FileManager.default.fileExists(atPath: path) else { return .noCatalog(hint) }
    do {
      let store = try CatalogStore(path: path, access: .readOnly)
      guard try store.count() > 0 else { return .noCatalog(hint) }
      var options = ReferenceOptions()
      options.k = k
      options.comparesParts = false  // the sketch's key and tempo are the plan's, not estimates
      let reading = try DraftFeatures.read(path: folder)
      options.draftStyle = reading.style
      return .found(
        try ReferenceFinder(store: store).references(for: reading.features, options: options))
    } catch {
      return .failed("references skipped: \(error)")
    }
  }

  /// One result as `references` prints it: rank, name, match score (0–100, see ``MatchScale``), reason.
  static func line(_ rank: Int, _ reference: Reference) -> String {
    let score = reference.matchScore.map { String(format: "%3d", $0) } ?? "  –"
    let style =
      StyleLabel.text(
        reference.style, inferred: reference.styleInferred, confidence: reference.styleConfidence
      ).map { "  [\($0)]" } ?? ""
    return String(
      format: "%2d. %@  match %@  %@%@", rank, reference.displayName, score, reference.reason,
      style)
  }

  /// Said under the list when even the best reference is far from the draft.
  static func closeness(_ results: [Reference]) -> String? {
    guard let best = results.first, !best.isCloseMatch, let score = best.matchScore else {
      return nil
    }
    return
      "no close match in your catalog: the best scores \(score) of 100 (its tracks are closer than that to each other); add music nearer this draft with `moodsketch catalog add FOLDER`"
  }
}

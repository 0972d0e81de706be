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
      let features = try DraftFeatures.load(path: folder)
      return .found(try ReferenceFinder(store: store).references(for: features, options: options))
    } catch {
      return .failed("references skipped: \(error)")
    }
  }

  /// One result as `references` prints it: rank, name, similarity, reason.
  static func line(_ rank: Int, _ reference: Reference) -> String {
    String(
      format: "%2d. %@  %3.0f%%  %@", rank, reference.displayName, reference.similarity * 100,
      reference.reason)
  }
}

import Affect
import Analysis
import ArgumentParser
import Catalog
import Foundation
import Recommend

/// `sketch --like REF`: the reference's analysis as a ``PlanShape``.
enum LikeReference {
  /// Analyses `reference` (an audio or MIDI file, a sketch folder) or reads catalog track `#id`.
  static func shape(_ reference: String, catalog: String?) throws -> PlanShape {
    let features: Features
    let name: String
    if FileManager.default.fileExists(atPath: reference) {
      features = try DraftFeatures.load(path: reference)
      name = (reference as NSString).lastPathComponent
    } else if let id = Int64(reference.hasPrefix("#") ? String(reference.dropFirst()) : reference) {
      let (path, _) = CatalogLocation.resolve(option: catalog)
      guard FileManager.default.fileExists(atPath: path) else {
        throw ValidationError(
          "--like \(reference): no such file, and there is no catalog at \(path) to look the id up in"
        )
      }
      let track = try CatalogStore(path: path, access: .readOnly).track(id: id)
      features = track.features
      name = track.displayName
    } else {
      throw ValidationError(
        "--like \(reference): no such file or catalog id; give an audio or MIDI file, a sketch folder, or an id from `moodsketch catalog list`"
      )
    }
    return PlanShape(
      name: name, tempoBPM: features.tempoBPM, key: features.key,
      arousal: features.arousal, brightnessHz: features.summary["spectral_centroid_hz_mean"],
      onsetsPerSecond: features.summary["onset_rate_per_s"])
  }
}

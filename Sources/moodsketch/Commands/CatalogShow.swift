import ArgumentParser
import Catalog
import Foundation

/// `moodsketch catalog show ID`
struct CatalogShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one track with its full analysis.")

  @Argument(help: ArgumentHelp("The track id from `catalog list`.", valueName: "id"))
  var id: Int64

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let track = try reportingErrors { try catalogOptions.openForReading().track(id: id) }
    if output.json {
      try JSONOutput.print(track)
      return
    }
    let f = track.features
    print(
      "\(track.displayName)  (id \(id), \(track.source.rawValue)\(track.isStale ? ", analysed by an older version: run `catalog add` again" : ""))"
    )
    if let path = track.path { print("  file      \(path)") }
    if let album = track.album { print("  album     \(album)") }
    print(String(format: "  duration  %.1f s", track.durationSeconds))
    print(
      "  tempo     "
        + (f.tempoBPM.map {
          String(
            format: f.hasWeakPulse
              ? "%.1f BPM (weak pulse, confidence %.2f: not matched on)"
              : "%.1f BPM (confidence %.2f)", $0, f.tempoConfidence)
        } ?? "–"))
    print(
      "  key       "
        + (f.key.map { "\($0) (strength \(String(format: "%.2f", f.keyStrength)))" } ?? "–"))
    print("  loudness  " + (f.loudnessLUFS.map { String(format: "%.1f LUFS", $0) } ?? "–"))
    print(String(format: "  mood      valence %+.2f, arousal %+.2f", f.valence, f.arousal))
    if let style = track.effectiveStyle {
      print(
        "  style     "
          + (StyleLabel.text(style.name, inferred: style.inferred, confidence: style.confidence)
            ?? style.name)
          + (style.inferred ? ", from the most similar tagged tracks" : ""))
    }
    if !track.tags.isEmpty { print("  tags      \(track.tags.joined(separator: ", "))") }
    if let hash = track.contentHash { print("  hash      \(hash) (FNV-1a 64, change detector)") }
    let known = FeatureGroup.allCases.filter { track.knownGroups & Int($0.bit) != 0 }.map(
      \.rawValue)
    print("  compared on \(known.joined(separator: ", "))")
  }
}

import ArgumentParser
import Catalog
import Foundation

/// How a track's style reads in text output: `ambient`, or `lofi (inferred, 72 %)` for a guess.
enum StyleLabel {
  /// The stored style a `--style` value names (`Hip-Hop` → hiphop, `17` → rock), or a usage error when
  /// it names none (`(RX)`, binary, 80 letters): such a filter would leave nothing and read as if the
  /// catalog lacked the style.
  static func option(_ value: String?) throws -> String? {
    guard let value else { return nil }
    guard let style = StyleVocabulary.storedStyle(forGenre: value) else {
      throw ValidationError(
        "--style '\(value)' names no style; give a genre such as rock, jazz, electronic or ambient")
    }
    return style
  }

  static func text(_ style: String?, inferred: Bool?, confidence: Double?) -> String? {
    guard let style else { return nil }
    guard inferred == true else { return style }
    let percent = Int(((confidence ?? 0) * 100).rounded())
    return "\(style) (inferred, \(percent) %)"
  }

  /// "styles: 12 known, 30 inferred from them, 2 without": said after `catalog add` and `import`.
  static func summary(_ r: StyleRefresh?) -> String? {
    guard let r, r.tagged + r.inferred + r.uninferred > 0 else { return nil }
    var parts = ["\(r.tagged) known"]
    if r.fromListeningTags > 0 { parts[0] += " (\(r.fromListeningTags) from listening tags)" }
    if r.inferred > 0 { parts.append("\(r.inferred) inferred from them") }
    if r.uninferred > 0 {
      let why =
        r.tagged == 0
        ? " (no tagged track to infer from)"
        : r.inferableStyles < StyleInference.minimumStyles
          ? " (inferring needs two styles with \(StyleInference.minimumTracksPerStyle) tagged tracks each; the catalog has \(r.inferableStyles))"
          : ""
      parts.append("\(r.uninferred) without" + why)
    }
    return "styles: " + parts.joined(separator: ", ")
  }
}

import Affect
import Catalog
import Compose
import Foundation

/// What `moodsketch --version` prints: the program's version and which model and lexicon it will use,
/// so a bug report names both (a retrained model changes sketches without changing the program).
enum VersionText {
  /// The program's version (also the root command's `version:`).
  static let number = "0.1.0"

  static var text: String {
    var lines = ["moodsketch \(number)"]
    if let path = CompositionModel.bundledPath {
      let hash = (try? ContentHash.ofFile(atPath: path)) ?? "unreadable"
      lines.append(
        "composition model: format \(CompositionModel.formatVersion), content \(hash) (\(path))")
    } else {
      lines.append("composition model: missing; reinstall with Scripts/install.sh")
    }
    if let path = Lexicon.bundledPath {
      let hash = (try? ContentHash.ofFile(atPath: path)) ?? "unreadable"
      lines.append("mood lexicon: content \(hash) (\(path))")
    } else {
      lines.append("mood lexicon: missing; reinstall with Scripts/install.sh")
    }
    return lines.joined(separator: "\n")
  }
}

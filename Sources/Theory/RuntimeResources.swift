import Foundation

/// Finds the files moodsketch reads at run time (the composition model, the mood lexicon) wherever the
/// binary lives: installed, copied, or in the build folder.
///
/// SwiftPM's `Bundle.module` bakes the build folder's path into the binary and stops the program when
/// neither that folder nor a bundle next to the binary exists, so an installed or copied binary would
/// lose its model. Lookup order, first hit wins:
///
/// 1. `$MOODSKETCH_RESOURCES/NAME` — when the variable is set, only there (an override must not be
///    silently ignored);
/// 2. `BIN/../share/moodsketch/NAME`, where BIN is the folder of the executable's real path (symlinks
///    resolved), as `Scripts/install.sh` lays it out;
/// 3. the SwiftPM bundle next to the executable, `BIN/moodsketch_MODULE.resources/Resources/NAME`
///    (the build folder, or bundles copied along with the binary);
/// 4. the source checkout the binary was built from (`sourceFolder`), for a binary copied out of
///    `.build` while the checkout still exists.
///
/// ```swift
/// let path = RuntimeResources.locate("lexicon.tsv", module: "Affect", sourceFolder: folder)
/// ```
public enum RuntimeResources {
  /// The environment variable that points at a folder holding every run-time resource.
  public static let environmentVariable = "MOODSKETCH_RESOURCES"

  /// The installed resources' folder below the prefix (`PREFIX/share/moodsketch`).
  public static let installedSubfolder = "share/moodsketch"

  /// The path of `name`, or nil when no candidate exists (see ``candidates(_:module:sourceFolder:environment:executablePath:)``).
  public static func locate(
    _ name: String, module: String, sourceFolder: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String? = RuntimeResources.executablePath
  ) -> String? {
    candidates(
      name, module: module, sourceFolder: sourceFolder, environment: environment,
      executablePath: executablePath
    ).first { FileManager.default.isReadableFile(atPath: $0) }
  }

  /// Every place ``locate(_:module:sourceFolder:environment:executablePath:)`` looks, in order;
  /// error messages list them so a user sees where the file was expected.
  public static func candidates(
    _ name: String, module: String, sourceFolder: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String? = RuntimeResources.executablePath
  ) -> [String] {
    if let override = environment[environmentVariable], !override.isEmpty {
      return [(override as NSString).appendingPathComponent(name)]
    }
    var paths: [String] = []
    if let executablePath {
      let bin = (executablePath as NSString).deletingLastPathComponent
      let prefix = (bin as NSString).deletingLastPathComponent
      paths.append("\(prefix)/\(installedSubfolder)/\(name)")
      paths.append("\(bin)/moodsketch_\(module).resources/Resources/\(name)")
    }
    if let sourceFolder { paths.append((sourceFolder as NSString).appendingPathComponent(name)) }
    return paths
  }

  /// The running executable's real path: `/proc/self/exe` on Linux (symlinks resolved by the kernel),
  /// else the first argument with symlinks resolved.
  public static let executablePath: String? = {
    if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return linked
    }
    guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
    let url =
      first.contains("/")
      ? URL(fileURLWithPath: first) : Bundle.main.executableURL ?? URL(fileURLWithPath: first)
    return url.resolvingSymlinksInPath().path
  }()
}

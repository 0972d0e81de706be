import Foundation

/// Finds the SoundFont to render with, in the order DESIGN.md gives:
/// 1. `--soundfont PATH` (the `explicit` argument),
/// 2. the `MOODSKETCH_SOUNDFONT` environment variable,
/// 3. the project's `SoundFonts/` folder,
/// 4. the system's `/usr/share/sounds/sf2/` (Debian's `fluid-soundfont-gm` installs `FluidR3_GM.sf2` there).
///
/// In a folder, `FluidR3_GM.sf2` is preferred, then `default-GM.sf2`, then any `.sf2`/`.sf3` in name order.
/// A path given explicitly or through the environment must be valid: it is never silently replaced.
public enum SoundFontLocator {
  /// The environment variable that names a SoundFont.
  public static let environmentVariable = "MOODSKETCH_SOUNDFONT"
  /// The system folder searched last.
  public static let systemFolder = "/usr/share/sounds/sf2"
  static let preferredNames = ["FluidR3_GM.sf2", "default-GM.sf2"]

  /// The SoundFont to use.
  ///
  /// - Parameters:
  ///   - explicit: the `--soundfont` value, if given.
  ///   - environment: the process environment (default: the real one).
  ///   - projectFolder: the moodsketch project folder whose `SoundFonts/` is searched; default: found
  ///     from the executable's location (``projectFolder(forExecutable:)``).
  /// - Returns: the path of a file that passed ``validate(_:)``.
  /// - Throws: ``SoundError/missingFile(_:)`` or ``SoundError/invalidSoundFont(_:)`` for a bad explicit or
  ///   environment path; ``SoundError/noSoundFont(searched:)`` when no folder holds one.
  public static func locate(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
    projectFolder: String? = SoundFontLocator.projectFolder(
      forExecutable: CommandLine.arguments.first ?? "")
  ) throws -> String {
    if let explicit, !explicit.isEmpty {
      try validate(explicit)
      return explicit
    }
    if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
      try validate(fromEnvironment)
      return fromEnvironment
    }
    var searched: [String] = []
    var folders: [String] = []
    if let projectFolder {
      folders.append((projectFolder as NSString).appendingPathComponent("SoundFonts"))
    }
    folders.append(systemFolder)
    for folder in folders {
      searched.append(folder)
      for candidate in candidates(in: folder) where (try? validate(candidate)) != nil {
        return candidate
      }
    }
    throw SoundError.noSoundFont(searched: searched)
  }

  /// The SoundFont files in `folder`, best first.
  static func candidates(in folder: String) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    let fonts = names.filter {
      ["sf2", "sf3"].contains(($0 as NSString).pathExtension.lowercased())
    }
    let ranked = fonts.sorted { a, b in
      let ra = preferredNames.firstIndex(of: a) ?? preferredNames.count
      let rb = preferredNames.firstIndex(of: b) ?? preferredNames.count
      return ra != rb ? ra < rb : a < b
    }
    return ranked.map { (folder as NSString).appendingPathComponent($0) }
  }

  /// The moodsketch project folder for an executable inside it (`<project>/.build/<config>/moodsketch`):
  /// the nearest ancestor holding both `Package.swift` and `SoundFonts/`, or nil for an installed binary.
  public static func projectFolder(forExecutable executablePath: String) -> String? {
    guard !executablePath.isEmpty else { return nil }
    var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    while url.path != "/" {
      let fm = FileManager.default
      if fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
        fm.fileExists(atPath: url.appendingPathComponent("SoundFonts").path)
      {
        return url.path
      }
      url = url.deletingLastPathComponent()
    }
    return nil
  }
}

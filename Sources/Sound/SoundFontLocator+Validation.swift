import CFluidSynth
import Foundation

extension SoundFontLocator {
  /// Checks that `path` is a SoundFont: a RIFF file of form `sfbk` that FluidSynth recognises.
  ///
  /// This reads 12 bytes, so it is cheap; ``Renderer/init(soundFontPath:sampleRate:)`` then loads the
  /// whole file and reports ``SoundError/invalidSoundFont(_:)`` if FluidSynth cannot. FluidSynth itself
  /// would render silence for a non-SoundFont; we refuse instead.
  ///
  /// - Throws: ``SoundError/missingFile(_:)``, ``SoundError/invalidSoundFont(_:)``.
  public static func validate(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw SoundError.missingFile(path)
    }
    guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
      throw SoundError.invalidSoundFont(path)
    }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 12)) ?? Data()
    // RIFF <size> sfbk: the SoundFont 2 container (SF3 uses the same header with Ogg-compressed samples).
    guard header.count == 12, header.prefix(4) == Data("RIFF".utf8),
      header.suffix(4) == Data("sfbk".utf8)
    else {
      throw SoundError.invalidSoundFont(path)
    }
    FluidSynthLibrary.prepare()
    guard fluid_is_soundfont(path) != 0 else { throw SoundError.invalidSoundFont(path) }
  }
}

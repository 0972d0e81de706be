import CFluidSynth
import Foundation
import Theory

extension SoundFontLocator {
  /// Checks that `path` is a SoundFont: a RIFF file of form `sfbk` that FluidSynth recognises.
  ///
  /// This reads 12 bytes, so it is cheap; ``Renderer/init(soundFontPath:sampleRate:)`` then loads the
  /// whole file and reports ``SoundError/invalidSoundFont(_:)`` if FluidSynth cannot. FluidSynth itself
  /// would render silence for a non-SoundFont; we refuse instead.
  ///
  /// - Throws: ``SoundError/missingFile(_:)``, ``SoundError/unreadableFile(path:problem:)``,
  ///   ``SoundError/invalidSoundFont(_:)``.
  public static func validate(_ path: String) throws {
    switch InputFile.problem(at: path) {
    case .missing?: throw SoundError.missingFile(path)
    case .empty?: throw SoundError.invalidSoundFont(path)
    case let problem?: throw SoundError.unreadableFile(path: path, problem: problem)
    case nil: break
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw SoundError.unreadableFile(path: path, problem: .unreadable)
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
    guard CLibraryOutput.capturing({ fluid_is_soundfont(path) }).value != 0 else {
      throw SoundError.invalidSoundFont(path)
    }
  }
}

import Foundation
import Testing
import Theory

@testable import Sound

@Suite struct SoundFontLocatorTests {
  @Test func aTextFileIsNotASoundFont() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fake = folder.appendingPathComponent("piano.sf2").path
    try Data("not really a SoundFont\n".utf8).write(to: URL(fileURLWithPath: fake))
    #expect(throws: SoundError.invalidSoundFont(fake)) { try SoundFontLocator.validate(fake) }
    #expect(throws: SoundError.invalidSoundFont(fake)) {
      try SoundFontLocator.locate(explicit: fake, environment: [:], projectFolder: nil)
    }
    #expect(throws: SoundError.invalidSoundFont(fake)) { try Renderer(soundFontPath: fake) }
    #expect(SoundError.invalidSoundFont(fake).description.hasPrefix(fake))
    #expect(SoundError.invalidSoundFont(fake).category == .badData)
  }

  @Test func aRIFFFileThatIsNotASoundFontIsRejected() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let wav = folder.appendingPathComponent("actually-a-wav.sf2").path
    let writer = try AudioFileWriter(
      path: folder.appendingPathComponent("a.wav").path, sampleRate: 8000, channels: 1)
    try writer.write([0, 0.1, 0.2])
    try writer.finish()
    try FileManager.default.moveItem(
      atPath: folder.appendingPathComponent("a.wav").path, toPath: wav)
    #expect(throws: SoundError.invalidSoundFont(wav)) { try SoundFontLocator.validate(wav) }
  }

  @Test(.enabled(if: InstalledSoundFont.available, "needs a SoundFont in /usr/share/sounds/sf2"))
  func aTruncatedSoundFontPassesTheHeaderCheckButIsRefusedWhenLoaded() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try FileHandle(
      forReadingFrom: URL(fileURLWithPath: try #require(InstalledSoundFont.path)))
    let head = try source.read(upToCount: 1 << 20) ?? Data()
    try source.close()
    let cut = folder.appendingPathComponent("cut.sf2").path
    try head.write(to: URL(fileURLWithPath: cut))
    try SoundFontLocator.validate(cut)
    #expect(throws: SoundError.damagedSoundFont(cut)) { try Renderer(soundFontPath: cut) }
  }

  @Test func aMissingExplicitSoundFontIsNotReplacedByAnother() {
    #expect(throws: SoundError.missingFile("/nowhere/font.sf2")) {
      try SoundFontLocator.locate(
        explicit: "/nowhere/font.sf2", environment: [:], projectFolder: nil)
    }
    #expect(throws: SoundError.missingFile("/nowhere/env.sf2")) {
      try SoundFontLocator.locate(
        explicit: nil, environment: [SoundFontLocator.environmentVariable: "/nowhere/env.sf2"],
        projectFolder: nil)
    }
  }

  @Test(.enabled(if: InstalledSoundFont.available, "needs a SoundFont in /usr/share/sounds/sf2"))
  func theLookupOrderIsFlagThenEnvironmentThenProjectThenSystem() throws {
    let system = try #require(InstalledSoundFont.path)
    let project = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: project) }
    try FileManager.default.createDirectory(
      at: project.appendingPathComponent("SoundFonts"), withIntermediateDirectories: true)
    let projectFont = project.appendingPathComponent("SoundFonts/zz-small.sf2").path
    try FileManager.default.createSymbolicLink(atPath: projectFont, withDestinationPath: system)
    let otherFont = project.appendingPathComponent("other.sf2").path
    try FileManager.default.createSymbolicLink(atPath: otherFont, withDestinationPath: system)
    let env = [SoundFontLocator.environmentVariable: otherFont]

    #expect(
      try SoundFontLocator.locate(explicit: system, environment: env, projectFolder: project.path)
        == system)
    #expect(
      try SoundFontLocator.locate(explicit: nil, environment: env, projectFolder: project.path)
        == otherFont)
    #expect(
      try SoundFontLocator.locate(explicit: nil, environment: [:], projectFolder: project.path)
        == projectFont)
    #expect(
      try SoundFontLocator.locate(explicit: nil, environment: [:], projectFolder: nil) == system)
  }

  @Test func aFolderWithOnlyBadFontsFallsThroughAndNamesWhereItLooked() throws {
    let project = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: project) }
    try FileManager.default.createDirectory(
      at: project.appendingPathComponent("SoundFonts"), withIntermediateDirectories: true)
    try Data("junk".utf8).write(to: project.appendingPathComponent("SoundFonts/broken.sf2"))
    do {
      let found = try SoundFontLocator.locate(
        explicit: nil, environment: [:], projectFolder: project.path)
      #expect(found.hasPrefix(SoundFontLocator.systemFolder), "falls through to the system folder")
    } catch let error as SoundError {
      #expect(
        error
          == .noSoundFont(searched: [project.path + "/SoundFonts", SoundFontLocator.systemFolder]))
      #expect(error.description.contains("fluid-soundfont-gm"))
    }
  }

  @Test func preferredNamesComeFirst() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["aaa.sf3", "default-GM.sf2", "FluidR3_GM.sf2", "readme.txt"] {
      try Data().write(to: folder.appendingPathComponent(name))
    }
    let names = SoundFontLocator.candidates(in: folder.path).map {
      ($0 as NSString).lastPathComponent
    }
    #expect(names == ["FluidR3_GM.sf2", "default-GM.sf2", "aaa.sf3"])
  }
}

import Foundation
import SMF
import Sound
import Testing
import Theory

@testable import Analysis

/// The shipped mood model on AUDIO: vgmidi's human-labelled piano phrases rendered through FluidSynth,
/// normalised to -16 LUFS like a mastered draft, analysed like any WAV. Nothing is fitted: the labels
/// only score the fixed model (vgmidi's licence is unclear; see ../shared/data/README.md).
///
/// Arousal is asserted against the labels. Valence from audio is now a little above the majority guess
/// on vgmidi (70 % against 68 % over all 204 phrases; Benchmarks/mood/README.md), a margin no test
/// should lean on; what is asserted for valence is that audio hears the same mode as the notes.
@Suite(
  .enabled(if: SharedData.vgmidiAvailable, "needs ../shared/data/vgmidi"),
  .enabled(
    if: RenderSoundFont.path != nil,
    "needs a SoundFont (apt-get install fluid-soundfont-gm)"))
struct AudioMoodEvaluationTests {
  /// The opening of each phrase: enough for tempo, onsets and loudness, and quick in a debug build.
  static let excerptSeconds = 20.0

  struct Phrase {
    var path: String
    var arousal: Double
  }

  /// Every third labelled phrase in the CSV's order (68 of 204). Every fifth (41) was tried first and
  /// beat the majority by only two phrases: too thin a margin for a test.
  static func phrases() throws -> [Phrase] {
    let csv = try String(
      contentsOf: SharedData.vgmidi.appendingPathComponent("vgmidi_labelled.csv"), encoding: .utf8)
    let rows: [Phrase] = csv.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 8, let arousal = Double(fields[fields.count - 1]) else { return nil }
      // The `midi` column names the labelled phrase (labelled/phrases/<piece>_<k>.mid).
      let phrase = fields[5...(fields.count - 3)].joined(separator: ",")
      return Phrase(
        path: SharedData.vgmidi.appendingPathComponent(phrase).path, arousal: arousal)
    }
    return rows.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
  }

  /// The notes that start in the first `seconds`.
  static func opening(of score: Score, seconds: Double) -> Score {
    var score = score
    let cut = (0...score.endTick).first { score.seconds(atTick: $0) >= seconds } ?? score.endTick
    for index in score.tracks.indices {
      score.tracks[index].notes = score.tracks[index].notes.filter { $0.start < cut }
      score.tracks[index].controls = score.tracks[index].controls.filter { $0.tick < cut }
    }
    return score
  }

  @Test func arousalFromRenderedAudioBeatsTheMajorityGuess() throws {
    let phrases = try Self.phrases().filter { FileManager.default.fileExists(atPath: $0.path) }
    try #require(phrases.count >= 60, "expected 68 of vgmidi's 204 labelled phrases")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "audio-mood-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let renderer = try Renderer(
      soundFontPath: try #require(RenderSoundFont.path), sampleRate: 22050)
    let analyzer = Analyzer()
    var hits = 0
    var sameMode = 0
    var predicted: [Double] = []
    for (index, phrase) in phrases.enumerated() {
      let score = Self.opening(
        of: try MIDIFile.read(path: phrase.path), seconds: Self.excerptSeconds)
      let wav = folder.appendingPathComponent("\(index).wav").path
      _ = try renderer.render(score, to: wav, loudness: LoudnessTarget(targetLUFS: -16))
      let heard = try analyzer.analyzeAudio(path: wav).features
      let arousal = heard.arousal
      if let mode = heard.key?.mode, mode == analyzer.analyzeScore(score).key?.mode {
        sameMode += 1
      }
      predicted.append(arousal)
      if (arousal >= 0) == (phrase.arousal > 0) { hits += 1 }
      try? FileManager.default.removeItem(atPath: wav)
    }
    let n = Double(phrases.count)
    let positives = phrases.filter { $0.arousal > 0 }.count
    let majority = Double(max(positives, phrases.count - positives)) / n
    let accuracy = Double(hits) / n
    let r = KeyEstimator.pearson(predicted, phrases.map(\.arousal))
    print(
      String(
        format: "vgmidi arousal from audio (%d phrases, first %.0f s, -16 LUFS): sign %.1f%% "
          + "(majority %.1f%%), r=%.2f",
        phrases.count, Self.excerptSeconds, 100 * accuracy, 100 * majority, r))
    // Measured: 72 % against 54 % (r 0.5). Five points of margin is three phrases: a model that has
    // lost its arousal cues (say, loudness read on the wrong scale) lands at or below the majority.
    #expect(
      accuracy >= majority + 0.05,
      "arousal sign \(accuracy) should beat the majority guess \(majority) by 5 points")
    // The mode heard in the render against the mode of the notes rendered: 87 % over all 204 whole
    // phrases with spectral-peak key-finding (77 % with filterbank chroma); 81 % on these 68 openings.
    let modeAgreement = Double(sameMode) / n
    print(String(format: "vgmidi: audio mode = MIDI mode for %.1f%%", 100 * modeAgreement))
    #expect(modeAgreement >= 0.75, "audio and MIDI modes agree for only \(modeAgreement)")
  }
}

/// The SoundFont `moodsketch render` would use from this package (its SoundFonts/, then the system's).
enum RenderSoundFont {
  static let path: String? = try? SoundFontLocator.locate(
    explicit: nil, projectFolder: Paths.packageRoot.path)
}

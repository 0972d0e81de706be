import Affect
import Analysis
import ArgumentParser
import Foundation
import Theory

extension KeyProfile: ExpressibleByArgument {}

/// `moodsketch analyze FILE...`: key, tempo, loudness, brightness and mood of audio or MIDI drafts.
struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find the key, tempo, loudness, brightness and mood of audio or MIDI drafts.",
    discussion: """
      Reads WAV, AIFF, FLAC, Ogg/Vorbis, Opus, MP3, M4A (AAC, ALAC), WMA, WebM, APE and WavPack
      (any channel count) and Standard MIDI Files, several at once on all cores. Descriptors
      follow librosa's names and defaults (sr 22050 Hz, n_fft 2048, hop_length 512); loudness
      is EBU R128, measured on every channel.
        moodsketch analyze draft.wav reference.flac
        moodsketch analyze sketch.mid --profile temperley --json
      A file that cannot be read is reported on one line; the others are still analysed, and the
      exit status is non-zero at the end.
      """)

  @Argument(help: ArgumentHelp("Audio or MIDI files to analyse.", valueName: "file"))
  var files: [String]

  @Option(
    help: ArgumentHelp(
      "Key profile: krumhansl, temperley or edma; default: krumhansl.", valueName: "name"))
  var profile: KeyProfile = .krumhansl

  @Option(
    help: ArgumentHelp(
      "FFT frame length in samples; default: 2048 (93 ms at 22050 Hz).", valueName: "samples"))
  var nFFT = 2048

  @Option(help: ArgumentHelp("Samples between frames; default: 512 (23 ms).", valueName: "samples"))
  var hopLength = 512

  @Option(
    help: ArgumentHelp(
      "Analyse only the first <seconds> of each file; default: all of it.", valueName: "seconds"))
  var maxSeconds: Double?

  @Option(help: ArgumentHelp("Files analysed at once; default: one per core.", valueName: "n"))
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs \(jobs) must be at least 1") }
    if let maxSeconds, !(maxSeconds > 0) {
      throw ValidationError("--max-seconds \(maxSeconds) must be more than 0")
    }
    do {
      try configuration.validate()
    } catch {
      throw ValidationError(error.description)
    }
  }

  private var configuration: AnalysisConfiguration {
    AnalysisConfiguration(
      nFFT: nFFT, hopLength: hopLength, profile: profile, maxDurationSeconds: maxSeconds)
  }

  func run() throws {
    let progress = ProgressLine(
      label: "analysing", enabled: Terminal.showsProgress && files.count > 1)
    let results = Analyzer(configuration: configuration).analyzeFiles(files, jobs: jobs) {
      done, total in progress.update(done: done, total: total)
    }
    progress.clear()
    var failures: [AnalysisError] = []
    for case .failure(let error) in results {
      printError(error.description)
      failures.append(error)
    }
    let analyses = results.compactMap { try? $0.get() }
    if output.json {
      try JSONOutput.print(
        AnalyzeReport(
          profile: profile.rawValue, vectorLayout: Features.vectorLayout, files: analyses,
          failed: zip(files, results).compactMap { path, result in
            if case .failure(let error) = result {
              return .init(path: path, error: error.description)
            }
            return nil
          }))
    } else {
      print(analyses.map { AnalysisText.report($0, profile: profile) }.joined(separator: "\n"))
    }
    if let first = failures.first { throw ExitCode(first.category.rawValue) }
  }
}

/// The `--json` shape of `analyze`.
private struct AnalyzeReport: Encodable {
  struct Failure: Encodable {
    var path: String
    var error: String
  }
  var profile: String
  var vectorLayout: [String]
  var files: [AudioAnalysis]
  var failed: [Failure]
}

/// The short readable report for people.
private enum AnalysisText {
  static func report(_ analysis: AudioAnalysis, profile: KeyProfile) -> String {
    let f = analysis.features
    var lines = [analysis.path]
    if let key = f.key {
      lines.append(
        "  key         \(key) (strength \(fixed(f.keyStrength, 2)), \(profile.rawValue) profile)")
    } else {
      lines.append("  key         none")
    }
    if let tuning = f.summary["tuning_semitones"], f.key != nil {
      // A4 of the recording, and its offset in cents, so a producer can retune an instrument to it.
      let a4 = 440 * pow(2, tuning / 12)
      lines.append(
        "  tuning      A4 = \(fixed(a4, 1)) Hz (\(String(format: "%+.0f", tuning * 100)) cents)")
    }
    if let bpm = f.tempoBPM {
      let confidence = "confidence \(fixed(f.tempoConfidence, 2)), \(analysis.beats.count) beats"
      let source =
        f.source == .midi
        ? "from the tempo map"
        : f.hasWeakPulse
          ? "weak pulse, \(confidence): it may be a metrical level off" : confidence
      lines.append("  tempo       \(fixed(bpm, 1)) BPM (\(source))")
    } else {
      lines.append("  tempo       none")
    }
    if let lufs = f.loudnessLUFS {
      let range = f.loudnessRangeLU.map { ", range \(fixed($0, 1)) LU" } ?? ""
      lines.append("  loudness    \(fixed(lufs, 1)) LUFS\(range)")
    } else if f.source == .midi, let velocity = f.summary["velocity_mean"] {
      lines.append("  loudness    mean velocity \(fixed(velocity, 0)) (MIDI)")
    }
    lines.append("  duration    \(clock(f.durationSeconds))")
    if let centroid = f.summary["spectral_centroid_hz_mean"] {
      lines.append("  brightness  \(fixed(centroid, 0)) Hz spectral centroid")
    } else if let pitch = f.summary["pitch_mean_midi"] {
      lines.append("  register    mean pitch \(Pitch(Int(pitch.rounded())))")
    }
    let quadrant = Mood(valence: f.valence, arousal: f.arousal).quadrant
    let words = [
      "Q1": "happy, excited", "Q2": "tense, angry", "Q3": "sad, tired", "Q4": "calm, content",
    ][quadrant.rawValue]!
    lines.append(
      "  mood        valence \(signed(f.valence)), arousal \(signed(f.arousal)) (\(quadrant.rawValue): \(words))"
    )
    if let why = moodReasons(analysis) { lines.append("  why         \(why)") }
    for remark in analysis.remarks { lines.append("  note        \(remark)") }
    return lines.joined(separator: "\n")
  }

  /// The cues that moved the mood most (at most three, each at least 0.1 before the tanh), in words, with
  /// the share each gave: "6.0 onsets a second (arousal +0.80) · a major key (valence +0.36)".
  static func moodReasons(_ analysis: AudioAnalysis) -> String? {
    let f = analysis.features
    let strongest = analysis.moodTerms
      .filter { max(abs($0.valence), abs($0.arousal)) >= 0.1 && $0.measured != nil }
      .sorted { max(abs($0.valence), abs($0.arousal)) > max(abs($1.valence), abs($1.arousal)) }
      .prefix(3)
    let parts = strongest.compactMap { term -> String? in
      guard let phrase = cuePhrase(term, features: f) else { return nil }
      var shares: [String] = []
      if abs(term.valence) >= 0.05 { shares.append("valence \(signed(term.valence))") }
      if abs(term.arousal) >= 0.05 { shares.append("arousal \(signed(term.arousal))") }
      return "\(phrase) (\(shares.joined(separator: ", ")))"
    }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  /// A cue's measurement as a musician would say it.
  static func cuePhrase(_ term: MoodModel.Term, features f: Features) -> String? {
    guard let x = term.measured else { return nil }
    let midi = f.source == .midi
    switch term.cue {
    case .tempo: return "\(fixed(x, 0)) BPM"
    case .loudness:
      if midi, let velocity = f.summary["velocity_mean"] {
        return "mean velocity \(fixed(velocity, 0))"
      }
      return "\(fixed(x, 1)) LUFS"
    case .density: return "\(fixed(x, 1)) onsets a second"
    case .brightness:
      if midi, let pitch = f.summary["pitch_mean_midi"] {
        return "mean pitch \(Pitch(Int(pitch.rounded())))"
      }
      return "a \(fixed(x, 0)) Hz spectral centroid"
    case .mode: return x > 0 ? "a major key" : "a minor key"
    case .clarity:
      return term.valence >= 0
        ? "a clear key, strength \(fixed(x, 2))" : "an unclear key, strength \(fixed(x, 2))"
    case .dissonance: return "\(fixed(100 * x, 0)) % of the pitch energy outside the key"
    }
  }

  static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
  static func signed(_ x: Double) -> String { String(format: "%+.2f", x) }
  static func clock(_ seconds: Double) -> String {
    let minutes = Int(seconds) / 60
    return String(format: "%d:%04.1f", minutes, seconds - Double(minutes * 60))
  }
}

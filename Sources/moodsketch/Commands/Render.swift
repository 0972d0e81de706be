import ArgumentParser
import Foundation
import SMF
import Sound
import Theory

/// `moodsketch render IN.mid [--out OUT.wav|.flac] …`: any Standard MIDI File to audio through FluidSynth.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract:
      "Render any MIDI file to WAV or FLAC with FluidSynth, reverb tail included.",
    discussion: """
      Finds the SoundFont from --soundfont, $MOODSKETCH_SOUNDFONT, the project's
      SoundFonts/ folder or /usr/share/sounds/sf2/, in that order.
        moodsketch render song.mid
        moodsketch render song.mid --out song.flac --bit-depth 24 --sample-rate 48000
        moodsketch render song.mid --loudness -16

      Level: by default the file is as loud as `fluidsynth -F` makes it (master gain 0.2, often \
      -40 to -25 LUFS). --gain raises FluidSynth's master gain like `fluidsynth -g` (doubling it adds \
      6 dB; too high clips). --loudness scales the finished render to an integrated loudness (EBU R128) \
      without ever letting a sample peak above --peak-ceiling (default -1 dBFS); very dynamic music may \
      then stay below the target, and the output says where it landed. Streaming services play at about \
      -14 LUFS; -16 suits a demo.

      Output appears only when rendering succeeded: errors never leave a partial file.
      """)

  @Argument(help: ArgumentHelp("The Standard MIDI File to render (.mid).", valueName: "in.mid"))
  var input: String

  @Option(
    help: ArgumentHelp(
      "Output file; .wav, .flac, .aiff, .ogg, .opus or .mp3 picks the format. Default: the input with .wav.",
      valueName: "path"))
  var out: String?

  @Option(
    help: ArgumentHelp(
      "SoundFont (.sf2/.sf3) to render with; default: the lookup order above.", valueName: "path")
  )
  var soundfont: String?

  @Option(help: ArgumentHelp("Sample rate in Hz, 8000–192000.", valueName: "hz"))
  var sampleRate: Int = 44100

  @Option(
    help: ArgumentHelp(
      "Sample format: 16, 24 or 32f (32-bit float; not for FLAC).", valueName: "bits"))
  var bitDepth: String = "16"

  @Option(
    help: ArgumentHelp(
      "FluidSynth master gain, 0–10, like fluidsynth -g.", valueName: "gain"))
  var gain: Double = Renderer.defaultGain

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Scale the render to this integrated loudness in LUFS, -60 to -5 (e.g. -16); default: no scaling.",
      valueName: "lufs"))
  var loudness: Double?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "With --loudness: highest sample peak allowed, in dBFS, -30 to 0.",
      valueName: "dbfs"))
  var peakCeiling: Double = -1

  @Option(
    help: ArgumentHelp(
      "Longest render allowed, in seconds; default: 1800 (30 min). Longer files are refused before rendering.",
      valueName: "seconds"))
  var maxDuration: Double = Renderer.defaultMaximumSeconds

  @Option(
    help: ArgumentHelp(
      "Synthesis threads (FluidSynth's synth.cpu-cores), 1–64; default: every core. The samples are the same for any value.",
      valueName: "n"))
  var jobs: Int = Renderer.defaultThreads

  @OptionGroup var output: OutputOptions

  var loudnessTarget: LoudnessTarget? {
    loudness.map { LoudnessTarget(targetLUFS: $0, peakCeilingDBFS: peakCeiling) }
  }

  var outputPath: String {
    out ?? (input as NSString).deletingPathExtension + ".wav"
  }

  func validate() throws {
    guard maxDuration.isFinite, maxDuration > 0 else {
      throw ValidationError("--max-duration \(maxDuration) must be a number of seconds above 0")
    }
    guard (1...64).contains(jobs) else {
      throw ValidationError("--jobs \(jobs) is out of range; use 1–64")
    }
    guard Renderer.gains.contains(gain) else {
      throw ValidationError(
        "--gain \(gain) is out of range; use 0–10 (FluidSynth's default is 0.2)")
    }
    if let loudness, !LoudnessTarget.targetRange.contains(loudness) {
      throw ValidationError("--loudness \(loudness) is out of range; use -60 to -5 LUFS (e.g. -16)")
    }
    guard LoudnessTarget.ceilingRange.contains(peakCeiling) else {
      throw ValidationError("--peak-ceiling \(peakCeiling) is out of range; use -30 to 0 dBFS")
    }
    guard (8000...192_000).contains(sampleRate) else {
      throw ValidationError(
        "--sample-rate \(sampleRate) is out of range; use 8000–192000 Hz (44100 is CD quality)")
    }
    guard let depth = BitDepth(argument: bitDepth) else {
      throw ValidationError("--bit-depth \(bitDepth) is not a sample format; use 16, 24 or 32f")
    }
    guard let container = AudioContainer(path: outputPath) else {
      throw ValidationError(
        "--out \(outputPath) has an unknown extension; use .wav, .flac, .aiff, .ogg, .opus or .mp3")
    }
    if container == .opus && ![8000, 12000, 16000, 24000, 48000].contains(sampleRate) {
      throw ValidationError(
        "--sample-rate \(sampleRate) is not possible for Opus (\(outputPath)); use 48000 (or 8000, 12000, 16000, 24000)"
      )
    }
    guard container.supports(depth) else {
      throw ValidationError(
        "--bit-depth 32f cannot be stored in FLAC (\(outputPath)); use 16 or 24, or a .wav")
    }
  }

  func run() throws {
    try reportingErrors {
      let depth = BitDepth(argument: bitDepth) ?? .pcm16
      let score = try MIDIFile.read(path: input)
      let soundFont = try SoundFontLocator.locate(explicit: soundfont)
      let started = Date()
      let renderer = try Renderer(
        soundFontPath: soundFont, sampleRate: Double(sampleRate), gain: gain, threads: jobs)
      let estimate = renderer.estimate(score, bitDepth: depth)
      guard estimate.seconds <= maxDuration else {
        throw SoundError.renderTooLong(
          path: input, seconds: estimate.seconds, limitSeconds: maxDuration, bytes: estimate.bytes)
      }
      // Progress only for a person watching: never into a pipe, a log, or next to --json.
      let progress = Terminal.showsProgress && !output.json ? ProgressLine(label: "rendering") : nil
      // Clear the line before any error message, too.
      defer { progress?.clear() }
      let report = try renderer.render(
        score, to: outputPath, bitDepth: depth, loudness: loudnessTarget,
        progress: progress.map { line in { line.update(fraction: $0) } }
      )
      let elapsed = Date().timeIntervalSince(started)
      let notes = score.tracks.reduce(0) { $0 + $1.notes.count }
      if notes == 0 { Terminal.note("warning: \(input) has no notes; the output is silent") }
      let result = RenderResult(
        input: input, soundFont: soundFont, notes: notes, elapsedSeconds: elapsed, report: report)
      if output.json {
        try JSONOutput.print(result)
      } else {
        print(result.text)
      }
    }
  }
}

/// What `render` prints: the same facts for people and for `--json`.
struct RenderResult: Encodable {
  var input: String
  var soundFont: String
  var notes: Int
  var elapsedSeconds: Double
  var report: RenderReport

  var loudnessText: String {
    let measured = report.loudnessLUFS.map { String(format: "%.1f LUFS", $0) } ?? "silent"
    guard let target = report.loudnessTarget, let applied = report.normalizationDB else {
      return measured
    }
    // One constant gain cannot reach the target when the peaks would cross the ceiling first.
    let limited = (report.loudnessLUFS ?? target.targetLUFS) < target.targetLUFS - 0.1
    return measured
      + String(
        format: " (target %.1f LUFS, peak ceiling %.1f dBFS: scaled by %+.1f dB", target.targetLUFS,
        target.peakCeilingDBFS, applied) + (limited ? ", held back by the peak ceiling)" : ")")
  }

  var text: String {
    let minutes = Int(report.seconds) / 60
    let seconds = report.seconds - Double(minutes * 60)
    let length = String(format: "%d:%04.1f", minutes, seconds)
    let depth = report.bitDepth == .float32 ? "32-bit float" : "\(report.bitDepth.rawValue)-bit"
    var lines = [
      "wrote \(report.path)",
      "  \(length) (\(String(format: "%.2f", report.seconds)) s, of which \(String(format: "%.2f", report.tailSeconds)) s release and reverb tail), "
        + "\(Int(report.sampleRate)) Hz, \(depth), stereo",
      "  loudness \(loudnessText), peak \(String(format: "%.1f", report.peakDBFS)) dBFS, gain \(report.gain), \(notes) notes, SoundFont \((soundFont as NSString).lastPathComponent)",
      "  rendered in \(String(format: "%.2f", elapsedSeconds)) s (\(String(format: "%.0f", report.seconds / max(elapsedSeconds, 1e-9)))× real time)",
    ]
    if report.peakDBFS > 0 && report.bitDepth != .float32 {
      lines.append(
        "  note: the mix peaks above full scale and was clipped; use --bit-depth 32f to keep the peaks"
      )
    }
    return lines.joined(separator: "\n")
  }
}

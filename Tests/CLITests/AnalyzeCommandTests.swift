import Foundation
import Testing

/// `moodsketch analyze` as a user runs it: drafts in, a short report or JSON out, bad files named.
@Suite struct AnalyzeCommandTests {
  /// Writes 16-bit PCM mono WAV bytes by hand, so these tests depend only on the built binary.
  static func writeWAV(_ samples: [Float], rate: Int, to path: String) throws {
    var data = Data()
    func u32(_ v: Int) {
      withUnsafeBytes(of: UInt32(v).littleEndian) { data.append(contentsOf: $0) }
    }
    func u16(_ v: Int) {
      withUnsafeBytes(of: UInt16(v).littleEndian) { data.append(contentsOf: $0) }
    }
    data.append(contentsOf: Array("RIFF".utf8))
    u32(36 + samples.count * 2)
    data.append(contentsOf: Array("WAVEfmt ".utf8))
    u32(16)
    u16(1)
    u16(1)
    u32(rate)
    u32(rate * 2)
    u16(2)
    u16(16)
    data.append(contentsOf: Array("data".utf8))
    u32(samples.count * 2)
    for s in samples { u16(Int(Int16(max(-1, min(1, s)) * 32767)) & 0xFFFF) }
    try data.write(to: URL(fileURLWithPath: path))
  }

  /// I–IV–V–I in D major, three times (12 s at 44.1 kHz): triads of harmonic-rich tones, one per second,
  /// with a sharp attack so the pulse is audible.
  static func cadence() -> [Float] {
    let rate = 44100.0
    let chords: [[Int]] = [[62, 66, 69], [67, 71, 74], [69, 73, 76], [62, 66, 69]]
    var out: [Float] = []
    for _ in 0..<3 {
      for chord in chords {
        for i in 0..<Int(rate) {
          let t = Double(i) / rate
          var v = 0.0
          for note in chord {
            let f = 440 * pow(2, Double(note - 69) / 12)
            for h in 1...3 { v += sin(2 * .pi * f * Double(h) * t) / Double(h) }
          }
          out.append(Float(0.1 * v * exp(-2 * t)))
        }
      }
    }
    return out
  }

  /// A format-0 MIDI file at 120 BPM: the same D major cadence, one chord per beat, twice.
  static func midiBytes() -> Data {
    var track: [UInt8] = [0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20]
    let chords: [[UInt8]] = [[62, 66, 69], [67, 71, 74], [69, 73, 76], [62, 66, 69]]
    for _ in 0..<2 {
      for chord in chords {
        for note in chord { track += [0x00, 0x90, note, 96] }
        // 480 ticks (one beat) later, as a two-byte variable-length quantity.
        track += [0x83, 0x60, 0x80, chord[0], 0]
        for note in chord.dropFirst() { track += [0x00, 0x80, note, 0] }
      }
    }
    track += [0x00, 0xFF, 0x2F, 0x00]
    var data: [UInt8] = Array("MThd".utf8) + [0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xE0]
    data += Array("MTrk".utf8)
    let n = track.count
    data += [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
    return Data(data + track)
  }

  /// A temporary folder holding the D major cadence as draft.wav and as sketch.mid.
  static func cadenceDrafts() throws -> (folder: URL, wav: String, mid: String) {
    let folder = try CLI.temporaryFolder()
    let wav = folder.appendingPathComponent("draft.wav").path
    try writeWAV(cadence(), rate: 44100, to: wav)
    let mid = folder.appendingPathComponent("sketch.mid").path
    try midiBytes().write(to: URL(fileURLWithPath: mid))
    return (folder, wav, mid)
  }

  @Test func readableReportForAudioAndMIDI() throws {
    let (folder, wav, mid) = try Self.cadenceDrafts()
    defer { try? FileManager.default.removeItem(at: folder) }

    let result = try CLI.run(["analyze", wav, mid, "--jobs", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    let reports = result.stdout.components(separatedBy: "\n\(folder.path)")
    #expect(reports.count == 2, "one report per file, in the order given: \(result.stdout)")
    let audio = reports[0]
    #expect(audio.hasPrefix(wav))
    #expect(audio.contains("key         D major"), "\(audio)")
    #expect(audio.contains("duration    0:12.0"), "\(audio)")
    #expect(audio.contains("LUFS"))
    #expect(audio.contains("Hz spectral centroid"))
    let midi = reports[1]
    #expect(midi.contains("key         D major"), "\(midi)")
    #expect(midi.contains("tempo       120.0 BPM (from the tempo map)"), "\(midi)")
    // The mood says why: a D major cadence is heard as major, in both.
    for report in [audio, midi] {
      let why = report.split(separator: "\n").first { $0.hasPrefix("  why ") }
      #expect(why?.contains("a major key (valence +") == true, "\(report)")
    }
  }

  /// Each cue's share of the mood comes in --json, and the shares add up to what the model says
  /// (valence = tanh of the valence shares, arousal likewise).
  @Test func moodTermsAddUpToTheMood() throws {
    let (folder, wav, mid) = try Self.cadenceDrafts()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["analyze", wav, mid, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let files = try #require(json["files"] as? [[String: Any]])
    for file in files {
      let features = try #require(file["features"] as? [String: Any])
      let terms = try #require(file["moodTerms"] as? [[String: Any]])
      #expect(
        Set(terms.compactMap { $0["cue"] as? String })
          == ["tempo", "loudness", "density", "brightness", "mode", "clarity", "dissonance"])
      let valence = terms.reduce(0.0) { $0 + ($1["valence"] as? Double ?? .nan) }
      let arousal = terms.reduce(0.0) { $0 + ($1["arousal"] as? Double ?? .nan) }
      #expect(abs(tanh(valence) - (features["valence"] as? Double ?? 9)) < 1e-9)
      #expect(abs(tanh(arousal) - (features["arousal"] as? Double ?? 9)) < 1e-9)
      let mode = terms.first { $0["cue"] as? String == "mode" }
      #expect(mode?["measured"] as? Double == 1, "D major: \(terms)")
    }
  }

  @Test func jsonCarriesEveryDescriptorAndTheChosenProfile() throws {
    let (folder, wav, mid) = try Self.cadenceDrafts()
    defer { try? FileManager.default.removeItem(at: folder) }

    let result = try CLI.run(["analyze", wav, mid, "--json", "--profile", "temperley"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["profile"] as? String == "temperley")
    let layout = try #require(json["vectorLayout"] as? [String])
    #expect(layout.contains("tempo_bpm") && layout.contains("mfcc_19_std"))
    #expect((json["failed"] as? [Any])?.isEmpty == true)
    let files = try #require(json["files"] as? [[String: Any]])
    #expect(files.map { $0["path"] as? String } == [wav, mid])
    let features = try #require(files[0]["features"] as? [String: Any])
    for key in [
      "durationSeconds", "tempoBPM", "key", "keyStrength", "loudnessLUFS", "valence", "arousal",
    ] {
      #expect(features[key] != nil, "features lack \(key)")
    }
    let summary = try #require(features["summary"] as? [String: Double])
    for name in [
      "mfcc_0_mean", "chroma_2_mean", "spectral_contrast_6_std", "spectral_flatness_mean",
    ] {
      #expect(summary[name] != nil, "summary lacks \(name)")
    }
    let vector = try #require(features["vector"] as? [Double])
    #expect(vector.count == layout.count)
    #expect(files[0]["channels"] as? Int == 1)
    #expect(files[0]["originalSampleRate"] as? Double == 44100)
  }

  @Test func badFilesAreNamedOnOneLineEachAndTheOthersStillAnalysed() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    let good = path("good.wav")
    try Self.writeWAV(Self.cadence(), rate: 44100, to: good)
    let missing = path("missing.wav")
    let empty = path("empty.wav")
    FileManager.default.createFile(atPath: empty, contents: Data())
    let text = path("lyrics.wav")
    try Data("these are my lyrics, not audio\n".utf8).write(to: URL(fileURLWithPath: text))
    let zeroLength = path("zero.wav")
    try Self.writeWAV([], rate: 44100, to: zeroLength)
    let silence = path("silence.wav")
    try Self.writeWAV([Float](repeating: 0, count: 44100 * 3), rate: 44100, to: silence)
    // A real FLAC (rendered by moodsketch itself), then cut to a third as an interrupted copy would be.
    let mid = path("sketch.mid")
    try Self.midiBytes().write(to: URL(fileURLWithPath: mid))
    let flac = path("whole.flac")
    let render = try CLI.run(["render", mid, "--out", flac])
    try #require(render.status == 0, "render failed: \(render.stderr)")
    let truncated = path("truncated.flac")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: flac))
    try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: truncated))

    let bad = [missing, empty, text, zeroLength, truncated]
    let result = try CLI.run([
      "analyze", missing, good, empty, text, zeroLength, truncated, silence,
    ])
    #expect(result.status == 66, "a missing file comes first, so the exit code says missing input")
    let errors = result.stderr.split(separator: "\n").map(String.init)
    #expect(errors.count == bad.count, "\(result.stderr)")
    for file in bad {
      #expect(
        errors.filter { $0.contains(file) }.count == 1, "\(file) not named once: \(result.stderr)")
    }
    #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"))
    // The readable files are still analysed, in order.
    #expect(result.stdout.contains("\(good)\n  key         D major"), "\(result.stdout)")
    let silent = try #require(result.stdout.components(separatedBy: silence).last)
    #expect(silent.contains("key         none"))
    #expect(silent.contains("tempo       none"))
    #expect(silent.contains("no tempo, no key"), "silence must be said plainly: \(silent)")
  }

  @Test func badFileAloneGivesBadDataExitCode() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = folder.appendingPathComponent("notes.wav").path
    try Data("not audio at all".utf8).write(to: URL(fileURLWithPath: text))
    let result = try CLI.run(["analyze", text, "--json"])
    #expect(result.status == 65)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let failed = try #require(json["failed"] as? [[String: String]])
    #expect(failed.first?["path"] == text)
    #expect(failed.first?["error"]?.contains(text) == true)
  }

  /// Soft tones at irregular times (22 s at 22.05 kHz): a rubato phrase with no beat.
  static func rubato() -> [Float] {
    let rate = 22050
    let gaps = [0.9, 1.7, 0.8, 2.1, 1.3, 0.7, 1.9, 1.1, 2.3, 0.8, 1.5, 1.0, 1.6, 0.9]
    var samples = [Float](repeating: 0, count: 22 * rate)
    var onset = 0.3
    for (index, gap) in gaps.enumerated() {
      let hz = 220 * pow(2, Double([0, 4, 7, 9, 5, 2][index % 6]) / 12)
      let start = Int(onset * Double(rate))
      for i in 0..<(2 * rate) where start + i < samples.count {
        let time = Double(i) / Double(rate)
        let level = min(1, time / 0.08) * exp(-time / 0.9)
        samples[start + i] += Float(0.3 * level * sin(2 * Double.pi * hz * time))
      }
      onset += gap
    }
    return samples
  }

  /// The rubato phrase's tempo is reported as a weak pulse that may be a metrical level off, and the
  /// catalog says it is not matched on; the steady cadence's tempo is reported plainly.
  @Test func aTempoHeardWithoutASteadyPulseIsCalledWeak() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rubato = folder.appendingPathComponent("rubato.wav").path
    try Self.writeWAV(Self.rubato(), rate: 22050, to: rubato)
    let cadence = folder.appendingPathComponent("cadence.wav").path
    try Self.writeWAV(Self.cadence(), rate: 44100, to: cadence)

    let result = try CLI.run(["analyze", rubato, cadence])
    #expect(result.status == 0, "\(result.stderr)")
    let reports = result.stdout.components(separatedBy: "\n\(folder.path)")
    #expect(reports.count == 2, "\(result.stdout)")
    #expect(reports[0].contains("(weak pulse, confidence 0."), "\(reports[0])")
    #expect(reports[0].contains("it may be a metrical level off"), "\(reports[0])")
    #expect(reports.last?.contains("weak pulse") == false, "\(result.stdout)")
    #expect(reports.last?.contains("BPM (confidence") == true, "\(result.stdout)")

    let catalog = folder.appendingPathComponent("c.sqlite").path
    #expect(try CLI.run(["catalog", "add", rubato, "--catalog", catalog]).status == 0)
    let shown = try CLI.run(["catalog", "show", "1", "--catalog", catalog])
    #expect(shown.stdout.contains("(weak pulse, confidence 0."), "\(shown.stdout)")
    #expect(shown.stdout.contains("not matched on)"), "\(shown.stdout)")
  }
}

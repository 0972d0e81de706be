import Foundation
import SMF
import Sound
import Theory

/// The entry point of analysis: audio files, MIDI files and scores into ``Features``.
///
/// ```swift
/// let analyzer = Analyzer(configuration: .init(profile: .temperley))
/// let draft = try analyzer.analyzeAudio(path: "draft.wav")
/// print(draft.features.key, draft.features.tempoBPM, draft.features.loudnessLUFS)
/// let results = analyzer.analyzeFiles(paths) { done, total in … }   // all cores
/// ```
///
/// Audio is decoded by libsndfile in blocks, downmixed to mono (mean of the channels) and resampled with
/// libsoxr (HQ, as librosa's `load`; ``Sound/SoxrResampler``) to ``AnalysisConfiguration/sampleRate``
/// for the descriptors; loudness (EBU R128) is measured per channel at the file's own rate, as the
/// standard intends. Memory stays flat
/// for any length. Thread-safe: one analyzer may run many files at once.
public struct Analyzer: Sendable {
  public var configuration: AnalysisConfiguration

  /// Below this profile correlation a key is not reported (unpitched material: drums, noise).
  static let minimumKeyStrength = 0.15
  /// Peak level below which audio counts as digital silence (-120 dBFS).
  static let silencePeak: Float = 1e-6
  /// Shorter audio is refused as too short: EBU R128 loudness integrates 400 ms blocks and the key
  /// and mood average frames of 93 ms, so below half a second every number would be noise.
  public static let minimumSeconds = 0.5
  /// Files declaring a lower rate are refused: 4 kHz keeps only up to 2 kHz, less than a telephone
  /// (8 kHz); a rate of 1 Hz means a damaged header, not music.
  public static let minimumSampleRate = 4000.0
  /// A tempo needs this many tracked beats and this many onsets: a steady tone has one onset (its
  /// start) and no pulse, yet the autocorrelation of a flat onset envelope can still peak somewhere.
  static let minimumBeats = 4

  public init(configuration: AnalysisConfiguration = .init()) {
    self.configuration = configuration
  }

  /// Whether a path names a MIDI file (by extension: .mid, .midi, .smf, .kar).
  public static func isMIDI(path: String) -> Bool {
    ["mid", "midi", "smf", "kar"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
  }

  /// Analyses an audio file (WAV, AIFF, FLAC, Ogg/Vorbis, Opus, MP3; M4A, WMA, WebM, APE, WavPack through FFmpeg; any channel count).
  ///
  /// - Throws: ``AnalysisError`` naming the file when it is missing, empty, not audio, truncated or of
  ///   zero length. Digital silence is not an error: it gives features with no tempo, key or loudness.
  public func analyzeAudio(path: String) throws(AnalysisError) -> AudioAnalysis {
    try configuration.validate()
    let reader: AudioFileReader
    do {
      reader = try AudioFileReader(path: path)
    } catch {
      throw Analyzer.translate(error, path: path)
    }
    guard reader.sampleRate >= Analyzer.minimumSampleRate else {
      throw .unreadableAudio(
        path: path,
        reason:
          "it declares a sample rate of \(Int(reader.sampleRate)) Hz, below the \(Int(Analyzer.minimumSampleRate)) Hz that can hold music; the file is damaged or not audio"
      )
    }
    let stream = DescriptorStream(configuration: configuration)
    let analysisRate = Double(configuration.sampleRate)
    let channels = reader.channels
    // Loudness is metered on every channel at the file's own rate, as EBU R128 defines it; the
    // descriptors need only the mono downmix, so only one channel goes through the resampler.
    let limit =
      configuration.maxDurationSeconds.map { Int($0 * analysisRate) } ?? Int.max
    let meter: LoudnessMeter?
    do {
      let soxr =
        reader.sampleRate != analysisRate
        ? try SoxrResampler(from: reader.sampleRate, to: analysisRate, channels: 1) : nil
      meter = LoudnessMeter(channels: channels, sampleRate: reader.sampleRate, measuresRange: true)
      let readFrames = max(1024, Int(reader.sampleRate / 2))
      let originalLimit =
        configuration.maxDurationSeconds.map { Int($0 * reader.sampleRate) } ?? Int.max
      var originalFrames = 0
      while stream.sampleCount < limit {
        var block = try reader.readInterleaved(maxFrames: readFrames)
        if originalFrames + block.count / channels > originalLimit {
          block = Array(block[0..<(max(0, originalLimit - originalFrames) * channels)])
        }
        originalFrames += block.count / channels
        let atEnd = block.isEmpty || originalFrames >= originalLimit
        block.withUnsafeBufferPointer { meter?.add($0) }
        let mono = Analyzer.downmix(block, channels: channels)
        let output = soxr?.process(mono, endOfInput: atEnd) ?? mono
        let room = limit - stream.sampleCount
        if output.count > room {
          stream.feed(Array(output[0..<room]))
        } else {
          stream.feed(output)
        }
        if atEnd { break }
      }
    } catch {
      throw Analyzer.translate(error, path: path)
    }
    guard stream.sampleCount > 0 else { throw .noAudio(path) }
    let seconds = Double(reader.framesRead) / reader.sampleRate
    if seconds < Analyzer.minimumSeconds,
      configuration.maxDurationSeconds.map({ $0 >= Analyzer.minimumSeconds }) ?? true
    {
      throw .tooShort(path: path, seconds: seconds)
    }
    stream.finish()
    var analysis = finishAudio(stream: stream, loudness: meter)
    analysis.path = path
    analysis.originalSampleRate = reader.sampleRate
    analysis.channels = reader.channels
    return analysis
  }

  /// Analyses mono samples at ``AnalysisConfiguration/sampleRate`` held in memory (tests, generated audio).
  /// Loudness is measured on the mono signal.
  public func analyzeSamples(_ samples: [Float], name: String = "<samples>") -> AudioAnalysis {
    let stream = DescriptorStream(configuration: configuration)
    let meter = LoudnessMeter(
      channels: 1, sampleRate: Double(configuration.sampleRate), measuresRange: true)
    samples.withUnsafeBufferPointer { buffer in
      var start = 0
      // Feed in blocks, as a file would arrive, so this path exercises the streaming code.
      while start < buffer.count {
        let end = min(buffer.count, start + 65536)
        let block = UnsafeBufferPointer(rebasing: buffer[start..<end])
        meter?.add(block)
        stream.feed(block)
        start = end
      }
    }
    stream.finish()
    var analysis = finishAudio(stream: stream, loudness: meter)
    analysis.path = name
    return analysis
  }

  /// Symbolic features of a score (see ``ScoreAnalyzer`` for what carries over from audio).
  public func analyzeScore(_ score: Score) -> Features {
    ScoreAnalyzer(profile: configuration.profile).analyze(score).features
  }

  /// Reads a Standard MIDI File and analyses it symbolically; beats come from its tempo map.
  public func analyzeMIDI(path: String) throws(AnalysisError) -> AudioAnalysis {
    guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path) }
    let score: Score
    do {
      score = try MIDIFile.read(path: path)
    } catch let error as UserFacingError {
      throw .unreadableMIDI(path: path, reason: error.description)
    } catch {
      throw .unreadableMIDI(path: path, reason: "\(error)")
    }
    let (features, beats, terms) = ScoreAnalyzer(profile: configuration.profile).analyze(score)
    var remarks: [String] = []
    if features.key == nil { remarks.append("no pitched notes strong enough to name a key") }
    return AudioAnalysis(
      path: path, features: features, beats: beats, originalSampleRate: nil, channels: nil,
      isSilent: false,
      remarks: remarks, moodTerms: terms)
  }

  /// Analyses many files (audio or MIDI, by extension) in parallel, `jobs` at a time (default: all cores).
  /// One failing file does not stop the others; results come back in the order of `paths`.
  ///
  /// ```swift
  /// let results = Analyzer().analyzeFiles(paths, profile: .edma) { done, total in print(done, total) }
  /// for case .success(let analysis) in results { store(analysis.features) }
  /// ```
  ///
  /// - Parameters:
  ///   - profile: key profile for this call; default: the configuration's.
  ///   - jobs: files analysed at once; default: one per core.
  ///   - progress: called after each file with (files finished, total), from worker threads.
  public func analyzeFiles(
    _ paths: [String], profile: KeyProfile? = nil,
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: @Sendable (Int, Int) -> Void = { _, _ in }
  ) -> [Result<AudioAnalysis, AnalysisError>] {
    if let profile, profile != configuration.profile {
      var copy = self
      copy.configuration.profile = profile
      return copy.analyzeFiles(paths, jobs: jobs, progress: progress)
    }
    let results = ResultSlots(count: paths.count)
    let workers = max(1, min(jobs, paths.count))
    @Sendable func analyzeOne(_ index: Int) {
      let path = paths[index]
      let result: Result<AudioAnalysis, AnalysisError>
      do throws(AnalysisError) {
        result = .success(
          Analyzer.isMIDI(path: path) ? try analyzeMIDI(path: path) : try analyzeAudio(path: path))
      } catch {
        result = .failure(error)
      }
      let done = results.store(result, at: index)
      progress(done, paths.count)
    }
    if workers == 1 {
      for index in paths.indices { analyzeOne(index) }
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = results.nextIndex() { analyzeOne(index) }
      }
    }
    return results.all()
  }

  // MARK: - Track descriptors from the stream

  private func finishAudio(stream: DescriptorStream, loudness: LoudnessMeter?) -> AudioAnalysis {
    let sr = Double(configuration.sampleRate)
    let duration = Double(stream.sampleCount) / sr
    let silent = stream.peak < Analyzer.silencePeak
    var summary = stream.summary()
    var remarks: [String] = []
    var tempo: TempoEstimator.Estimate?
    var key: (key: Key, strength: Double)?
    let chroma = stream.peakProfile
    let onsetFrames = OnsetCounter.frames(stream.onsetEnvelope, frameRate: configuration.frameRate)
    let onsetRate =
      stream.onsetEnvelope.count > 2
      ? Double(onsetFrames.count) / (Double(stream.onsetEnvelope.count) / configuration.frameRate)
      : 0
    if silent {
      remarks.append("digital silence: no tempo, no key, no loudness")
    } else {
      tempo = TempoEstimator(frameRate: configuration.frameRate).estimate(
        onsetEnvelope: stream.onsetEnvelope
      ).map {
        SparsePulse.settle(
          $0, onsetRate: onsetRate, envelope: stream.onsetEnvelope,
          frameRate: configuration.frameRate)
      }
      let onsets = onsetRate * duration
      if let beats = tempo?.beats.count,
        beats < Analyzer.minimumBeats || onsets < Double(Analyzer.minimumBeats)
      {
        tempo = nil
        remarks.append(
          "no pulse: fewer than \(Analyzer.minimumBeats) onsets or beats (a steady tone or a single hit): no tempo"
        )
      } else if tempo == nil {
        remarks.append("no steady pulse found: no tempo")
      }
      let audibleEnd = stream.audibleEndFrame
      let held = KeyEstimator.endsHeld(
        lastOnset: onsetFrames.last(where: { $0 < audibleEnd }).map {
          Double($0) / configuration.frameRate
        },
        end: Double(audibleEnd) / configuration.frameRate, beatSeconds: tempo.map { 60 / $0.bpm },
        minimumSeconds: KeyEstimator.minimumAudioHoldSeconds)
      if let estimate = KeyEstimator(profile: configuration.profile).estimate(
        pitchClasses: chroma, ending: held ? stream.endingPeakProfile : nil),
        estimate.strength >= Analyzer.minimumKeyStrength
      {
        key = estimate
      } else {
        remarks.append("no clear tonal centre: no key")
      }
    }
    summary["onset_rate_per_s"] = onsetRate
    if let pitch = stream.register.meanPitch { summary["pitch_register_midi"] = pitch }
    summary["peak_dbfs"] = 20 * log10(max(1e-12, Double(stream.peak)))
    // JSON cannot carry NaN or infinity; no descriptor should produce them, but one bad frame must not
    // make a whole catalog row unwritable.
    summary = summary.mapValues { $0.isFinite ? $0 : 0 }
    let lufs = silent ? nil : loudness?.integratedLUFS
    let lra = silent ? nil : loudness?.rangeLU
    let outOfKey = key.flatMap { MoodModel.outOfKeyShare(chroma, scale: $0.key.scalePitchClasses) }
    // Reported (not in the vector) so that audio and symbolic dissonance can be compared cue by cue.
    if let outOfKey { summary["out_of_key_share"] = outOfKey }
    var cues = MoodModel.Cues(
      tempoBPM: tempo?.bpm, modeSign: key.map { $0.key.mode.hasMinorThird ? -1 : 1 },
      keyClarity: key?.strength ?? 0,
      loudnessLUFS: lufs, onsetRate: onsetRate,
      brightnessHz: silent ? nil : summary["spectral_centroid_hz_mean"],
      outOfKeyShare: outOfKey)
    if let lufs, let peak = summary["peak_dbfs"],
      !MoodModel.loudnessIsMeaningful(peakDBFS: peak, integratedLUFS: lufs)
    {
      // An unmastered bounce: its level as `sketch` would level it (Features version 8).
      cues.loudnessLUFS = MoodModel.levelledLoudnessLUFS(
        integratedLUFS: lufs, peakDBFS: peak, targetLUFS: LoudnessTarget.demo.targetLUFS,
        ceilingDBFS: LoudnessTarget.demo.peakCeilingDBFS)
    }
    let terms = silent ? [] : MoodModel.audio.terms(cues)
    let mood = silent ? (valence: 0.0, arousal: -1.0) : MoodModel.mood(of: terms)
    let features = Features(
      source: .audio, durationSeconds: duration, tempoBPM: tempo?.bpm,
      tempoConfidence: tempo?.confidence ?? 0,
      key: key?.key, keyStrength: key?.strength ?? 0, loudnessLUFS: lufs, loudnessRangeLU: lra,
      valence: mood.valence, arousal: mood.arousal, summary: summary,
      local: silent ? nil : stream.localDescriptors)
    return AudioAnalysis(
      path: "", features: features, beats: tempo?.beats ?? [], originalSampleRate: sr, channels: 1,
      isSilent: silent,
      remarks: remarks, moodTerms: terms)
  }

  static func downmix(_ interleaved: [Float], channels: Int) -> [Float] {
    guard channels > 1 else { return interleaved }
    let frames = interleaved.count / channels
    let scale = 1 / Float(channels)
    return [Float](unsafeUninitializedCapacity: frames) { mono, initialized in
      interleaved.withUnsafeBufferPointer { source in
        var start = 0
        if channels == 2, let base = source.baseAddress, let out = mono.baseAddress {
          // Stereo, the common case, eight frames at a time: a per-sample loop does not vectorise.
          let raw = UnsafeRawPointer(base)
          while start + 8 <= frames {
            let pairs = raw.loadUnaligned(fromByteOffset: start * 8, as: SIMD16<Float>.self)
            let sum = (pairs.evenHalf + pairs.oddHalf) * scale
            UnsafeMutableRawPointer(out + start).storeBytes(of: sum, as: SIMD8<Float>.self)
            start += 8
          }
        }
        for frame in start..<frames {
          var sum: Float = 0
          for channel in 0..<channels { sum += source[frame * channels + channel] }
          mono[frame] = sum * scale
        }
      }
      initialized = frames
    }
  }

  static func translate(_ error: Error, path: String) -> AnalysisError {
    switch error {
    case let error as AnalysisError: return error
    case SoundError.missingFile: return .missingFile(path)
    case SoundError.unreadableAudio(_, let reason):
      return .unreadableAudio(path: path, reason: reason)
    case let error as UserFacingError:
      return .unreadableAudio(path: path, reason: error.description)
    default: return .unreadableAudio(path: path, reason: "\(error)")
    }
  }
}

/// Result slots filled by worker threads, with the next-file counter and the finished count.
private final class ResultSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<AudioAnalysis, AnalysisError>?]
  private var next = 0
  private var finished = 0

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func nextIndex() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ result: Result<AudioAnalysis, AnalysisError>, at index: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = result
    finished += 1
    return finished
  }

  func all() -> [Result<AudioAnalysis, AnalysisError>] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}

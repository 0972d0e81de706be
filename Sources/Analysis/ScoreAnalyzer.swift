import Foundation
import Theory

/// Symbolic analysis of a ``Score`` into the same ``Features`` as audio, where the idea carries over:
/// key by the same profiles on duration-weighted pitch classes (drums excluded), tempo from the tempo
/// map (time-weighted mean, confidence 1), note density, register, velocity, and mood.
///
/// Loudness in LUFS is not claimed for MIDI (nil); the mood model gets a loudness proxy from the mean
/// velocity instead (velocity 100 ≈ -12 LUFS, 40 ≈ -30 LUFS) and a brightness proxy from the mean pitch
/// (the fundamental frequency of the mean pitch times 4, a rough centroid for piano-like timbres).
struct ScoreAnalyzer {
  var profile: KeyProfile

  func analyze(_ score: Score) -> (features: Features, beats: [Double], moodTerms: [MoodModel.Term])
  {
    let duration = score.durationSeconds
    let pitched = score.tracks.filter { !$0.isDrums }.flatMap(\.notes)
    let allNotes = score.tracks.flatMap(\.notes)
    var pitchClasses = [Double](repeating: 0, count: 12)
    for note in pitched { pitchClasses[note.pitch.pitchClass] += Double(note.duration) }
    let keyEstimate =
      pitched.isEmpty
      ? nil
      : KeyEstimator(profile: profile).estimate(
        pitchClasses: pitchClasses,
        ending: KeyEstimator.endingPitchClasses(of: pitched, in: score))

    // Counted as musicians count the metre: dotted quarters in 6/8, which is also the pulse an audio
    // beat tracker finds in a render.
    let tempo =
      allNotes.isEmpty && score.tempos.isEmpty
      ? nil : score.initialMeter.countedBPM(quarterNoteBPM: meanTempo(score))
    var summary: [String: Double] = [:]
    let onsetTimes = Set(allNotes.map(\.start)).count
    let noteDensity = duration > 0 ? Double(allNotes.count) / duration : 0
    summary["note_density_per_s"] = noteDensity
    summary["onset_rate_per_s"] = duration > 0 ? Double(onsetTimes) / duration : 0
    var totalWeight = 0.0
    var weightedPitch = 0.0
    for note in pitched {
      weightedPitch += Double(note.pitch.midi) * Double(note.duration)
      totalWeight += Double(note.duration)
    }
    let pitchMean = totalWeight > 0 ? weightedPitch / totalWeight : nil
    if let pitchMean { summary["pitch_mean_midi"] = pitchMean }
    if let low = pitched.map(\.pitch.midi).min(), let high = pitched.map(\.pitch.midi).max() {
      summary["pitch_range_semitones"] = Double(high - low)
    }
    let velocityMean =
      allNotes.isEmpty
      ? nil : Double(allNotes.map(\.velocity).reduce(0, +)) / Double(allNotes.count)
    if let velocityMean { summary["velocity_mean"] = velocityMean }
    let total = pitchClasses.reduce(0, +)
    for c in 0..<12 {
      summary["chroma_\(c)_mean"] = total > 0 ? pitchClasses[c] / (pitchClasses.max() ?? 1) : 0
    }

    let key = keyEstimate.flatMap { $0.strength >= Analyzer.minimumKeyStrength ? $0 : nil }
    let outOfKey = key.flatMap {
      MoodModel.outOfKeyShare(pitchClasses, scale: $0.key.scalePitchClasses)
    }
    if let outOfKey { summary["out_of_key_share"] = outOfKey }
    let cues = MoodModel.Cues(
      tempoBPM: tempo,
      modeSign: key.map { $0.key.mode.hasMinorThird ? -1 : 1 },
      keyClarity: key?.strength ?? 0,
      loudnessLUFS: velocityMean.map { -30 + ($0 - 40) * 0.3 },
      onsetRate: summary["onset_rate_per_s"] ?? 0,
      brightnessHz: pitchMean.map { 4 * 440 * pow(2, ($0 - 69) / 12) },
      outOfKeyShare: outOfKey)
    let terms = MoodModel().terms(cues)
    let mood = MoodModel.mood(of: terms)
    let features = Features(
      source: .midi, durationSeconds: duration, tempoBPM: tempo,
      tempoConfidence: tempo == nil ? 0 : 1,
      key: key?.key, keyStrength: key?.strength ?? 0, loudnessLUFS: nil, loudnessRangeLU: nil,
      valence: mood.valence, arousal: mood.arousal, summary: summary)
    return (features, beatTimes(score), terms)
  }

  /// Tempo averaged over the piece's duration (so a short ritardando does not decide it).
  private func meanTempo(_ score: Score) -> Double {
    let changes = score.tempos.sorted { $0.tick < $1.tick }
    guard !changes.isEmpty else { return 120 }
    let end = max(score.endTick, changes.last!.tick + 1)
    var weighted = 0.0
    var ticks = 0.0
    for (i, change) in changes.enumerated() where change.tick < end {
      let next = i + 1 < changes.count ? min(changes[i + 1].tick, end) : end
      let span = Double(max(0, next - max(change.tick, 0)))
      weighted += change.bpm * span
      ticks += span
    }
    return ticks > 0 ? weighted / ticks : score.initialTempo
  }

  /// Beat times in seconds up to the end of the last note: quarter notes, or dotted quarters in a
  /// compound metre (the beat the tempo counts).
  private func beatTimes(_ score: Score) -> [Double] {
    let end = score.endTick
    guard end > 0, score.ticksPerQuarter > 0 else { return [] }
    let meter = score.initialMeter
    let beat =
      meter.isCompound
      ? meter.ticksPerBeat(ticksPerQuarter: score.ticksPerQuarter) : score.ticksPerQuarter
    return stride(from: 0, through: end, by: max(1, beat)).map {
      score.seconds(atTick: $0)
    }
  }
}

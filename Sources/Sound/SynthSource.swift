/// Hands out synths that have never played: the one loaded when the renderer was made, then new ones.
final class SynthSource {
  let soundFontPath: String
  let sampleRate: Double
  let gain: Double
  let threads: Int
  private var unused: FluidSynth?

  /// Loads the SoundFont once now, so an invalid one is reported before any output is created.
  init(soundFontPath: String, sampleRate: Double, gain: Double, threads: Int) throws {
    self.soundFontPath = soundFontPath
    self.sampleRate = sampleRate
    self.gain = gain
    self.threads = threads
    unused = try FluidSynth(
      soundFontPath: soundFontPath, sampleRate: sampleRate, gain: gain, threads: threads)
  }

  func take() throws -> FluidSynth {
    if let synth = unused {
      unused = nil
      return synth
    }
    return try FluidSynth(
      soundFontPath: soundFontPath, sampleRate: sampleRate, gain: gain, threads: threads)
  }
}

import CFluidSynth

/// The one Swift owner of a `fluid_settings_t` and the `fluid_synth_t` made from it, with one SoundFont
/// loaded. `deinit` deletes the synth before its settings, as FluidSynth requires.
final class FluidSynth {
  /// The highest `synth.sample-rate` FluidSynth 2 accepts, in Hz.
  static let maximumSampleRate = 96000.0
  private let settings: OpaquePointer
  private let synth: OpaquePointer
  let sampleRate: Double

  /// FluidSynth's own default `synth.gain` (also `fluidsynth -g`'s): quiet, so that many voices rarely clip.
  static let defaultGain = 0.2

  /// Creates a synth at `sampleRate` Hz with reverb and chorus on (FluidSynth's defaults, as `fluidsynth -F`
  /// uses), master gain `gain` (`synth.gain`, 0–10), `threads` synthesis threads (`synth.cpu-cores`),
  /// and loads `soundFontPath`.
  ///
  /// - Throws: ``SoundError/damagedSoundFont(_:)`` when FluidSynth cannot load the file.
  init(
    soundFontPath: String, sampleRate: Double, gain: Double = FluidSynth.defaultGain,
    threads: Int = 1
  ) throws {
    FluidSynthLibrary.prepare()
    guard let settings = new_fluid_settings() else {
      throw SoundError.cannotWrite(
        path: soundFontPath, reason: "FluidSynth could not allocate its settings")
    }
    // FluidSynth refuses rates outside 8–96 kHz and would quietly keep 44.1 kHz instead.
    guard fluid_settings_setnum(settings, "synth.sample-rate", sampleRate) == FLUID_OK else {
      delete_fluid_settings(settings)
      throw SoundError.unsupportedSampleRate(sampleRate)
    }
    guard fluid_settings_setnum(settings, "synth.gain", gain) == FLUID_OK else {
      delete_fluid_settings(settings)
      throw SoundError.unsupportedGain(gain)
    }
    fluid_settings_setint(settings, "synth.reverb.active", 1)
    fluid_settings_setint(settings, "synth.chorus.active", 1)
    // Offline rendering needs no real-time thread or locked memory; leave the rest at FluidSynth's defaults
    // so we sound like `fluidsynth -F`.
    fluid_settings_setint(settings, "synth.lock-memory", 0)
    // Voices are shared out to `threads` threads block by block and summed in a fixed order, so the
    // output is the same as on one thread (checked sample for sample in MultiThreadRenderTests).
    fluid_settings_setint(settings, "synth.cpu-cores", Int32(max(1, min(threads, 256))))
    // Load only the samples of the presets a piece selects: FluidR3_GM loads in ~0.15 s instead of ~0.5 s.
    // Measured with `fluidsynth -F` on POP909 001: byte-identical output either way.
    fluid_settings_setint(settings, "synth.dynamic-sample-loading", 1)
    guard let synth = new_fluid_synth(settings) else {
      delete_fluid_settings(settings)
      throw SoundError.cannotWrite(
        path: soundFontPath, reason: "FluidSynth could not create a synthesizer")
    }
    self.settings = settings
    self.synth = synth
    self.sampleRate = sampleRate
    // libinstpatch logs a GLib CRITICAL line for a damaged SoundFont; the thrown error says it once.
    guard
      CLibraryOutput.capturing({ fluid_synth_sfload(synth, soundFontPath, 1) }).value
        != FLUID_FAILED
    else {
      throw SoundError.damagedSoundFont(soundFontPath)
    }
    setChannelTypes()
  }

  deinit {
    delete_fluid_synth(synth)
    delete_fluid_settings(settings)
  }

  /// Channel 10 (index 9) plays the drum kit (bank 128), the others melodic presets, as General MIDI says.
  private func setChannelTypes() {
    for channel in 0..<16 {
      fluid_synth_set_channel_type(
        synth, Int32(channel),
        Int32(channel == 9 ? CHANNEL_TYPE_DRUM.rawValue : CHANNEL_TYPE_MELODIC.rawValue))
    }
  }

  func programChange(channel: Int, program: Int, drums: Bool) {
    if drums { fluid_synth_bank_select(synth, Int32(channel), 128) }
    fluid_synth_program_change(synth, Int32(channel), Int32(program))
  }

  func send(_ message: SynthMessage) {
    let channel = Int32(message.channel)
    switch message.kind {
    case .noteOn(let key, let velocity):
      fluid_synth_noteon(synth, channel, Int32(key), Int32(velocity))
    case .noteOff(let key): fluid_synth_noteoff(synth, channel, Int32(key))
    case .controller(let number, let value):
      fluid_synth_cc(synth, channel, Int32(number), Int32(value))
    case .pitchBend(let value): fluid_synth_pitch_bend(synth, channel, Int32(value))
    case .channelPressure(let value): fluid_synth_channel_pressure(synth, channel, Int32(value))
    case .polyPressure(let key, let value):
      fluid_synth_key_pressure(synth, channel, Int32(key), Int32(value))
    case .program(let program):
      programChange(channel: message.channel, program: program, drums: message.channel == 9)
    }
  }

  /// Renders `frames` stereo frames into `buffer` (interleaved left/right) starting at frame `offset`.
  func render(frames: Int, into buffer: inout [Float], atFrame offset: Int) {
    precondition((offset + frames) * 2 <= buffer.count, "render buffer too small")
    buffer.withUnsafeMutableBufferPointer { samples in
      let base = UnsafeMutableRawPointer(samples.baseAddress! + offset * 2)
      _ = fluid_synth_write_float(synth, Int32(frames), base, 0, 2, base, 1, 2)
    }
  }
}

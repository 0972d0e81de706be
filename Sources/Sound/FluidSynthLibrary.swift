import CFluidSynth

/// One-time process set-up of libfluidsynth, done before the first settings object exists.
enum FluidSynthLibrary {
  /// Registers no audio drivers (we only render offline, so none should be probed or opened) and
  /// silences FluidSynth's own logging: its messages ("Not a SoundFont file", …) would leak onto the
  /// user's terminal, and every failure is reported as a ``SoundError`` instead.
  ///
  /// A global `let` is initialised exactly once, thread-safely, on first use.
  static let prepared: Bool = {
    var noDrivers: [UnsafePointer<CChar>?] = [nil]
    let driversResult = noDrivers.withUnsafeMutableBufferPointer {
      fluid_audio_driver_register($0.baseAddress)
    }
    for level in [FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG] {
      _ = fluid_set_log_function(Int32(level.rawValue), nil, nil)
    }
    return driversResult == FLUID_OK
  }()

  static func prepare() { _ = prepared }
}

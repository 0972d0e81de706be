extension Features {
  /// Below this ``tempoConfidence`` an audio file's pulse is too weak for its tempo to be trusted.
  ///
  /// Measured on renders whose tempo is known (Benchmarks/mood): of the 528 sketch renders, 7 fall
  /// below it and 2 of them are heard at the planned tempo, against 482 of the other 521; of vgmidi's 204
  /// piano renders, 4 fall below it and 1 matches its MIDI tempo map, against 133 of 200. Such files are
  /// sparse or rubato (a lullaby with an onset a second, a free piano phrase); the 16 Debian tracks of
  /// Benchmarks/analysis all measure 0.54 or more.
  public static let weakPulseConfidence = 0.2

  /// Whether the tempo was heard in audio with a pulse too weak to trust (``weakPulseConfidence``);
  /// a MIDI file's tempo map is never weak.
  public var hasWeakPulse: Bool {
    source == .audio && tempoBPM != nil && tempoConfidence < Features.weakPulseConfidence
  }
}

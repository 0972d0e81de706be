import Theory

/// One MIDI channel message, placed at the audio frame where it must sound.
struct SynthMessage: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case noteOn(key: Int, velocity: Int)
    case noteOff(key: Int)
    case controller(number: Int, value: Int)
    case pitchBend(Int)
    case channelPressure(Int)
    case polyPressure(key: Int, value: Int)
    case program(Int)

    /// At one frame: controllers first (a bank select must precede the program change it applies to),
    /// then programs, then note-offs, then note-ons, so a re-struck note is released before it starts
    /// again and sounds with its new settings.
    var order: Int {
      switch self {
      case .controller, .pitchBend, .channelPressure, .polyPressure: 0
      case .program: 1
      case .noteOff: 2
      case .noteOn: 3
      }
    }
  }

  var frame: Int
  var channel: Int
  var kind: Kind
}

extension SynthMessage {
  /// Every message of `score` at its frame (tempo map through `Score.seconds(atTick:)`), sorted for playback.
  ///
  /// FluidSynth starts a message at the beginning of one of its internal blocks of `blockFrames` frames
  /// (64: 1.45 ms at 44.1 kHz), never inside one. Each message is therefore placed on the block boundary
  /// nearest its exact time (within ±0.73 ms at 44.1 kHz); the renderer then renders exactly up to that
  /// boundary, so the message sounds there and not one block late.
  static func schedule(_ score: Score, sampleRate: Double, blockFrames: Int = 64) -> [SynthMessage]
  {
    // Tick → frame for every distinct tick, since seconds(atTick:) walks the tempo map each call.
    var frameCache: [Int: Int] = [:]
    func frame(_ tick: Int) -> Int {
      if let cached = frameCache[tick] { return cached }
      // A damaged file can carry a zero tempo (infinite seconds); keep such events at a finite place
      // (at most 24 h in) rather than trapping on the conversion to Int.
      let seconds = score.seconds(atTick: max(0, tick))
      let exact = seconds.isFinite ? min(max(seconds, 0), 86_400) * sampleRate : 0
      let value = Int((exact / Double(blockFrames)).rounded()) * blockFrames
      frameCache[tick] = value
      return value
    }
    var messages: [SynthMessage] = []
    for track in score.tracks {
      let channel = track.channel
      guard (0..<16).contains(channel) else { continue }
      // The track's program is the one sounding at its first note (SMF folds earlier program changes
      // into it), so send it there: after any bank select or set-up controllers that come before.
      let firstNoteTick = track.notes.map(\.start).min() ?? 0
      messages.append(
        SynthMessage(
          frame: frame(firstNoteTick), channel: channel,
          kind: .program(min(max(track.program, 0), 127))))
      for control in track.controls {
        let kind: Kind
        switch control.kind {
        case .controller: kind = .controller(number: control.number, value: control.value)
        case .pitchBend: kind = .pitchBend(control.value)
        case .channelPressure: kind = .channelPressure(control.value)
        case .polyPressure: kind = .polyPressure(key: control.number, value: control.value)
        case .programChange: kind = .program(control.number)
        }
        messages.append(SynthMessage(frame: frame(control.tick), channel: channel, kind: kind))
      }
      for note in track.notes where note.pitch.isValidMIDI && note.velocity > 0 {
        let start = frame(note.start)
        // A zero-length note still sounds its attack for one FluidSynth block rather than vanishing.
        let end = max(frame(note.start + max(note.duration, 0)), start + blockFrames)
        messages.append(
          SynthMessage(
            frame: start, channel: channel,
            kind: .noteOn(key: note.pitch.midi, velocity: min(note.velocity, 127))))
        messages.append(
          SynthMessage(frame: end, channel: channel, kind: .noteOff(key: note.pitch.midi)))
      }
    }
    // Stable sort keeps track order for equal frame and kind.
    return messages.enumerated().sorted { a, b in
      if a.element.frame != b.element.frame { return a.element.frame < b.element.frame }
      if a.element.kind.order != b.element.kind.order {
        return a.element.kind.order < b.element.kind.order
      }
      return a.offset < b.offset
    }.map(\.element)
  }
}

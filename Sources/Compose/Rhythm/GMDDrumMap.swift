/// The Groove MIDI Dataset's Roland TD-11 note numbers turned into General MIDI drum keys (35–81).
///
/// GMD's own paper (Gillick et al. 2019, table 2) groups the TD-11's pads into nine classes. Most of its
/// numbers already mean the same drum in GM; the ones that do not are the hi-hat edge zones (22 closed,
/// 26 open), the floor tom's rim (58, a vibraslap in GM), the first crash's edge (55, GM splash) and the
/// second crash's edge (52, GM Chinese cymbal). Those are folded into the GM key of the same drum, so a
/// groove played on the TD-11 sounds like the same kit on any GM synth.
public enum GMDDrumMap {
  /// The GM key for a TD-11 note, or nil for notes the kit does not send (they are dropped).
  public static func generalMIDI(_ td11: Int) -> Int? {
    switch td11 {
    case 36: 36  // kick
    case 38: 38  // snare head
    case 40: 40  // snare rim shot: GM electric snare, the brighter snare sound
    case 37: 37  // cross-stick: GM side stick
    case 42, 22: 42  // closed hi-hat, bow and edge
    case 44: 44  // pedal hi-hat
    case 46, 26: 46  // open hi-hat, bow and edge
    case 43, 58: 43  // floor tom head and rim
    case 45, 47: 45  // low-mid tom head and rim (GMD's class uses 47; 45 is the same drum lower)
    case 48, 50: 48  // high tom head and rim
    case 49, 55: 49  // crash 1 bow and edge
    case 57, 52: 57  // crash 2 bow and edge
    case 51, 59: 51  // ride bow and edge
    case 53: 53  // ride bell
    default: nil
    }
  }

  /// The nine drum classes of the GMD paper, used to compare patterns regardless of zone or velocity.
  public enum DrumClass: Int, CaseIterable, Sendable {
    case kick, snare, closedHat, openHat, lowTom, midTom, highTom, crash, ride
  }

  /// The class of a GM key written by ``generalMIDI(_:)``.
  public static func drumClass(_ gm: Int) -> DrumClass {
    switch gm {
    case 35, 36: .kick
    case 37, 38, 39, 40: .snare
    case 42, 44: .closedHat
    case 46: .openHat
    case 41, 43: .lowTom
    case 45, 47: .midTom
    case 48, 50: .highTom
    case 49, 52, 55, 57: .crash
    default: .ride
    }
  }
}

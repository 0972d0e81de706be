import Theory

/// Where General MIDI drum sounds sit on a percussion staff, after the common drum-set key (kick in the
/// bottom space, snare in the third space, cymbals above the staff with x noteheads).
enum DrumNotation {
  struct Placement {
    var name: String
    var step: NoteClass.Letter
    var octave: Int
    var notehead: String?
  }

  static func placement(of pitch: Int) -> Placement {
    switch pitch {
    case 35: Placement(name: "Acoustic Bass Drum", step: .E, octave: 4, notehead: nil)
    case 36: Placement(name: "Bass Drum", step: .F, octave: 4, notehead: nil)
    case 37: Placement(name: "Side Stick", step: .C, octave: 5, notehead: "x")
    case 38: Placement(name: "Snare Drum", step: .C, octave: 5, notehead: nil)
    case 39: Placement(name: "Hand Clap", step: .C, octave: 5, notehead: "x")
    case 40: Placement(name: "Electric Snare", step: .C, octave: 5, notehead: nil)
    case 41: Placement(name: "Low Floor Tom", step: .G, octave: 4, notehead: nil)
    case 42: Placement(name: "Closed Hi-Hat", step: .G, octave: 5, notehead: "x")
    case 43: Placement(name: "High Floor Tom", step: .A, octave: 4, notehead: nil)
    case 44: Placement(name: "Pedal Hi-Hat", step: .D, octave: 4, notehead: "x")
    case 45: Placement(name: "Low Tom", step: .B, octave: 4, notehead: nil)
    case 46: Placement(name: "Open Hi-Hat", step: .G, octave: 5, notehead: "circle-x")
    case 47: Placement(name: "Low-Mid Tom", step: .D, octave: 5, notehead: nil)
    case 48: Placement(name: "Hi-Mid Tom", step: .E, octave: 5, notehead: nil)
    case 49, 57: Placement(name: "Crash Cymbal", step: .A, octave: 5, notehead: "x")
    case 50: Placement(name: "High Tom", step: .E, octave: 5, notehead: nil)
    case 51, 59: Placement(name: "Ride Cymbal", step: .F, octave: 5, notehead: "x")
    case 52: Placement(name: "Chinese Cymbal", step: .B, octave: 5, notehead: "x")
    case 53: Placement(name: "Ride Bell", step: .F, octave: 5, notehead: "diamond")
    case 54: Placement(name: "Tambourine", step: .E, octave: 5, notehead: "x")
    case 55: Placement(name: "Splash Cymbal", step: .B, octave: 5, notehead: "x")
    case 56: Placement(name: "Cowbell", step: .E, octave: 5, notehead: "triangle")
    default: Placement(name: "Percussion \(pitch)", step: .C, octave: 5, notehead: "x")
    }
  }
}

import Affect

/// How each style dresses the harmony: the accompaniment figure, the bass line and the drum groove.
///
/// These are the conventions session players use (pads under cinematic and ambient music, picked
/// arpeggios in folk and lo-fi, off-beat stabs in funk and EDM, walking bass in jazz, root–fifth
/// alternation in country), written as rules because the licensed training data (POP909 piano
/// arrangements) covers one style only.
public struct Arrangement: Sendable, Hashable {
  public enum Comping: String, Sendable, Hashable, Codable {
    /// Sustained chords, re-struck at most once a bar.
    case pad
    /// One chord per beat.
    case quarters
    /// Driving eighth-note chords (rock).
    case eighths
    /// Broken chords in eighths, up and down the voicing.
    case arpeggio
    /// Short off-beat chords with a hit on the downbeat.
    case stabs
    /// Off-beat "skank" chords (reggae, ska).
    case skank
    /// Syncopated bossa nova / Charleston-like figure.
    case syncopated
    /// The 3 + 3 + 2 "tresillo" push of modern pop piano and guitar.
    case tresillo
    /// Root, fifth and octave in eighths, low (metal, punk).
    case powerChords
    /// Chords between the bass notes, on 2 and 4 (country "boom-chick").
    case boomChick
    /// Repeated broken-chord figures in eighths and sixteenths (film-score strings).
    case ostinato
  }

  public enum Bass: String, Sendable, Hashable, Codable {
    case sustained, halfNotes, eighths, rootFifth, walking, syncopated, offbeat, bossa
    /// Sequenced eighths and sixteenths bouncing between root and octave (synthwave).
    case arpeggiated
    /// Long 808 notes that glide into the next one with pitch bend (trap).
    case eightOhEight
  }

  public enum Groove: String, Sendable, Hashable, Codable {
    case pop, rock, metal, punk, fourOnTheFloor, halfTimeTrap, boomBap, funk, backbeat, jazzRide,
      bossa, oneDrop,
      shuffle, cinematic
  }

  public var comping: Comping
  public var bass: Bass
  public var groove: Groove

  public init(comping: Comping, bass: Bass, groove: Groove) {
    self.comping = comping
    self.bass = bass
    self.groove = groove
  }

  /// The arrangement a style calls for; intense cinematic music drives with string ostinati instead
  /// of held pads (the trailer idiom).
  public static func forStyle(_ style: Style, arousal: Double = 0) -> Arrangement {
    if style == .cinematic, arousal > 0.3 {
      return Arrangement(comping: .ostinato, bass: .eighths, groove: .cinematic)
    }
    return switch style {
    case .pop: Arrangement(comping: .tresillo, bass: .halfNotes, groove: .pop)
    case .rock: Arrangement(comping: .eighths, bass: .eighths, groove: .rock)
    case .metal: Arrangement(comping: .powerChords, bass: .eighths, groove: .metal)
    case .punk: Arrangement(comping: .powerChords, bass: .eighths, groove: .punk)
    case .edm, .house: Arrangement(comping: .stabs, bass: .offbeat, groove: .fourOnTheFloor)
    case .synthwave: Arrangement(comping: .pad, bass: .arpeggiated, groove: .pop)
    case .trap: Arrangement(comping: .pad, bass: .eightOhEight, groove: .halfTimeTrap)
    case .hiphop: Arrangement(comping: .stabs, bass: .syncopated, groove: .boomBap)
    case .lofi: Arrangement(comping: .arpeggio, bass: .syncopated, groove: .boomBap)
    case .rnb, .soul, .gospel: Arrangement(comping: .quarters, bass: .syncopated, groove: .backbeat)
    case .funk: Arrangement(comping: .stabs, bass: .syncopated, groove: .funk)
    case .blues: Arrangement(comping: .quarters, bass: .walking, groove: .shuffle)
    case .country, .bluegrass: Arrangement(comping: .boomChick, bass: .rootFifth, groove: .shuffle)
    case .folk: Arrangement(comping: .arpeggio, bass: .rootFifth, groove: .backbeat)
    case .classical: Arrangement(comping: .arpeggio, bass: .halfNotes, groove: .cinematic)
    case .cinematic: Arrangement(comping: .pad, bass: .sustained, groove: .cinematic)
    case .ambient: Arrangement(comping: .pad, bass: .sustained, groove: .cinematic)
    case .jazz: Arrangement(comping: .syncopated, bass: .walking, groove: .jazzRide)
    case .bossaNova: Arrangement(comping: .syncopated, bass: .bossa, groove: .bossa)
    case .reggae: Arrangement(comping: .skank, bass: .syncopated, groove: .oneDrop)
    }
  }
}

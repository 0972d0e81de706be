import Theory

/// What `continue` prints and writes as sketch.json: what was found in the draft and what was added.
public struct ContinuationReport: Sendable, Hashable, Codable {
  public struct NewChord: Sendable, Hashable, Codable {
    public var bar: Int
    public var symbol: String
    public var roman: String
  }
  public struct TrackRole: Sendable, Hashable, Codable {
    public var track: String
    public var channel: Int
    public var program: Int
    public var role: String
  }
  public var draft: String
  public var seed: UInt64
  public var key: String
  public var keySource: String
  public var meter: String
  public var tempoBPM: Double
  public var tempoChanges: Int
  public var melodyTrack: String
  public var melodyReason: String
  public var draftBars: Int
  public var newBars: Int
  /// The draft's recognised chords, bar by bar ("-" for none).
  public var draftChords: [String]
  public var chords: [NewChord]
  public var tracks: [TrackRole]
  public var reasons: [String]
  public var files: [String: String]

  public init(
    draft: String, seed: UInt64, key: Key, keySource: String, melodyReason: String,
    draftChords: [String], continuation: DraftContinuation, newBars: Int, files: [String: String]
  ) {
    let score = continuation.score
    self.draft = draft
    self.seed = seed
    self.key = key.description
    self.keySource = keySource
    meter = score.initialMeter.description
    tempoBPM = score.tempos.last?.bpm ?? 120
    tempoChanges = max(0, score.tempos.count - 1)
    let melody = continuation.trackRoles.firstIndex(of: "melody") ?? 0
    melodyTrack = score.tracks[melody].name
    self.melodyReason = melodyReason
    draftBars = continuation.firstNewBar
    self.newBars = newBars
    self.draftChords = draftChords
    chords = continuation.chords.map {
      NewChord(bar: $0.bar + 1, symbol: $0.chord.symbol, roman: $0.roman.description)
    }
    tracks = score.tracks.indices.map {
      TrackRole(
        track: score.tracks[$0].name, channel: score.tracks[$0].channel,
        program: score.tracks[$0].program, role: continuation.trackRoles[$0])
    }
    reasons = continuation.reasons
    self.files = files
  }
}

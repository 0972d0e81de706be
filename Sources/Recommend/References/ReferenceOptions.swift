/// How `references` searches, beyond the draft itself. Defaults: 10 results, all weights 1, no filters,
/// no diversity re-ranking.
public struct ReferenceOptions: Sendable, Hashable {
  /// Results wanted.
  public var k = 10
  public var weights = ReferenceWeights()
  /// A mood to pull toward (valence, arousal, each −1…1), e.g. parsed from `--mood PROMPT`.
  public var targetMood: (valence: Double, arousal: Double)? {
    get { targetValence.flatMap { v in targetArousal.map { (v, $0) } } }
    set {
      targetValence = newValue?.valence
      targetArousal = newValue?.arousal
    }
  }
  var targetValence: Double?
  var targetArousal: Double?
  /// How far the query's mood moves toward ``targetMood``: 0 keeps the draft's, 1 replaces it; default 0.7.
  /// With a target mood the mood weight is also doubled, so the pull shows in the ranking.
  public var moodPull = 0.7
  /// Keep only tracks whose style, tags or inferred style match this name (as ``StyleVocabulary`` maps it,
  /// so `hip-hop` finds `hiphop`; case and punctuation ignored).
  public var style: String?
  /// The draft's own style (a sketch's plan): the style term of the distance favours it (see ``StyleTerm``).
  /// When nil, ``style`` is used; with neither, the term is left out.
  public var draftStyle: String?
  /// Keep only tracks whose tempo, or its half or double, lies in this range (BPM).
  public var tempoRange: ClosedRange<Double>?
  /// Re-rank by maximal marginal relevance so results are not near-copies of each other.
  public var diverse = false
  /// MMR trade-off λ: 1 is pure relevance, 0 pure novelty; default 0.5, an even trade (relevance and
  /// redundancy use the same `exp(−distance)` scale, so anything above about 0.7 rarely changes the list).
  public var diversityLambda = 0.5
  /// Absolute paths of catalog tracks to leave out, e.g. the draft itself when it is in the catalog.
  public var excludedPaths: Set<String> = []
  /// Whether a draft analysed from audio and shorter than a track is also compared with the track's part
  /// most like it, weighing tempo, key and mood (estimated from little audio) by how well they survive
  /// excerpting (``LocalMatch``); default true. Off for a sketch, whose key and tempo come from its MIDI.
  public var comparesParts = true
  /// Scanning threads; default 2.
  public var threads = 2

  public init() {}
}

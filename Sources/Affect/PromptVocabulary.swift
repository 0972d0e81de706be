/// The function words the parser treats specially: negators, intensifiers and softeners, clause
/// boundaries, and stop words that carry no mood (ignored, never reported as unknown).
///
/// Intensifier factors follow the idea of Taboada, Brooke, Tofiloski, Voll & Stede (2011),
/// "Lexicon-based methods for sentiment analysis", Computational Linguistics 37(2): amplifiers and
/// downtoners multiply a word's strength by a percentage ("very" +25 % … "slightly" −50 %). The
/// factors below are the project's own, chosen so that an order users expect holds
/// ("extremely" > "very" > plain > "kind of" > "slightly" > "barely").
enum PromptVocabulary {
  /// Multiplier applied to the next mood word's valence and arousal.
  static let intensifiers: [String: Double] = [
    // amplifiers
    "very": 1.3, "really": 1.25, "so": 1.25, "super": 1.35, "extremely": 1.5, "incredibly": 1.45,
    "insanely": 1.5, "totally": 1.3, "deeply": 1.35, "utterly": 1.5, "truly": 1.25, "highly": 1.3,
    "most": 1.3, "more": 1.15, "too": 1.2, "overly": 1.3, "quite": 1.1, "pretty": 1.1,
    "seriously": 1.3,
    "absolutely": 1.45, "completely": 1.4, "intensely": 1.45, "hugely": 1.4, "massively": 1.4,
    "ultra": 1.45, "hyper": 1.4, "mega": 1.4, "way": 1.3, "especially": 1.2, "particularly": 1.2,
    "properly": 1.2, "pure": 1.25, "purely": 1.25, "thoroughly": 1.35, "wildly": 1.4,
    "exceptionally": 1.45, "remarkably": 1.3, "terribly": 1.4, "awfully": 1.35, "profoundly": 1.4,
    "ridiculously": 1.45, "hella": 1.35,
    "a lot": 1.2, "so much": 1.3, "very very": 1.5, "really really": 1.45, "all out": 1.4,
    "as hell": 1.4, "to the max": 1.5, "over the top": 1.45,
    // softeners (downtoners)
    "slightly": 0.5, "somewhat": 0.7, "fairly": 0.85, "rather": 0.9, "mildly": 0.55,
    "moderately": 0.75,
    "lightly": 0.6, "gently": 0.65, "softly": 0.65, "subtly": 0.55, "faintly": 0.4, "barely": 0.3,
    "hardly": 0.3, "scarcely": 0.3, "less": 0.7, "kinda": 0.7, "sorta": 0.7, "partly": 0.6,
    "almost": 0.8, "nearly": 0.8, "semi": 0.6, "little": 0.6, "bit": 0.6, "touch": 0.6,
    "a bit": 0.6, "a little": 0.6, "a little bit": 0.5, "a tiny bit": 0.4, "a touch": 0.6,
    "a hint of": 0.45, "hint of": 0.45, "a tad": 0.6, "kind of": 0.7, "sort of": 0.7,
    "a bit of": 0.6,
    "just a bit": 0.5, "more or less": 0.8, "somewhat of a": 0.7, "a little more": 0.8,
  ]

  /// The strength of a negation: `shift` for ordinary negators (Taboada et al.'s shift negation),
  /// `contrary` for phrases that name the opposite ("anything but calm" means agitated).
  enum Negation: Equatable {
    case shift, contrary
  }

  static let negators: [String: Negation] = [
    "not": .shift, "no": .shift, "never": .shift, "without": .shift, "nothing": .shift,
    "none": .shift,
    "nor": .shift, "neither": .shift, "isnt": .shift, "dont": .shift, "doesnt": .shift,
    "wasnt": .shift,
    "arent": .shift, "cant": .shift, "wont": .shift, "shouldnt": .shift, "lacking": .shift,
    "zero": .shift,
    "non": .shift, "minus": .shift, "avoid": .shift, "nothing too": .shift, "not at all": .shift,
    "less of": .shift, "free of": .shift, "without any": .shift, "no more": .shift,
    "not really": .shift,
    "anything but": .contrary, "far from": .contrary, "opposite of": .contrary,
    "the opposite of": .contrary,
    "nothing like": .contrary, "instead of": .contrary, "rather than": .contrary, "anti": .contrary,
    "the reverse of": .contrary, "everything but": .contrary,
  ]

  /// First words of multi-word modifiers ("a bit", "anything but"), so other words skip the phrase probes.
  static let phraseStarts: Set<String> = Set(
    (Array(intensifiers.keys) + Array(negators.keys)).filter { $0.contains(" ") }
      .compactMap { $0.split(separator: " ").first.map(String.init) })

  /// Words that end a clause as punctuation does: a negation does not reach past them.
  static let clauseBreakers: Set<String> = [
    "but", "yet", "though", "although", "however", "while", "whereas", "and", "then", "plus",
    "also", "except",
  ]

  /// Clause breakers that introduce the point of a contrast; what follows weighs more.
  static let contrastWords: Set<String> = ["but", "yet", "however"]

  /// Function words and generic music nouns: no mood, ignored, not reported as unknown.
  static let stopWords: Set<String> = [
    "a", "an", "the", "with", "of", "for", "in", "on", "at", "to", "from", "by", "into", "onto",
    "over",
    "under", "about", "as", "like", "than", "that", "this", "these", "those", "it", "its", "is",
    "are",
    "was", "were", "be", "been", "being", "am", "i", "me", "my", "mine", "we", "us", "our", "you",
    "your",
    "he", "she", "they", "them", "their", "his", "her", "or", "if", "some", "any", "all", "each",
    "every",
    "just", "kind", "sort", "type", "something", "somewhat", "stuff", "thing", "things", "one",
    "ones",
    "music", "song", "songs", "track", "tracks", "tune", "tunes", "piece", "pieces", "beat",
    "beats",
    "vibe", "vibes", "feel", "feels", "feeling", "mood", "moods", "sound", "sounds", "sounding",
    "style",
    "genre", "want", "wants", "need", "needs", "please", "make", "makes", "give", "gives", "write",
    "compose", "create", "play", "playing", "listen", "listening", "get", "gets", "have", "has",
    "had",
    "do", "does", "did", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
    "which", "who", "whom", "what", "when", "where", "why", "how", "there", "here", "very", "more",
    "much", "many", "own", "same", "other", "another", "such", "only", "still", "even", "ever",
    "again",
    "maybe", "perhaps", "lets", "let", "im", "ive", "id", "youre", "its", "thats", "whats",
    "theres",
    "something", "bit", "ish", "vibey", "type", "w", "n", "ft", "feat", "version", "mix", "remix",
    "edit",
    "intro", "outro", "verse", "chorus", "bridge", "loop", "loops", "sample", "samples",
    "instrumental",
    "background", "soundtrack", "playlist", "album", "record", "records", "bpm", "key", "major",
    "minor", "through", "along", "across", "after", "before", "during", "around", "behind",
    "between",
    "within", "toward", "towards", "up", "off", "out", "near", "upon", "via", "per", "end", "long",
    "theme",
    "themes", "show", "scene", "scenes", "level", "world", "base", "part", "moment", "moments",
    "time",
    "times", "place", "way", "ways", "lot", "lots", "bunch", "etc", "yes", "down", "session",
    "sessions", "full", "notes", "note", "ending", "story",
  ]
}

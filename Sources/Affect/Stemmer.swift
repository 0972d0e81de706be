/// Guesses base forms of an inflected English word so the lexicon need not list every form.
///
/// Deliberately small (a handful of suffix rules in the spirit of Porter 1980, without his measure
/// conditions): it only proposes candidates, and a candidate counts only if the lexicon has it, so a
/// wrong guess costs nothing. "dreaming" → dream, "relaxed" → relax, "happier" → happy, "sadness" → sad,
/// "gently" → gentle, "beaches" → beach, "running" → run, "breezy" → breeze, "foggy" → fog.
enum Stemmer {
  /// Candidate base forms, most likely first; never includes the word itself.
  static func candidates(for word: String) -> [String] {
    var out: [String] = []
    func add(_ s: String) {
      if s.count >= 2, s != word, !out.contains(s) { out.append(s) }
    }
    func drop(_ suffix: String) -> String? {
      word.hasSuffix(suffix) && word.count > suffix.count + 1
        ? String(word.dropLast(suffix.count)) : nil
    }
    // "running" → "run", "sadder" → "sad": undouble a final consonant left by the suffix.
    func undoubled(_ stem: String) -> String? {
      guard stem.count >= 3, let last = stem.last, !"aeiouy".contains(last),
        stem.dropLast().last == last
      else { return nil }
      return String(stem.dropLast())
    }

    for (suffix, replacement) in [
      ("iness", "y"), ("ily", "y"), ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"),
    ] {
      if let stem = drop(suffix) { add(stem + replacement) }
    }
    if let stem = drop("ness") { add(stem) }
    if let stem = drop("ly") {
      add(stem)
      add(stem + "le")  // gently → gentle
      add(stem + "e")
    }
    for suffix in ["ing", "ed", "er", "est", "y"] {
      if let stem = drop(suffix) {
        add(stem)
        add(stem + "e")
        if let u = undoubled(stem) { add(u) }
      }
    }
    if let stem = drop("es") { add(stem) }
    if let stem = drop("s"), !word.hasSuffix("ss") { add(stem) }
    return out
  }
}

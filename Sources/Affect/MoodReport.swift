import Foundation

/// A mood as `moodsketch mood --json` reports it: the ``Mood`` plus the derived words a script would
/// otherwise have to recompute (quadrant, plain words), and the prompt it came from.
public struct MoodReport: Sendable, Hashable, Codable {
  public var prompt: String
  public var valence: Double
  public var arousal: Double
  /// "despairing", "sad", "neutral", "pleasant", "joyful".
  public var valenceWord: String
  /// "very calm", "calm", "moderate", "lively", "intense".
  public var arousalWord: String
  /// "Q1" … "Q4".
  public var quadrant: Mood.Quadrant
  public var styles: [Mood.StyleWeight]
  public var drivers: [Mood.Driver]
  public var unknownWords: [String]

  public init(prompt: String, mood: Mood) {
    self.prompt = prompt
    valence = mood.valence
    arousal = mood.arousal
    valenceWord = mood.valenceWord
    arousalWord = mood.arousalWord
    quadrant = mood.quadrant
    styles = mood.styles
    drivers = mood.drivers
    unknownWords = mood.unknownWords
  }

  /// The report as lines for people: valence and arousal with a word, quadrant, styles, drivers, unknown words.
  public var text: String {
    var lines = [
      "prompt    \(prompt)",
      "valence   \(AffectFormat.signed(valence)) (\(valenceWord))",
      "arousal   \(AffectFormat.signed(arousal)) (\(arousalWord))",
      "quadrant  \(quadrant.rawValue) (\(quadrant.summary))",
      "styles    "
        + (styles.isEmpty
          ? "none named"
          : styles.map { "\($0.style.rawValue) \(AffectFormat.fixed($0.weight))" }.joined(
            separator: ", ")),
      "drivers",
    ]
    let width = min(28, drivers.map { $0.text.count }.max() ?? 0)
    for d in drivers {
      var line =
        "  " + d.text.padding(toLength: max(width, d.text.count), withPad: " ", startingAt: 0)
      // Pad unsigned zeros so the columns line up with signed values.
      let v = AffectFormat.signed(d.valence)
      let a = AffectFormat.signed(d.arousal)
      line += "  V \(v.count < 5 ? " " + v : v)  A \(a.count < 5 ? " " + a : a)"
      var notes: [String] = []
      if let term = d.term, term != d.text.lowercased() { notes.append("as '\(term)'") }
      if let category = d.category { notes.append(category) }
      if !d.modifiers.isEmpty { notes.append("modified by " + d.modifiers.joined(separator: ", ")) }
      if !notes.isEmpty { line += "  (" + notes.joined(separator: "; ") + ")" }
      lines.append(line)
    }
    lines.append(
      "unknown   " + (unknownWords.isEmpty ? "none" : unknownWords.joined(separator: ", ")))
    return lines.joined(separator: "\n")
  }
}
